// The compiled server (as npm start and the container run it) for the benchmarks, on a free
// port with a rate limit the load never reaches, and the read paths found from its data.
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as AddressInfo
  probe.close()
  return port
}

/** The arguments `npm start` gives node (its flags and dist/server.js), from package.json. */
export function startArguments(): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
  ).scripts
  const [command, ...args] = scripts.start!.split(/\s+/)
  if (command !== 'node') throw new Error(`npm start runs ${command}, not node`)
  return args
}

/** Starts the server as npm start does, with these variables; resolves once it answers /readyz. */
export async function startCompiledServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, startArguments(), {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '1000000000',
      // No operator port unless a benchmark asks for one: 9464 may be taken.
      METRICS_PORT: 'off',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  while (
    !(await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { child, url }
}

/**
 * The first task, a word of its text (two characters: searched by scanning) and a phrase (four:
 * searched in the trigram index): paths that exist whatever plan is loaded.
 */
export async function sampleTask(
  url: string,
): Promise<{ id: string; word: string; phrase: string }> {
  const tasks = (await (await fetch(`${url}/v1/tasks?limit=1`)).json()) as {
    data: { id: string; text: string }[]
  }
  const task = tasks.data[0]!
  const letters = [...task.text.replace(/[\s\p{P}\d]/gu, '')]
  return { id: task.id, word: letters.slice(0, 2).join(''), phrase: letters.slice(0, 4).join('') }
}

/** Tasks with their agencies and items, and the total: the nested GraphQL read measured. */
export function nestedTasksQuery(first = 50): string {
  return `{ tasks(first: ${first}) { totalCount nodes { id number text
  agencies { asWritten agency { id name phone } } items { id label heading } } } }`
}

/** The peak resident memory of a process so far (VmHWM), in bytes; Linux only. */
export function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)
  if (!kib) throw new Error(`no VmHWM in /proc/${pid}/status`)
  return Number(kib[1]) * 1024
}

/** One request, loaded again and again: a path, and a method and body when not a plain GET. */
export interface BenchRequest {
  name: string
  path: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
}

/** autocannon on one request; any error or answer but 2xx fails the benchmark. */
export async function loadRequest(
  url: string,
  request: BenchRequest,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${url}${request.path}`,
    method: request.method ?? 'GET',
    body: request.body,
    headers: request.headers,
    connections,
    duration: seconds,
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${request.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return result
}
