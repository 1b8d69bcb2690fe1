// npm run bench:metrics-flood: what a flood of /metrics scrapes costs another client. One client
// reads a task on one connection (wrk -c1) while 50 connections scrape /metrics as fast as they
// can, through each door the server has: the operator port, the public port without the token,
// and the public port with it; and, for scale, a flood of /healthz. The figure is that client's median latency against a baseline
// without the flood, measured in the same run. Run by hand; wrk comes from Debian (bench/wrk.ts
// installs it when missing), and the compiled server from npm run build.
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { freePort, sampleTask, startCompiledServer } from './compiled-server.js'
import { ensureWrk, wrk as runWrk, type WrkFigures } from './wrk.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const FLOOD_CONNECTIONS = 50
const TOKEN = 'bench-operators-token-0123456789'
/** What a browser sends: the victim's answers are compressed as in real use. */
const BROWSER_ENCODING = { 'accept-encoding': 'gzip, deflate, br, zstd' }

ensureWrk()
execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-metrics-'))
const metricsPort = await freePort()
const server = await startCompiledServer({
  DB_PATH: join(dir, 'plan.db'),
  LOG_LEVEL: 'warn',
  METRICS_PORT: String(metricsPort),
  METRICS_TOKEN: TOKEN,
})
const task = await sampleTask(server.url)
const victimUrl = `${server.url}/v1/tasks/${task.id}`

function wrk(url: string, connections: number, headers: Record<string, string>) {
  return runWrk({ url, headers }, { connections, seconds: SECONDS })
}

const floods: [string, string | null, Record<string, string>][] = [
  ['no flood (baseline)', null, {}],
  ['operator port', `http://127.0.0.1:${metricsPort}/metrics`, {}],
  ['public port, no token', `${server.url}/metrics`, {}],
  ['public port, with token', `${server.url}/metrics`, { authorization: `Bearer ${TOKEN}` }],
  // For scale: the same flood of the cheapest route there is, which nothing refuses.
  ['/healthz, for scale', `${server.url}/healthz`, {}],
]
const rows: string[] = []
let baseline = 0
try {
  // A warm-up: V8's compiler and the answer cache settle first.
  await wrk(victimUrl, 1, BROWSER_ENCODING)
  for (const [label, floodUrl, headers] of floods) {
    const flood: Promise<WrkFigures | null> = floodUrl
      ? wrk(floodUrl, FLOOD_CONNECTIONS, headers)
      : Promise.resolve(null)
    const victim = await wrk(victimUrl, 1, BROWSER_ENCODING)
    const flooded = await flood
    const p50 = victim.p50
    if (floodUrl === null) baseline = p50
    rows.push(
      `${label.padEnd(26)} ${p50.toFixed(3).padStart(8)} ms  ${(p50 / baseline).toFixed(2).padStart(6)}×  ` +
        (flooded
          ? `${flooded.rps.toFixed(0).padStart(7)} scrapes/s, ${flooded.non2xx} refused`
          : ''),
    )
  }
} finally {
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')
  rmSync(dir, { recursive: true, force: true })
}
console.log(
  `\nA client reading ${victimUrl.replace(server.url, '')} on one connection while ${FLOOD_CONNECTIONS} connections scrape /metrics (${SECONDS} s each, wrk)\n`,
)
console.log('flood through               client p50   ratio   the flood')
for (const row of rows) console.log(row)
