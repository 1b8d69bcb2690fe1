// npm run bench:cluster: what cluster mode buys on this machine. The compiled server (as npm start
// and the container run it) is started once with one process and once with a worker per core,
// and autocannon loads each over real sockets, in the same run. Run by hand: the load generator
// shares the machine's cores with the server, so the ratio is what this machine can show, not the
// ceiling of a machine whose clients are elsewhere.
import autocannon from 'autocannon'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type AddressInfo } from 'node:net'
import { projectRoot } from '../src/paths.js'

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

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as AddressInfo
  probe.close()
  return port
}

/** Starts the compiled server and resolves once it answers /readyz. */
async function serve(workers: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, [join(projectRoot, 'dist/server.js')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DB_PATH: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLUSTER_WORKERS: workers,
      RATE_LIMIT_MAX: '1000000000',
      // Request lines are logged at info; this measures serving, not the log pipe.
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    const answered = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    )
    // Workers start together; the second may listen a moment after the first answers.
    if (answered)
      return await new Promise((resolve) => setTimeout(() => resolve({ child, url }), 1000))
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
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
  const tasks = (await (await fetch(`${server.url}/v1/tasks?limit=1`)).json()) as {
    data: { id: string }[]
  }
  const label = workers === '1' ? 'one process' : `${cores} workers`
  figures[label] = {}
  for (const path of pathsOf(tasks.data[0]!.id)) {
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
