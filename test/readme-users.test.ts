// The README's sections for portal staff, city platforms and analysts: every command of their
// shell blocks, run as written against a real server holding the bundled plan, succeeds and
// prints (or writes) something. curl is told to fail on an HTTP error, so a 4xx fails here.
import { execFile } from 'node:child_process'
import { readFileSync, statSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { listenTestApp, tempDir } from './helper.js'

const run = promisify(execFile)
const README_HOST = 'http://127.0.0.1:3000'
const SECTION = '## For portal staff, city platforms and analysts'

/** The commands of each ### part of the section, continued lines joined. */
function commandsByUser(): Map<string, string[]> {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const start = readme.indexOf(SECTION)
  if (start === -1) throw new Error(`the README has no "${SECTION}"`)
  const section = readme.slice(start, readme.indexOf('\n## ', start + SECTION.length))
  const users = new Map<string, string[]>()
  for (const part of section.split('\n### ').slice(1)) {
    const title = part.slice(0, part.indexOf('\n'))
    const blocks = [...part.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!)
    const commands = blocks
      .join('\n')
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    users.set(title, commands)
  }
  return users
}

const has = (command: string) =>
  run('sh', ['-c', `command -v ${command}`]).then(
    () => true,
    () => false,
  )
const missing = (await has('curl')) ? ((await has('python3')) ? null : 'python3') : 'curl'

t.test(
  'each kind of user’s commands work as written',
  { skip: missing !== null && `${missing} is not installed (.ci/run installs it)` },
  async (t) => {
    const users = commandsByUser()
    t.same([...users.keys()], ['Open-data portal staff', 'City platforms', 'Analysts'])
    const { url } = await listenTestApp(t)
    // Files the commands write land here; npx finds the project's packages through the link,
    // and is kept offline.
    const cwd = tempDir(t)
    symlinkSync(join(projectRoot, 'node_modules'), join(cwd, 'node_modules'))
    const env = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' }
    for (const [user, commands] of users) {
      t.ok(commands.length >= 3, `${user}: ${commands.length} commands`)
      for (const command of commands) {
        t.ok(command.includes(README_HOST), `${command}: addresses the README's server`)
        const asRun = command
          .replaceAll(README_HOST, url)
          .replace(/\bcurl /g, 'curl --fail-with-body -sS ')
        const { stdout } = await run('bash', ['-o', 'pipefail', '-c', asRun], {
          cwd,
          env,
          maxBuffer: 64 * 1024 * 1024,
        })
        const written = / -o (\S+)/.exec(command)?.[1]
        if (written !== undefined) {
          t.ok(statSync(join(cwd, written)).size > 0, `${command}: writes ${written}`)
        } else {
          t.ok(stdout.trim().length > 0, `${command}: prints ${stdout.slice(0, 60)}…`)
        }
        // GraphQL answers its errors with a 200: a JSON answer must carry none, and records.
        if (stdout.startsWith('{')) {
          const body = JSON.parse(stdout) as { errors?: unknown; data?: unknown }
          t.notOk(body.errors, `${command}: no errors`)
          if (Array.isArray(body.data)) t.ok(body.data.length > 0, `${command}: records`)
        }
      }
    }
    t.match(
      readFileSync(join(cwd, 'tasks-for-excel.csv')).subarray(0, 3),
      Buffer.from([0xef, 0xbb, 0xbf]),
      'bom=true gives Excel its byte order mark',
    )
    t.match(readFileSync(join(cwd, 'plan-api.d.ts'), 'utf8'), /"\/v1\/tasks": \{/)
  },
)
