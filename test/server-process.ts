// The server as npm start runs it: a real process on a real port, for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
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

/** Starts the server on a free port; resolves once it listens, rejects if it exits before. */
export function start(env: Record<string, string>, args = fromSource): Promise<Server> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: Record<string, unknown>[] = []
  return new Promise((resolve, reject) => {
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>
      logs.push(entry)
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(entry.msg))
      if (m) resolve({ child, url: m[1]!, logs })
    })
  })
}

/** Stops the server as an operator does, with SIGTERM; resolves to its exit code. */
export async function stop(server: Server): Promise<number | null> {
  const exited = once(server.child, 'exit')
  server.child.kill('SIGTERM')
  const [code] = (await exited) as [number | null]
  return code
}
