// A process a test starts ends when the test's process is gone, even when that process was
// killed outright (a file timeout) and never ran its teardowns.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { exitWithParent, isAlive } from '../processes.js'

t.test('killing the test’s process ends what it started', async (t) => {
  // Stands in for a test file: starts a long-running child as the tests do, says its pid.
  const starter = `
    const { spawn } = require('node:child_process')
    const child = spawn(process.execPath, ${JSON.stringify([...exitWithParent, '-e', 'setInterval(() => {}, 1000)'])}, { stdio: ['pipe', 'ignore', 'ignore'], detached: true })
    console.log(child.pid)
    setInterval(() => {}, 1000)
  `
  const parent = spawn(process.execPath, ['-e', starter], { stdio: ['ignore', 'pipe', 'inherit'] })
  t.teardown(() => parent.kill('SIGKILL'))
  const [line] = (await once(parent.stdout!, 'data')) as [Buffer]
  const child = Number(String(line).trim())
  t.teardown(() => (isAlive(child) ? process.kill(child, 'SIGKILL') : undefined))
  t.ok(isAlive(child), 'the child runs')
  parent.kill('SIGKILL')
  await once(parent, 'exit')
  const deadline = Date.now() + 30_000
  while (isAlive(child) && Date.now() < deadline) await sleep(10)
  t.notOk(isAlive(child), 'the child ended once its parent was killed')
})
