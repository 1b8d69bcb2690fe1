// npm run bench:load: 20 seconds of 100 connections over loopback against the compiled server,
// rate limit raised so that every request reaches the routes. Prints the figures; fails (exit 1)
// on any error, timeout or answer but 200.
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { runLoad } from './load-run.js'

execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const probe = createServer().listen(0, '127.0.0.1')
await once(probe, 'listening')
const { port } = probe.address() as AddressInfo
probe.close()
const dir = mkdtempSync(join(tmpdir(), 'bench-load-'))
const child = spawn(process.execPath, [join(projectRoot, 'dist/server.js')], {
  env: {
    ...process.env,
    DB_PATH: join(dir, 'plan.db'),
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '1000000000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const url = `http://127.0.0.1:${port}`
while (
  !(await fetch(`${url}/readyz`).then(
    (r) => r.ok,
    () => false,
  ))
) {
  await new Promise((resolve) => setTimeout(resolve, 100))
}
const result = await runLoad(url, { seconds: 20, connections: 100 })
child.kill('SIGTERM')
await once(child, 'exit')
rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify(result, null, 2))
const bad = Object.keys(result.statuses).some((code) => code !== '200')
if (result.errors > 0 || result.timeouts > 0 || bad) process.exit(1)
