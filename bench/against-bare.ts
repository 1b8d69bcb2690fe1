// A read of the service against the physical limit of its own response: the response is fetched
// once, undecoded; a bare node:http server (bench/bare-server.mts, another process) then answers
// those very bytes, and wrk loads the service and the bare server in turns, in the same run, so
// that a busy moment of a shared machine falls on both. Used by npm run bench and bench:scale.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { projectRoot } from '../src/paths.js'
import { cpuMs, wrk, type WrkRequest } from './wrk.js'

/** What a browser (and most harvesters' HTTP libraries) send with every request. */
export const BROWSER_HEADERS = {
  'accept-encoding': 'gzip, deflate, br',
  accept: 'application/json, text/plain, */*',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
}
export const HEADER_SETS: Record<string, Record<string, string>> = {
  none: {},
  browser: BROWSER_HEADERS,
}

export interface Target {
  name: string
  path: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  /** The throughput ratio to reach against the bare server, if one is set. */
  goal: number | undefined
}

/** How long and how hard each side is loaded. */
export interface LoadShape {
  connections: number
  seconds: number
  rounds: number
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
export function fetchRaw(
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

export interface Figures {
  rps: number
  p99: number
  /** Processor time of the answering process per request, in microseconds. */
  cpuUs: number
}

/** wrk on one request; the answering process's processor time is read around it. */
async function load(
  url: string,
  pid: number,
  target: Target,
  headers: Record<string, string>,
  shape: LoadShape,
) {
  const before = cpuMs(pid)
  const figures = await wrk(
    {
      url: `${url}${target.path}`,
      method: target.method,
      body: target.body,
      headers: { ...headers, ...target.headers },
    },
    { connections: shape.connections, seconds: shape.seconds },
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

export interface Row {
  name: string
  headerSet: string
  bytes: number
  coding: string
  service: Figures
  bare: Figures
  ratio: number
  cpuRatio: number
  goal: number | undefined
}

/** Each target and header set, service against bare, alternating rounds. */
export async function measure(
  service: { child: { pid?: number }; url: string },
  targets: Target[],
  headerSets: string[],
  dir: string,
  shape: LoadShape,
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
        await load(service.url, service.child.pid!, target, headers, shape)
        await load(bare.url, bare.child.pid!, target, headers, shape)
        const runs: { service: Figures[]; bare: Figures[] } = { service: [], bare: [] }
        for (let round = 0; round < shape.rounds; round++) {
          runs.service.push(await load(service.url, service.child.pid!, target, headers, shape))
          runs.bare.push(await load(bare.url, bare.child.pid!, target, headers, shape))
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

/** The rows as a table: throughput against the bare server, p99, processor time per request. */
export function printRows(rows: Row[], cpuGoal: number) {
  console.log(
    'path                          headers  coding     bytes  service req/s  bare req/s  ratio  goal  p99 ms   µs/req service  bare  ratio',
  )
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(29),
        r.headerSet.padEnd(8),
        r.coding.padEnd(8),
        String(r.bytes).padStart(8),
        Math.round(r.service.rps).toString().padStart(14),
        Math.round(r.bare.rps).toString().padStart(11),
        r.ratio.toFixed(2).padStart(6),
        (r.goal === undefined ? '—' : `${r.ratio >= r.goal ? '≥' : '<'} ${r.goal}`).padStart(6),
        r.service.p99.toFixed(1).padStart(7),
        r.service.cpuUs.toFixed(0).padStart(16),
        r.bare.cpuUs.toFixed(0).padStart(5),
        `${r.cpuRatio.toFixed(2)} ${r.cpuRatio <= cpuGoal ? '≤' : '>'} ${cpuGoal}`.padStart(12),
      ].join(' '),
    )
  }
}
