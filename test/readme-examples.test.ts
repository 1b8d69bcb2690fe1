// The README's quick-start commands, run as written with curl against a real server that holds
// the bundled plan: each must answer 200 with records, not the 400 a raw Chinese URL gets.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { listenTestApp } from './helper.js'

const run = promisify(execFile)
const README_HOST = 'http://127.0.0.1:3000'

/** The commands of the README's first shell block that calls curl, continued lines joined. */
function quickStartCommands(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!)
  const block = blocks.find((b) => b.includes('curl '))
  if (block === undefined) throw new Error('the README has no shell block with curl')
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.startsWith('curl '))
}

const hasCurl = await run('curl', ['--version']).then(
  () => true,
  () => false,
)

t.test(
  'the quick start examples answer as written',
  { skip: !hasCurl && 'curl is not installed (.ci/run installs it)' },
  async (t) => {
    const commands = quickStartCommands()
    t.ok(commands.length >= 5, `${commands.length} commands`)
    const { url } = await listenTestApp(t)
    for (const command of commands) {
      t.ok(command.includes(README_HOST), `${command}: addresses the README's server`)
      // The command as written, at the test server, with its status on a last line of its own.
      const asRun = `${command.replaceAll(README_HOST, url)} -sS -w '\\n%{http_code}'`
      const { stdout } = await run('bash', ['-c', asRun])
      const status = stdout.slice(stdout.lastIndexOf('\n') + 1)
      const body = JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n'))) as {
        data: unknown
      }
      t.equal(status, '200', command)
      const data = body.data
      const records = Array.isArray(data) ? data : Object.values(data as object)
      t.ok(records.length > 0 && records.every((r) => r !== null), `${command}: records`)
    }
  },
)

t.test(
  'a raw Chinese URL, as curl sends it, gets a 400 saying to percent-encode',
  { skip: !hasCurl && 'curl is not installed (.ci/run installs it)' },
  async (t) => {
    const { url } = await listenTestApp(t)
    const { stdout } = await run('curl', ['-sS', '-w', '\n%{http_code}', `${url}/v1/search?q=就业`])
    const status = stdout.slice(stdout.lastIndexOf('\n') + 1)
    t.equal(status, '400')
    const problem = JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n'))) as { detail: string }
    t.match(problem.detail, /percent-encode/)
    t.match(problem.detail, /--data-urlencode/)
  },
)
