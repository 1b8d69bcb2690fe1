// npm run bench: each read path of the service against the physical limit of its own response,
// asked as real clients ask. For every path and header set (none; a browser's Accept-Encoding,
// Accept and User-Agent) the response is fetched once, undecoded; a bare node:http server
// (bench/bare-server.mts, another process) then answers those very bytes, and wrk loads the
// service and the bare server in turns, in the same run. Reported: throughput ratio
// service/bare, processor time per request of each (from /proc), and the service's peak resident
// memory. The last rows repeat two paths on a service whose kept answers go through the
// framework's first hooks (HOT_PATH=false), to show what the hot path buys. Results go to
// bench/results.json.
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { HEADER_SETS, measure, printRows, type Row, type Target } from './against-bare.js'
import { nestedTasksQuery, peakRss, sampleTask, startCompiledServer } from './compiled-server.js'
import { ensureWrk } from './wrk.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = 50
const SHAPE = { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS }
const RSS_GOAL_MB = 150
const CPU_GOAL = 1.3

ensureWrk()
execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-http-'))
const service = await startCompiledServer({ DB_PATH: join(dir, 'plan.db') })
let peakRssMb = 0
const rows: Row[] = []
try {
  // The paths are found from the data, so that the bench runs on any plan.
  const { id: taskId, word } = await sampleTask(service.url)
  const targets: Target[] = [
    { name: 'REST item', goal: 0.9, path: `/v1/tasks/${taskId}` },
    { name: 'REST list of 50', goal: 0.9, path: '/v1/tasks?limit=50' },
    { name: 'CSV export', goal: 0.9, path: '/v1/tasks.csv' },
    { name: 'search', goal: 0.9, path: `/v1/search?q=${encodeURIComponent(word)}` },
    {
      name: 'GraphQL nested',
      goal: 0.8,
      path: '/graphql',
      method: 'POST',
      body: JSON.stringify({ query: nestedTasksQuery() }),
      headers: { 'content-type': 'application/json' },
    },
  ]
  rows.push(...(await measure(service, targets, Object.keys(HEADER_SETS), dir, SHAPE)))
  // Resident memory at its peak over the whole run, the cache full of every answer and copy.
  peakRssMb = peakRss(service.child.pid!) / 1024 / 1024

  // The same kept answers through the framework's first hooks instead of the hot path.
  const framework = await startCompiledServer({ DB_PATH: join(dir, 'plan.db'), HOT_PATH: 'false' })
  try {
    rows.push(
      ...(await measure(
        framework,
        targets.slice(0, 2),
        ['browser'],
        dir,
        SHAPE,
        ' (HOT_PATH=false)',
      )),
    )
  } finally {
    framework.child.kill('SIGTERM')
    await once(framework.child, 'exit')
  }
} finally {
  service.child.kill('SIGTERM')
  await once(service.child, 'exit')
  rmSync(dir, { recursive: true, force: true })
}

console.log(
  `\n${availableParallelism()} cores; wrk, ${CONNECTIONS} connections; ${ROUNDS} × ${SECONDS} s per side, alternating\n`,
)
printRows(rows, CPU_GOAL)
console.log(
  `\nthe service's peak resident memory (VmHWM): ${peakRssMb.toFixed(0)} MB ` +
    `${peakRssMb < RSS_GOAL_MB ? '<' : '≥'} ${RSS_GOAL_MB} MB`,
)
writeFileSync(
  join(projectRoot, 'bench/results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), loadGenerator: 'wrk', connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, rows, peakRssMb }, null, 2)}\n`,
)
