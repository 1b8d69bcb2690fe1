// npm run bench:ingest-cli: how long the compiled `npm run ingest` takes to load many generated
// plans in one run (every file parsed, then one transaction), and the database it makes. With
// COMPARE_WITH=/path/to/other/checkout (built with npm run build), both builds are run in turns,
// ROUNDS times, so that a change's cost is read against a baseline measured in the same run.
// Run by hand on a quiet machine; PLANS (default 1000) sets how many plans.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { projectRoot } from '../src/paths.js'
import { generatePlan } from './generate-plans.js'

const plans = Number(process.env.PLANS ?? 1000)
const rounds = Number(process.env.ROUNDS ?? 2)
const builds = [projectRoot, ...(process.env.COMPARE_WITH?.split(':').filter(Boolean) ?? [])]

const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-cli-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const files = Array.from({ length: plans }, (_, i) => {
  const path = join(dir, `plan-${String(i + 1).padStart(4, '0')}.txt`)
  writeFileSync(path, generatePlan(i + 1))
  return path
})

for (let round = 1; round <= rounds; round++) {
  for (const build of builds) {
    const db = join(dir, `round-${round}.db`)
    const start = performance.now()
    execFileSync(process.execPath, [join(build, 'dist/cli/ingest.js'), '--db', db, ...files], {
      cwd: build,
      stdio: 'ignore',
    })
    const seconds = (performance.now() - start) / 1000
    const mib = statSync(db).size / 2 ** 20
    console.log(
      `round ${round} ${build}: ${plans} plans in ${seconds.toFixed(1)} s (${((seconds * 1000) / plans).toFixed(1)} ms a plan), database ${mib.toFixed(1)} MiB`,
    )
    rmSync(db, { force: true })
    rmSync(`${db}-wal`, { force: true })
    rmSync(`${db}-shm`, { force: true })
  }
}
