// npm run bench: each read path of the service against the physical limit of its own response,
// asked as real clients ask. For every path and header set (none; a browser's Accept-Encoding,
// Accept and User-Agent) the response is fetched once, undecoded; a bare node:http server
// (bench/bare-server.mts, another process) then answers those very bytes, and wrk loads the
// service and the bare server in turns, in the same run. Reported: throughput ratio
// service/bare, processor time per request of each (from /proc), and the service's peak resident
// memory. The last rows repeat two paths on a service whose kept answers go through the
// framework's first hooks (HOT_PATH=false), to show what the hot path buys. Results go to
// bench/results.json.
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { projectRoot } from '../src/paths.js'
import { nestedTasksQuery, peakRss, sampleTask, startCompiledServer } from './compiled-server.js'
import { cpuMs, ensureWrk, wrk, type WrkRequest } from './wrk.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = 50
const RSS_GOAL_MB = 150
const CPU_GOAL = 1.3

/** What a browser (and most harvesters' HTTP libraries) send with every request. */
const BROWSER_HEADERS = {
  'accept-encoding': 'gzip, deflate, br',
  accept: 'application/json, text/plain, */*',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
}
const HEADER_SETS: Record<string, Record<string, string>> = { none: {}, browser: BROWSER_HEADERS }

interface Target {
  name: string
  path: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  goal: number
}

/** Headers node:http sets itself on the bare server's answers. */
const NODE_SETS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
])

/** One answer as sent, its bytes undecoded. */
function fetchRaw(
  url: string,
  request: Omit<WrkRequest, 'url'>,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: request.method ?? 'GET', headers: request.headers },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', reject)
        incoming.on('end', () => {
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined && !NODE_SETS.has(name)) headers[name] = String(value)
          }
          resolve({ status: incoming.statusCode!, headers, body: Buffer.concat(chunks) })
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.end(request.body)
  })
}

/** A bare server answering exactly this response (its request id and figures as they were). */
async function startBare(dir: string, name: string, headers: Record<string, string>, body: Buffer) {
  const file = join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify({ headers, body: body.toString('base64') }))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'bench/bare-server.mts'), file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return { child, url: `http://127.0.0.1:${line.trim()}` }
}

interface Figures {
  rps: number
  p99: number
  /** Processor time of the answering process per request, in microseconds. */
  cpuUs: number
}

/** wrk on one request; the answering process's processor time is read around it. */
async function load(url: string, pid: number, target: Target, headers: Record<string, string>) {
  const before = cpuMs(pid)
  const figures = await wrk(
    {
      url: `${url}${target.path}`,
      method: target.method,
      body: target.body,
      headers: { ...headers, ...target.headers },
    },
    { connections: CONNECTIONS, seconds: SECONDS },
  )
  const spent = cpuMs(pid) - before
  if (figures.non2xx > 0 || figures.errors > 0) {
    throw new Error(`${target.name}: ${figures.non2xx} non-2xx answers, ${figures.errors} errors`)
  }
  return { rps: figures.rps, p99: figures.p99, cpuUs: (spent * 1000) / figures.requests }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
const average = (runs: Figures[]): Figures => ({
  rps: mean(runs.map((r) => r.rps)),
  p99: mean(runs.map((r) => r.p99)),
  cpuUs: mean(runs.map((r) => r.cpuUs)),
})

interface Row {
  name: string
  headerSet: string
  bytes: number
  coding: string
  service: Figures
  bare: Figures
  ratio: number
  cpuRatio: number
  goal: number
}

/** Each target and header set, service against bare, alternating rounds. */
async function measure(
  service: { child: { pid?: number }; url: string },
  targets: Target[],
  headerSets: string[],
  dir: string,
  label = '',
): Promise<Row[]> {
  const rows: Row[] = []
  for (const target of targets) {
    for (const headerSet of headerSets) {
      const headers = { ...HEADER_SETS[headerSet]!, ...target.headers }
      const first = await fetchRaw(`${service.url}${target.path}`, {
        method: target.method,
        body: target.body,
        headers,
      })
      if (first.status !== 200) throw new Error(`${target.name}: ${first.status}`)
      const name = `${target.name}-${headerSet}${label}`.replace(/\W+/g, '-')
      const bare = await startBare(dir, name, first.headers, first.body)
      try {
        // Warm both (jit, statement caches, compressed copies), then alternate.
        await load(service.url, service.child.pid!, target, headers)
        await load(bare.url, bare.child.pid!, target, headers)
        const runs: { service: Figures[]; bare: Figures[] } = { service: [], bare: [] }
        for (let round = 0; round < ROUNDS; round++) {
          runs.service.push(await load(service.url, service.child.pid!, target, headers))
          runs.bare.push(await load(bare.url, bare.child.pid!, target, headers))
        }
        const s = average(runs.service)
        const b = average(runs.bare)
        rows.push({
          name: `${target.name}${label}`,
          headerSet,
          bytes: first.body.length,
          coding: first.headers['content-encoding'] ?? 'identity',
          service: s,
          bare: b,
          ratio: s.rps / b.rps,
          cpuRatio: s.cpuUs / b.cpuUs,
          goal: target.goal,
        })
      } finally {
        bare.child.kill('SIGTERM')
        await once(bare.child, 'exit')
      }
    }
  }
  return rows
}

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
  rows.push(...(await measure(service, targets, Object.keys(HEADER_SETS), dir)))
  // Resident memory at its peak over the whole run, the cache full of every answer and copy.
  peakRssMb = peakRss(service.child.pid!) / 1024 / 1024

  // The same kept answers through the framework's first hooks instead of the hot path.
  const framework = await startCompiledServer({ DB_PATH: join(dir, 'plan.db'), HOT_PATH: 'false' })
  try {
    rows.push(
      ...(await measure(framework, targets.slice(0, 2), ['browser'], dir, ' (HOT_PATH=false)')),
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
console.log(
  'path                          headers  coding    bytes  service req/s  bare req/s  ratio  goal   µs/req service  bare  ratio',
)
for (const r of rows) {
  console.log(
    [
      r.name.padEnd(29),
      r.headerSet.padEnd(8),
      r.coding.padEnd(8),
      String(r.bytes).padStart(7),
      Math.round(r.service.rps).toString().padStart(14),
      Math.round(r.bare.rps).toString().padStart(11),
      r.ratio.toFixed(2).padStart(6),
      `${r.ratio >= r.goal ? '≥' : '<'} ${r.goal}`.padStart(6),
      r.service.cpuUs.toFixed(0).padStart(16),
      r.bare.cpuUs.toFixed(0).padStart(5),
      `${r.cpuRatio.toFixed(2)} ${r.cpuRatio <= CPU_GOAL ? '≤' : '>'} ${CPU_GOAL}`.padStart(12),
    ].join(' '),
  )
}
console.log(
  `\nthe service's peak resident memory (VmHWM): ${peakRssMb.toFixed(0)} MB ` +
    `${peakRssMb < RSS_GOAL_MB ? '<' : '≥'} ${RSS_GOAL_MB} MB`,
)
writeFileSync(
  join(projectRoot, 'bench/results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), loadGenerator: 'wrk', connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, rows, peakRssMb }, null, 2)}\n`,
)
