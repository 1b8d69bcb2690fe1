// npm run bench: each read path of the service against the physical limit of its own response.
// For every path the response is fetched once; a bare node:http server (bench/bare-server.mts,
// another process) then answers those very bytes, and autocannon loads the service and the bare
// server in turns, in the same run. The ratio service/bare says how close the service comes to
// what this machine can do for that response at all. Results go to bench/results.json.
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { projectRoot } from '../src/paths.js'
import {
  loadRequest,
  nestedTasksQuery,
  peakRss,
  sampleTask,
  startCompiledServer,
  type BenchRequest,
} from './compiled-server.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = 50
const RSS_GOAL_MB = 150

interface Target extends BenchRequest {
  goal: number
}

interface Figures {
  rps: number
  p99: number
  bytes: number
}

const NODE_SETS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
])

/** A bare server answering exactly this response; resolves with its address. */
async function startBare(dir: string, name: string, response: Response) {
  const file = join(dir, `${name}.json`)
  // Every header the service sent, its request id and rate-limit figures as they were: the same
  // bytes on the wire. node:http adds Date, Connection and Content-Length itself.
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    if (!NODE_SETS.has(key)) headers[key] = value
  })
  const body = Buffer.from(await response.arrayBuffer())
  writeFileSync(file, JSON.stringify({ headers, body: body.toString('base64') }))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'bench/bare-server.mts'), file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return { child, url: `http://127.0.0.1:${line.trim()}`, bytes: body.length }
}

async function load(url: string, target: Target): Promise<Figures> {
  const result = await loadRequest(url, target, { connections: CONNECTIONS, seconds: SECONDS })
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bytes: result.throughput.average / Math.max(result.requests.average, 1),
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-http-'))
const service = await startCompiledServer({ DB_PATH: join(dir, 'plan.db') })

// The paths are found from the data, so that the bench runs on any plan.
const { id: taskId, word } = await sampleTask(service.url)
const targets: Target[] = [
  { name: 'REST item', goal: 0.8, path: `/v1/tasks/${taskId}` },
  { name: 'REST list of 50', goal: 0.8, path: '/v1/tasks?limit=50' },
  { name: 'CSV export', goal: 0.7, path: '/v1/tasks.csv' },
  { name: 'search', goal: 0.4, path: `/v1/search?q=${encodeURIComponent(word)}` },
  {
    name: 'GraphQL nested',
    goal: 0.5,
    path: '/graphql',
    method: 'POST',
    body: JSON.stringify({ query: nestedTasksQuery() }),
    headers: { 'content-type': 'application/json' },
  },
]

const results = []
for (const target of targets) {
  const first = await fetch(`${service.url}${target.path}`, {
    method: target.method ?? 'GET',
    body: target.body,
    // As autocannon asks: fetch would otherwise ask for gzip and hand back the bytes decoded.
    headers: { 'accept-encoding': 'identity', ...target.headers },
  })
  if (!first.ok) throw new Error(`${target.name}: ${first.status}`)
  const bare = await startBare(dir, target.name.replace(/\W+/g, '-'), first)
  // Warm both (jit, statement caches, V8), then alternate: service, bare, service, bare …
  await load(service.url, { ...target })
  await load(bare.url, target)
  const runs: { service: Figures[]; bare: Figures[] } = { service: [], bare: [] }
  for (let round = 0; round < ROUNDS; round++) {
    runs.service.push(await load(service.url, target))
    runs.bare.push(await load(bare.url, target))
  }
  bare.child.kill('SIGTERM')
  const s = { rps: mean(runs.service.map((r) => r.rps)), p99: mean(runs.service.map((r) => r.p99)) }
  const b = { rps: mean(runs.bare.map((r) => r.rps)), p99: mean(runs.bare.map((r) => r.p99)) }
  results.push({
    name: target.name,
    path: target.path.length > 60 ? `${target.path.slice(0, 57)}…` : target.path,
    bytes: bare.bytes,
    service: s,
    bare: b,
    ratio: s.rps / b.rps,
    goal: target.goal,
  })
}
// Resident memory at its peak over the whole run, the answer cache full of every path's answers.
const peakRssMb = peakRss(service.child.pid!) / 1024 / 1024
service.child.kill('SIGTERM')
await once(service.child, 'exit')
rmSync(dir, { recursive: true, force: true })

console.log(
  `\n${availableParallelism()} cores; ${CONNECTIONS} connections; ${ROUNDS} × ${SECONDS} s per side, alternating\n`,
)
console.log('path              bytes   service req/s  p99 ms   bare req/s  p99 ms   ratio  goal')
for (const r of results) {
  console.log(
    [
      r.name.padEnd(16),
      String(r.bytes).padStart(7),
      Math.round(r.service.rps).toString().padStart(14),
      r.service.p99.toFixed(0).padStart(7),
      Math.round(r.bare.rps).toString().padStart(12),
      r.bare.p99.toFixed(0).padStart(7),
      r.ratio.toFixed(2).padStart(7),
      `${r.ratio >= r.goal ? '≥' : '<'} ${r.goal}`.padStart(6),
    ].join(' '),
  )
}
console.log(
  `\nthe service's peak resident memory (VmHWM): ${peakRssMb.toFixed(0)} MB ` +
    `${peakRssMb < RSS_GOAL_MB ? '<' : '≥'} ${RSS_GOAL_MB} MB`,
)
writeFileSync(
  join(projectRoot, 'bench/results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, results, peakRssMb }, null, 2)}\n`,
)
