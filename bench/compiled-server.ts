// The compiled server (as npm start and the container run it) for the benchmarks, on a free
// port with a rate limit the load never reaches, and the read paths found from its data.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
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

/** Starts dist/server.js with these variables; resolves once it answers /readyz. */
export async function startCompiledServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, [join(projectRoot, 'dist/server.js')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '1000000000',
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

/** The first task and a word of its text: paths that exist whatever plan is loaded. */
export async function sampleTask(url: string): Promise<{ id: string; word: string }> {
  const tasks = (await (await fetch(`${url}/v1/tasks?limit=1`)).json()) as {
    data: { id: string; text: string }[]
  }
  const task = tasks.data[0]!
  return { id: task.id, word: [...task.text.replace(/[\s\p{P}\d]/gu, '')].slice(0, 2).join('') }
}
