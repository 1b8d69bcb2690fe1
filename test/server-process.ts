// The server as npm start runs it: a real process on a real port, for end-to-end tests.
import type { ChildProcess } from 'node:child_process'
import type { Test } from 'tap'
import { killGroup, spawnNode } from './processes.js'
import { once } from 'node:events'
import { request, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { projectRoot } from '../src/paths.js'

export interface Server {
  child: ChildProcess
  url: string
  logs: Record<string, unknown>[]
}

/**
 * The server from its TypeScript source. tsx is loaded into node itself (no wrapper process), so
 * the child is the very process that serves and a signal sent to it reaches the server.
 */
export const fromSource = ['--import', 'tsx', join(projectRoot, 'src/server.ts')]

/** How long a server may take to listen: minutes, on a machine busy with other work. */
const START_BOUND_MS = 90_000

/**
 * Starts the server on a free port; resolves once it listens (and has logged `readyMessage`,
 * when given: a cluster's primary says when all its workers listen), rejects if it exits before.
 * The test ends it, and all it started, when it ends, whatever happened.
 */
export function start(
  t: Test,
  env: Record<string, string>,
  args = fromSource,
  readyMessage?: RegExp,
): Promise<Server> {
  const child = spawnNode(args, {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      // Any free operator port too: test servers run side by side.
      METRICS_PORT: '0',
      // A busy machine stalls every process now and then: a test server that shed its load
      // for it would fail tests that are not about load (pressure.test.ts sets its own).
      MAX_EVENT_LOOP_DELAY_MS: '0',
      MAX_HEAP_USED_MB: '0',
      ...env,
    },
  })
  t.teardown(() => killGroup(child))
  const logs: Record<string, unknown>[] = []
  let url: string | undefined
  let ready = readyMessage === undefined
  return new Promise((resolve, reject) => {
    let stderr = ''
    const late = setTimeout(() => {
      killGroup(child)
      reject(new Error(`the server did not say it listens within ${START_BOUND_MS / 1000} s`))
    }, START_BOUND_MS)
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => {
      clearTimeout(late)
      reject(new Error(`server exited with ${code}: ${stderr}`))
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>
      logs.push(entry)
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(entry.msg))
      url ??= m?.[1]
      ready ||= readyMessage!.test(String(entry.msg))
      if (url !== undefined && ready) {
        clearTimeout(late)
        resolve({ child, url, logs })
      }
    })
  })
}

/** Stops the server as an operator does, with SIGTERM; resolves to its exit code. */
export async function stop(server: Server): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode
  const exited = once(server.child, 'exit')
  server.child.kill('SIGTERM')
  const [code] = (await exited) as [number | null]
  return code
}

/** Ends the server and everything it started, at once; for teardowns, whatever happened. */
export function kill(server: Server): void {
  killGroup(server.child)
}

/** Resolves once the server has logged a line that passes the test; throws after a minute. */
export async function logged(server: Server, test: (entry: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 60_000
  while (!server.logs.some(test)) {
    if (Date.now() > deadline) throw new Error('the expected log line never came within 60 s')
    await sleep(10)
  }
}

/** The URL of /metrics on the operator port, once the server (any worker) has said it listens. */
export async function metricsUrlOf(server: Server): Promise<string> {
  const said = /^metrics listening at (\S+)$/
  await logged(server, (l) => said.test(String(l.msg)))
  return said.exec(String(server.logs.find((l) => said.test(String(l.msg)))!.msg))![1]!
}

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A request by node:http on a connection of its own: a cluster may hand it to any worker, and
 * it may send a Host header of its choosing (fetch keeps its own).
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, method: options.method, headers: options.headers })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}
