// npm run bench:cluster: what cluster mode buys on this machine. The compiled server (as npm start
// and the container run it) is started once with one process and once with a worker per core,
// and autocannon loads each over real sockets, in the same run. Run by hand: the load generator
// shares the machine's cores with the server, so the ratio is what this machine can show, not the
// ceiling of a machine whose clients are elsewhere.
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { sampleTask, startCompiledServer } from './compiled-server.js'

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15)
const CONNECTIONS = 64
/** A list, an item and a filtered list: the open-data portal's everyday reads. */
const pathsOf = (taskId: string) => [
  '/v1/tasks?limit=50',
  `/v1/tasks/${taskId}`,
  '/v1/targets?year=2025',
]

execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-'))
const dbPath = join(dir, 'plan.db')

/** Starts the compiled server; workers start together, so one more second for the last. */
async function serve(workers: string) {
  const server = await startCompiledServer({
    DB_PATH: dbPath,
    CLUSTER_WORKERS: workers,
    // Request lines are off by default; warn keeps the log pipe out of what is measured.
    LOG_LEVEL: 'warn',
  })
  await new Promise((resolve) => setTimeout(resolve, 1000))
  return server
}

async function load(url: string, path: string) {
  const result = await autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

const cores = availableParallelism()
const figures: Record<string, Record<string, { rps: number; p50: number; p99: number }>> = {}
for (const workers of ['1', 'auto']) {
  const server = await serve(workers)
  const task = await sampleTask(server.url)
  const label = workers === '1' ? 'one process' : `${cores} workers`
  figures[label] = {}
  for (const path of pathsOf(task.id)) {
    // A short warm-up: graphql-jit, statement caches and V8's compiler settle first.
    await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: 2 })
    figures[label]![path] = await load(server.url, path)
  }
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')
}
rmSync(dir, { recursive: true, force: true })

const [single, cluster] = Object.values(figures) as [
  Record<string, { rps: number; p50: number; p99: number }>,
  Record<string, { rps: number; p50: number; p99: number }>,
]
console.log(
  `\n${cores} cores, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per route, autocannon in this process\n`,
)
console.log('route                         one process            cluster               speedup')
for (const path of Object.keys(single)) {
  const a = single[path]!
  const b = cluster[path]!
  const cell = (f: { rps: number; p50: number; p99: number }) =>
    `${Math.round(f.rps).toString().padStart(6)} req/s p99 ${String(f.p99).padStart(3)} ms`
  console.log(`${path.padEnd(29)} ${cell(a)}  ${cell(b)}  ${(b.rps / a.rps).toFixed(2)}×`)
}
