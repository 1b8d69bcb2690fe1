// npm run bench:load: 20 seconds of 100 connections over loopback against the compiled server,
// rate limit raised so that every request reaches the routes. Prints the figures; fails (exit 1)
// on any error, timeout or answer but 200.
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { startCompiledServer } from './compiled-server.js'
import { runLoad } from './load-run.js'

execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-load-'))
const { child, url } = await startCompiledServer({ DB_PATH: join(dir, 'plan.db') })
const result = await runLoad(url, { seconds: 20, connections: 100 })
child.kill('SIGTERM')
await once(child, 'exit')
rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify(result, null, 2))
const bad = Object.keys(result.statuses).some((code) => code !== '200')
if (result.errors > 0 || result.timeouts > 0 || bad) process.exit(1)
