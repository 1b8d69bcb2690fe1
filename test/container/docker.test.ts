// The Dockerfile, step by step, without a Docker engine: each stage becomes a folder, and its
// COPY, ENV, WORKDIR and RUN steps are carried out as written (only the system packages of the
// build stage come from this machine, and better-sqlite3's prebuilt addon, see `addonPrebuild`).
// Then the final stage's CMD starts the server as an
// unprivileged user, with the database on the volume, and the HEALTHCHECK and the API are probed.
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { promisify } from 'node:util'
import t, { type Test } from 'tap'
import { projectRoot } from '../../src/paths.js'
import { freePort, startArguments } from '../../bench/compiled-server.js'
import { TEST_PROCESS_MARK } from '../processes.js'
import { secondPlanPath, tempDir } from '../helper.js'

const run = promisify(execFile)

interface Step {
  instruction: string
  args: string
}

/** The Dockerfile's stages, each with its steps; continuation lines joined, comments dropped. */
function readStages(text: string) {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  const stages: { from: string; name: string; steps: Step[] }[] = []
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/)
    const args = rest.join(' ')
    if (instruction === 'FROM') {
      const [from, , name] = rest
      stages.push({ from: from!, name: name ?? `stage-${stages.length}`, steps: [] })
    } else {
      stages.at(-1)!.steps.push({ instruction: instruction!, args })
    }
  }
  return stages
}

/** The KEY=value pairs of an ENV step. */
function envPairs(args: string): [string, string][] {
  return [...args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])
}

const UNPRIVILEGED = { uid: 65534, gid: 65534 }

// The base image's PATH, with this machine's node where the image has its own (/usr/local/bin).
const IMAGE_PATH = [
  dirname(process.execPath),
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
].join(':')
const isRoot = process.getuid?.() === 0

t.test('the Dockerfile builds and serves, step by step', async (t) => {
  const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8')
  const stages = readStages(dockerfile)
  t.ok(stages.length >= 2, 'multi-stage')
  const final = stages.at(-1)!
  const image = /^node:(\d+)\.(\d+)\.(\d+)-[a-z]+(-slim)?$/.exec(final.from)
  t.ok(image, `the base image is pinned to an exact Node version (${final.from})`)
  t.equal(
    `v${image![1]}`,
    process.version.split('.')[0],
    'the same Node major as the one these steps run on',
  )
  t.ok(
    stages.every((s) => s.from === final.from),
    'every stage on the same pinned base',
  )
  const user = final.steps.filter((s) => s.instruction === 'USER').at(-1)?.args
  t.ok(user && user !== 'root' && user !== '0', `the final stage runs as ${user}, not root`)
  t.ok(
    final.steps.some((s) => s.instruction === 'HEALTHCHECK'),
    'a HEALTHCHECK',
  )

  const root = tempDir(t)
  chmodSync(root, 0o755)
  const npmEnv = await addonPrebuild(root)
  const folders = new Map<string, string>()
  const env: Record<string, string> = {}
  let finalWorkdir = ''
  let cmd: string[] = []
  let healthcheck = ''
  let volume = ''
  for (const stage of stages) {
    const fs = join(root, stage.name)
    mkdirSync(fs, { recursive: true })
    folders.set(stage.name, fs)
    let workdir = fs
    const inImage = (path: string) => (isAbsolute(path) ? join(fs, path) : join(workdir, path))
    for (const { instruction, args } of stage.steps) {
      if (instruction === 'WORKDIR') {
        workdir = join(fs, args)
        mkdirSync(workdir, { recursive: true })
      } else if (instruction === 'ENV') {
        for (const [k, v] of envPairs(args)) {
          env[k] = v.replace(/\$\{?PATH\}?/, env.PATH ?? IMAGE_PATH)
        }
      } else if (instruction === 'COPY') {
        const from = /^--from=(\S+)\s+/.exec(args)
        const paths = args.replace(/^--from=\S+\s+/, '').split(/\s+/)
        const dest = paths.pop()!
        for (const path of paths) {
          // A --from path is absolute in that stage's folder; any other is in the build context.
          const source = from ? join(folders.get(from[1]!)!, path) : join(projectRoot, path)
          const target =
            dest.endsWith('/') || paths.length > 1
              ? join(inImage(dest), basename(path))
              : inImage(dest)
          cpSync(source, target, { recursive: true })
        }
      } else if (instruction === 'RUN') {
        await runStep(t, args, workdir, fs, npmEnv)
      } else if (instruction === 'CMD') {
        cmd = JSON.parse(args) as string[]
        finalWorkdir = workdir
      } else if (instruction === 'HEALTHCHECK') {
        healthcheck = args.replace(/^.*?\bCMD\s+/, '')
      } else if (instruction === 'VOLUME') {
        volume = args
      } else if (!['USER', 'EXPOSE'].includes(instruction)) {
        t.fail(`this test does not know the step ${instruction} ${args}: teach it`)
      }
    }
  }
  t.same(cmd, ['node', ...startArguments()], 'the container starts the server as npm start does')
  t.ok(volume, 'the database folder is a volume')
  t.equal(dirname(env.DB_PATH!), volume, 'DB_PATH is on the volume')

  const finalNodeModules = join(finalWorkdir, 'node_modules')
  for (const dev of ['typescript', 'tap', 'eslint', 'tsx', 'prettier']) {
    t.notOk(existsSync(join(finalNodeModules, dev)), `no development package ${dev} in the image`)
  }
  t.ok(existsSync(join(finalNodeModules, 'better-sqlite3')), 'production packages are there')

  // The container's environment, its absolute paths inside the final stage's folder.
  const finalFs = folders.get(final.name)!
  // A PATH folder of the image's own is in the stage's folder; the rest is this machine's system.
  const inFinal = (path: string) => (existsSync(join(finalFs, path)) ? join(finalFs, path) : path)
  const containerEnv: Record<string, string> = {
    PATH: IMAGE_PATH,
    ...Object.fromEntries(
      Object.entries(env).map(([k, v]) => [
        k,
        k === 'PATH'
          ? v.split(':').map(inFinal).join(':')
          : v.startsWith('/')
            ? join(finalFs, v)
            : v,
      ]),
    ),
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    // As `docker run` maps ports: not the host's 9464, which a server run by hand may hold.
    METRICS_PORT: String(await freePort()),
    // Found by the check after the run should it outlive the test (test/processes.ts).
    [TEST_PROCESS_MARK]: projectRoot,
  }
  // The image's files are not the server's to change: as root the server runs as another user;
  // otherwise the files are made read-only for the run (the volume stays writable).
  if (!isRoot) {
    await run('chmod', ['-R', 'a-w', finalWorkdir])
    t.teardown(() => run('chmod', ['-R', 'u+w', finalWorkdir]))
  }
  // As the container runs it: without the NODE_OPTIONS tap gives every process a test starts,
  // whose module that user may not be able to read (a checkout in a private folder).
  const command = [cmd[0] === 'node' ? process.execPath : cmd[0]!, ...cmd.slice(1)]
  const server = spawn('env', ['-u', 'NODE_OPTIONS', ...command], {
    cwd: finalWorkdir,
    env: containerEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(isRoot ? UNPRIVILEGED : {}),
  })
  t.teardown(() => server.kill('SIGKILL'))
  let output = ''
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  for (let i = 0; !/Server listening/.test(output); i++) {
    if (server.exitCode !== null || i > 600) throw new Error(`the server did not start: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const base = `http://127.0.0.1:${containerEnv.PORT}`
  t.ok(existsSync(containerEnv.DB_PATH!), 'the first start built the database on the volume')

  const probe = await run('sh', ['-c', healthcheck], { env: containerEnv }).then(
    () => 0,
    (err: { code: number }) => err.code,
  )
  t.equal(probe, 0, 'the HEALTHCHECK passes')
  t.equal((await fetch(`${base}/readyz`)).status, 200)
  const documents = (await (await fetch(`${base}/v1/documents`)).json()) as {
    meta: { total: number }
  }
  t.ok(documents.meta.total >= 1, 'the bundled plan is served')
  // docker exec CONTAINER plan-ingest FILE: the compiled command, on the image's PATH, into the
  // volume's database while the server serves it.
  const plan = join(root, 'second-plan.txt')
  cpSync(secondPlanPath, plan)
  const asContainerUser = { cwd: finalWorkdir, env: containerEnv, ...(isRoot ? UNPRIVILEGED : {}) }
  // As the container runs it: without the NODE_OPTIONS tap adds to what a test starts.
  const ingest = await run(
    'env',
    ['-u', 'NODE_OPTIONS', 'plan-ingest', '--quiet', plan],
    asContainerUser,
  )
  t.match(ingest.stdout, /^loaded second-plan\.txt as doc-/, 'plan-ingest loads a plan')
  const after = (await (await fetch(`${base}/v1/documents`)).json()) as typeof documents
  t.equal(after.meta.total, documents.meta.total + 1, 'and the server serves it')
  const tokens = await run('env', ['-u', 'NODE_OPTIONS', 'plan-token', 'list'], asContainerUser)
  t.match(tokens.stderr, /^no tokens$/m, 'plan-token reads the same database')
  t.equal((await fetch(`${base}/graphiql`)).status, 200, 'GraphiQL’s files are in the image')
  t.equal((await fetch(`${base}/docs/`)).status, 200, 'and the API docs')
  const index = await (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).text()
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(index)?.[1]
  t.equal(
    stylesheet && (await fetch(`${base}${stylesheet}`)).status,
    200,
    'the pages’ stylesheet is in the image',
  )
  const exited = once(server, 'exit')
  server.kill('SIGTERM')
  t.same(await exited, [0, null], 'docker stop drains and exits 0')
})

/** The RUN steps this Dockerfile has; any other fails the test until it is taught here. */
async function runStep(
  t: Test,
  command: string,
  workdir: string,
  fs: string,
  npmEnv: NodeJS.ProcessEnv,
) {
  const packages =
    /^apt-get update && apt-get install -y --no-install-recommends ([\w+\s-]+?) && rm -rf \/var\/lib\/apt\/lists\/\*$/.exec(
      command,
    )
  if (packages) {
    for (const pkg of packages[1]!.trim().split(/\s+/)) {
      const found = await run('sh', ['-c', `command -v ${pkg}`]).then(
        () => true,
        () => false,
      )
      t.ok(found, `the build stage's system package ${pkg} is on this machine`)
    }
    return
  }
  const volume = /^mkdir -p (\/\S+) && chown node:node \1$/.exec(command)
  if (volume) {
    const dir = join(fs, volume[1]!)
    mkdirSync(dir, { recursive: true })
    if (isRoot) chownSync(dir, UNPRIVILEGED.uid, UNPRIVILEGED.gid)
    return
  }
  const parts = command.split(' && ')
  if (parts.every((p) => /^npm (ci|run|prune)\b/.test(p))) {
    for (const part of parts) {
      await run('sh', ['-c', part], { cwd: workdir, env: npmEnv, maxBuffer: 64 * 1024 * 1024 })
    }
    return
  }
  t.fail(`this test does not know how to run \`${command}\`: teach it`)
}

/**
 * The environment of the npm steps. `docker build` has the internet, so better-sqlite3's install
 * downloads its prebuilt addon from GitHub; here it cannot, and compiling SQLite instead took two
 * of the test's three minutes. The addon this checkout's `npm ci` built for this Node is packed as
 * the prebuild it stands for, and prebuild-install is pointed at it (its `local-prebuilds`
 * setting); packages come from npm's cache where they are in it, as they would from a layer cache.
 */
async function addonPrebuild(root: string): Promise<NodeJS.ProcessEnv> {
  const addon = join(projectRoot, 'node_modules/better-sqlite3')
  const { version } = JSON.parse(readFileSync(join(addon, 'package.json'), 'utf8')) as {
    version: string
  }
  const folder = join(root, 'prebuilds')
  mkdirSync(folder)
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  await run('tar', ['czf', join(folder, name), 'build/Release/better_sqlite3.node'], { cwd: addon })
  return {
    ...process.env,
    npm_config_better_sqlite3_local_prebuilds: folder,
    npm_config_prefer_offline: 'true',
  }
}
