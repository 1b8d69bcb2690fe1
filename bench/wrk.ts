// wrk, the load generator of the benchmarks: C, one thread, no decoding of bodies, so that it
// is not the bottleneck on two cores (autocannon turns every body into a string and caps even a
// bare server on Chinese text). Installed from Debian when missing.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Installs Debian's wrk when it is not on PATH (the benchmarks run as root on Debian). */
export function ensureWrk(): void {
  const probe = spawnSync('wrk', ['--version'], { stdio: 'ignore' })
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') return
  console.error('wrk is missing: installing it from Debian (apt-get install wrk)')
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit' })
}

export interface WrkRequest {
  url: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
}

export interface WrkFigures {
  requests: number
  rps: number
  /** Latency percentiles, in milliseconds. */
  p50: number
  p99: number
  non2xx: number
  errors: number
}

const luaString = (value: string) => JSON.stringify(value)

/** The request as a wrk script: method, body and headers (wrk's -H cannot set a body). */
function script(request: WrkRequest): string {
  const lines = [`wrk.method = ${luaString(request.method ?? 'GET')}`]
  if (request.body !== undefined) lines.push(`wrk.body = ${luaString(request.body)}`)
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    lines.push(`wrk.headers[${luaString(name)}] = ${luaString(value)}`)
  }
  return `${lines.join('\n')}\n`
}

function milliseconds(output: string, percentile: string): number {
  const m = new RegExp(`^\\s+${percentile}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(output)
  if (!m) throw new Error(`no ${percentile}th percentile in wrk's output:\n${output}`)
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's']
}

/** Loads one request on `connections` connections for `seconds`; returns wrk's figures. */
export async function wrk(
  request: WrkRequest,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<WrkFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'))
  try {
    const file = join(dir, 'request.lua')
    writeFileSync(file, script(request))
    const child = spawn('wrk', [
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      '--latency',
      '-s',
      file,
      request.url,
    ])
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    const [code] = (await once(child, 'exit')) as [number | null]
    if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`)
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
      output,
    )
    return {
      requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN),
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN),
      p50: milliseconds(output, '50'),
      p99: milliseconds(output, '99'),
      non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
      errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A process's processor time so far (user and system), in milliseconds; Linux only. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th
  // field of the line, stime the 15th, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / CLOCK_TICKS
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
