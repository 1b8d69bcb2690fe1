// /openapi.json as its users' tools read it, each run offline on the document a test server
// serves: Redocly's and Spectral's linters with the rules committed in redocly.yaml and
// .spectral.yaml, and a client made by openapi-typescript and openapi-fetch, compiled by the
// project's tsc with a plain createClient<paths>() and run against a listening server.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import t, { type Test } from 'tap'
import { projectRoot } from '../../src/paths.js'
import { Store } from '../../src/store/index.js'
import { createToken } from '../../src/store/tokens.js'
import { killGroup, spawnNode } from '../processes.js'
import { buildTestApp, bundledPlanPath, listenTestApp, tempDatabase, tempDir } from '../helper.js'

// Compiling and linting take seconds each, many more on a busy machine.
t.setTimeout(10 * 60_000)

/** A bound no tool should need, so that a hung one fails its test rather than the whole file. */
const TOOL_BOUND_MS = 4 * 60_000

const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a node script of node_modules/.bin to its end, stopped with the test if it has not. */
function run(t: Test, script: string, args: string[], options: { cwd?: string } = {}) {
  const child = spawnNode([script, ...args], {
    cwd: options.cwd ?? projectRoot,
    // Neither linter may reach the network: no telemetry, no check for a newer version.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  })
  t.teardown(() => killGroup(child))
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise<Run>((resolve, reject) => {
    const bound = setTimeout(() => {
      killGroup(child)
      reject(new Error(`${script} ${args.join(' ')} did not finish in ${TOOL_BOUND_MS} ms`))
    }, TOOL_BOUND_MS)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(bound)
      resolve({ code, stdout, stderr })
    })
  })
}

interface OpenApi {
  paths: Record<string, Record<string, { operationId?: string }>>
}

async function servedDocument(t: Test): Promise<OpenApi> {
  const app = await buildTestApp(t)
  const res = await app.inject('/openapi.json')
  t.equal(res.statusCode, 200)
  return res.json() as OpenApi
}

/** The document with the operationId of GET /v1/tasks taken out: what the linters must see. */
function withoutListTasksId(document: OpenApi): OpenApi {
  const copy = structuredClone(document)
  delete copy.paths['/v1/tasks']!.get!.operationId
  return copy
}

/**
 * The served document in a file, and a copy without one operationId beside it: a linter must
 * pass the first and report exactly that of the second (so its rules are on, and it read it).
 */
async function documentsToLint(t: Test): Promise<{ served: string; broken: string }> {
  const dir = tempDir(t)
  const document = await servedDocument(t)
  const served = join(dir, 'openapi.json')
  const broken = join(dir, 'broken.json')
  writeFileSync(served, JSON.stringify(document))
  writeFileSync(broken, JSON.stringify(withoutListTasksId(document)))
  return { served, broken }
}

interface RedoclyReport {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[]
}

interface SpectralResult {
  code: string
  severity: number
  message: string
  path: string[]
}

t.test('redocly lint: no error or warning in /openapi.json', async (t) => {
  const { served, broken } = await documentsToLint(t)
  const lint = (file: string) =>
    run(t, bin('redocly'), ['lint', '--config', 'redocly.yaml', '--format=json', file])

  const result = await lint(served)
  t.equal(result.code, 0, 'redocly lint exits 0', { stderr: result.stderr })
  const report = JSON.parse(result.stdout) as RedoclyReport
  t.same(report.problems, [], 'no problem')
  t.same(report.totals, { errors: 0, warnings: 0, ignored: 0 })

  // The same lint sees a missing operationId: its rules are on, and it read the file.
  const missing = JSON.parse((await lint(broken)).stdout) as RedoclyReport
  t.same(
    missing.problems.map((p) => [p.ruleId, p.location[0]?.pointer]),
    [['operation-operationId', '#/paths/~1v1~1tasks/get/operationId']],
    'a missing operationId is reported',
  )
})

t.test('spectral lint with spectral:oas: no error or warning in /openapi.json', async (t) => {
  const { served, broken } = await documentsToLint(t)
  // The results go to a file: stdout has a line for people after them.
  const lint = async (file: string) => {
    const output = `${file}.results.json`
    const args = ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--output', output]
    const result = await run(t, bin('spectral'), [...args, file])
    return { ...result, results: JSON.parse(readFileSync(output, 'utf8')) as SpectralResult[] }
  }

  const result = await lint(served)
  t.equal(result.code, 0, 'spectral lint exits 0', { stderr: result.stderr })
  t.same(result.results, [], 'no result of any severity')

  const missing = (await lint(broken)).results
  t.same(
    missing.map((r) => [r.code, r.path.join('.')]),
    [['operation-operationId', 'paths./v1/tasks.get']],
    'a missing operationId is reported',
  )
})

/**
 * A client as its README tells a user to write one: plain createClient<paths>(), no media type
 * argument. It lists tasks, follows the next cursor, gets a task, sets its status with a token
 * and reads the audit log, and prints what it got. The typed lines fail to compile if a list's
 * answer is not its JSON envelope, or if a named type or operation is missing.
 */
const CLIENT = `import createClient from 'openapi-fetch'
import type { components, operations, paths } from './schema.js'

type TaskList = components['schemas']['TaskList']
type TaskItem = components['schemas']['TaskItem']
// The operations called, by the names the document gives them.
type Called = Pick<operations, 'listTasks' | 'getTask' | 'setTaskStatus' | 'listAuditEntries'>

const [baseUrl, token] = process.argv.slice(2) as [string, string]
const client = createClient<paths>({ baseUrl })

const first = await client.GET('/v1/tasks', { params: { query: { limit: 2 } } })
if (!first.data) throw new Error(\`listTasks: \${first.response.status}\`)
const page: TaskList = first.data
const agencyName: string = page.data[0].agencies[0].name
// @ts-expect-error a status is one of four words, not any string
const notAStatus: 'finished' = page.data[0].status
// @ts-expect-error the answer is the JSON envelope, never CSV text
const notText: string = first.data

const next = page.links.next
if (next === null) throw new Error('listTasks: no next page')
const cursor = new URL(next, baseUrl).searchParams.get('cursor') ?? undefined
const second = await client.GET('/v1/tasks', { params: { query: { limit: 2, cursor } } })
if (!second.data) throw new Error(\`listTasks, next page: \${second.response.status}\`)

const id = page.data[0].id
const one = await client.GET('/v1/tasks/{id}', { params: { path: { id } } })
if (!one.data) throw new Error(\`getTask: \${one.response.status}\`)
const task: TaskItem = one.data
const etag = one.response.headers.get('etag') ?? ''

const writer = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } })
const set = await writer.PUT('/v1/tasks/{id}/status', {
  params: { path: { id }, header: { 'if-match': etag } },
  body: { status: 'in_progress', note: 'set by a generated client' },
})
if (!set.data) throw new Error(\`setTaskStatus: \${set.response.status} \${JSON.stringify(set.error)}\`)
const newStatus: 'not_started' | 'in_progress' | 'done' | 'at_risk' = set.data.data.status
const audit = await writer.GET('/v1/audit')
if (!audit.data) throw new Error(\`listAuditEntries: \${audit.response.status}\`)

const called: (keyof Called)[] = ['listTasks', 'getTask', 'setTaskStatus', 'listAuditEntries']
console.log(
  JSON.stringify({
    pages: [page, second.data],
    agencyName,
    task,
    set: set.data,
    newStatus,
    audit: audit.data,
    called,
    unused: [notAStatus, notText],
  }),
)
`

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    outDir: 'out',
  },
  files: ['client.ts'],
}

t.test('a client generated by openapi-typescript compiles and reads and writes', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const store = new Store(db)
  const { url } = await listenTestApp(t, { store })
  const admin = createToken(db, { role: 'admin', agencyId: null, label: 'client test' }).secret

  // The generated types, from the document as served.
  const document = (await (await fetch(`${url}/openapi.json`)).json()) as OpenApi
  const dir = tempDir(t)
  writeFileSync(join(dir, 'schema.d.ts'), astToString(await openapiTS(document as never)))
  writeFileSync(join(dir, 'client.ts'), CLIENT)
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
  // The client imports openapi-fetch as a user's project would, from its node_modules.
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
  mkdirSync(join(dir, 'out'))

  const compiled = await run(t, bin('tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir })
  t.equal(compiled.code, 0, 'tsc compiles the client', {
    output: compiled.stdout + compiled.stderr,
  })
  if (compiled.code !== 0) return

  // What the server answers the same requests, read before the client's write.
  const json = async (path: string) => (await (await fetch(`${url}${path}`)).json()) as never
  const firstPage = (await json('/v1/tasks?limit=2')) as {
    data: { id: string; agencies: { name: string }[] }[]
    links: { next: string }
  }
  const secondPage = await json(firstPage.links.next)
  const id = firstPage.data[0]!.id
  const task = await json(`/v1/tasks/${id}`)

  const ran = await run(t, join(dir, 'out', 'client.js'), [url, admin], { cwd: dir })
  t.equal(ran.code, 0, 'the client runs to its end', { stderr: ran.stderr })
  if (ran.code !== 0) return
  const got = JSON.parse(ran.stdout) as {
    pages: unknown[]
    agencyName: string
    task: unknown
    set: { data: { id: string; status: string } }
    newStatus: string
    audit: { data: { action: string; resource: string; after: unknown }[] }
    called: string[]
  }
  t.same(got.pages, [firstPage, secondPage], 'the pages are the server’s JSON, next one too')
  t.equal(got.agencyName, firstPage.data[0]!.agencies[0]!.name)
  t.same(got.task, task, 'the task is the server’s JSON')

  t.equal(got.set.data.id, id)
  t.equal(got.newStatus, 'in_progress', 'the write took its token and If-Match')
  const after = (await json(`/v1/tasks/${id}`)) as { data: { status: string } }
  t.equal(after.data.status, 'in_progress', 'the server has the new status')
  t.same(got.set.data, after.data, 'the write answered the task as the server now serves it')
  t.match(got.audit.data[0], { action: 'task.status', resource: id }, 'the audit log has it')
})
