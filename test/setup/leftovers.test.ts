// The check after the run finds a process a test left running, fails, and ends it; and it leaves
// alone what carries no mark. It is run here with a mark of its own, so that the servers other
// test files are running meanwhile are not its business.
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { projectRoot } from '../../src/paths.js'
import { TEST_PROCESS_MARK } from '../processes.js'

const script = join(projectRoot, 'test/setup/leftovers.ts')

async function check(mark: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      script,
      mark,
    ])
    return { code: 0, output: stdout }
  } catch (err) {
    const failed = err as { code: number; stderr: string }
    return { code: failed.code, output: failed.stderr }
  }
}

t.test('a marked process still alive fails the check and is ended', async (t) => {
  const mark = `${projectRoot}#leftovers-test-${process.pid}`
  const left = spawn('sleep', ['300'], {
    env: { ...process.env, [TEST_PROCESS_MARK]: mark },
    stdio: 'ignore',
  })
  t.teardown(() => left.kill('SIGKILL'))
  const ended = once(left, 'exit')
  const { code, output } = await check(mark)
  t.equal(code, 1)
  t.match(output, new RegExp(`left running by a test: pid ${left.pid}: sleep 300`))
  const [, signal] = (await ended) as [number | null, string | null]
  t.equal(signal, 'SIGKILL', 'and it was ended')
})

t.test('with nothing left, the check passes', async (t) => {
  const unmarked = spawn('sleep', ['300'], { stdio: 'ignore' })
  t.teardown(() => unmarked.kill('SIGKILL'))
  const { code, output } = await check(`${projectRoot}#nothing-${process.pid}`)
  t.equal(code, 0)
  t.match(output, /no process a test started is left running/)
  t.equal(unmarked.exitCode, null, 'a process without the mark is left alone')
})
