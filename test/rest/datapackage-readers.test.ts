// The Data Package as its readers take it: the frictionless `datapackage` library loads
// /datapackage.json from a listening server, finds the package and every resource valid, and reads
// every row of every CSV cast to its schema, foreign keys checked; Python's csv module reads
// each CSV's header as the schema's field names. A byte order mark before the header breaks both.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { projectRoot } from '../../src/paths.js'
import { bundledPlanPath, listenTestApp, secondPlanPath } from '../helper.js'

interface ForeignKey {
  fields: string
  reference: { resource: string; fields: string }
}
interface ResourceDescriptor {
  name: string
  path: string
  schema: { fields: { name: string }[]; primaryKey: string; foreignKeys?: ForeignKey[] }
}
interface Descriptor {
  resources: ResourceDescriptor[]
}
interface Resource {
  name: string
  valid: boolean
  errors: Error[]
  read(options: { keyed: true; cast: true; relations: boolean }): Promise<Record<string, unknown>[]>
}
interface Package {
  valid: boolean
  errors: Error[]
  resources: Resource[]
}
const { Package } = createRequire(import.meta.url)('datapackage') as {
  Package: { load(descriptor: string | object): Promise<Package> }
}

// The bundled plan and one whose tasks are stated in the body, so that tasks.sectionId has ids.
const bodyTasksPlan = join(projectRoot, 'test/fixtures/genre/tuning/t07-sheshi-nongye.txt')
const { url } = await listenTestApp(t, { files: [bundledPlanPath, secondPlanPath, bodyTasksPlan] })

const descriptorOf = async (): Promise<Descriptor> =>
  (await (await fetch(`${url}/datapackage.json`)).json()) as Descriptor

/** The ids of a whole list, in its order, from its JSON Lines download. */
async function idsOf(name: string): Promise<string[]> {
  const res = await fetch(`${url}/v1/${name}.jsonl`)
  const text = await res.text()
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id)
}

/** Reads every resource cast to its schema; what went wrong in each, with its message. */
async function readEvery(pkg: Package): Promise<Map<string, Record<string, unknown>[] | Error>> {
  const read = new Map<string, Record<string, unknown>[] | Error>()
  for (const resource of pkg.resources) {
    try {
      read.set(resource.name, await resource.read({ keyed: true, cast: true, relations: true }))
    } catch (err) {
      const errors = (err as { errors?: Error[] }).errors ?? []
      read.set(
        resource.name,
        new Error([(err as Error).message, ...errors.map((e) => e.message)].join('; ')),
      )
    }
  }
  return read
}

t.test('the datapackage library reads every table cleanly against its schema', async (t) => {
  const pkg = await Package.load(`${url}/datapackage.json`)
  t.ok(pkg.valid, `the package is valid: ${pkg.errors.map((e) => e.message).join('; ')}`)
  t.equal(pkg.resources.length, 6)
  const read = await readEvery(pkg)
  for (const resource of pkg.resources) {
    t.ok(resource.valid, `${resource.name} is a valid resource`)
    const rows = read.get(resource.name)!
    if (rows instanceof Error) {
      t.fail(`${resource.name} reads with its schema: ${rows.message}`)
      continue
    }
    const ids = await idsOf(resource.name)
    t.ok(ids.length > 0, `${resource.name} has rows to read`)
    t.same(
      rows.map((row) => row.id),
      ids,
      `${resource.name}: every row, in the order of the JSON list`,
    )
  }
  // Each foreign key has ids to check here, not only empty cells.
  for (const resource of (await descriptorOf()).resources) {
    const rows = read.get(resource.name)
    for (const key of resource.schema.foreignKeys ?? []) {
      t.ok(
        Array.isArray(rows) && rows.some((row) => row[key.fields] !== null),
        `${resource.name}.${key.fields} holds ids`,
      )
    }
  }
  const documents = read.get('documents')
  t.ok(
    Array.isArray(documents) && documents.every((d) => d.issuedOn instanceof Date),
    'dates are cast to dates',
  )
})

t.test('a column holding one id of another table is a foreign key to it', async (t) => {
  const { resources } = await descriptorOf()
  const byName = new Map(resources.map((r) => [r.name, r]))
  const declared: string[] = []
  for (const resource of resources) {
    const keys = new Map((resource.schema.foreignKeys ?? []).map((k) => [k.fields, k.reference]))
    // documentId, sectionId, parentId: one id in a cell (taskIds, agencies.id hold lists).
    for (const field of resource.schema.fields.filter((f) => /^[a-z]+Id$/.test(f.name))) {
      const reference = keys.get(field.name)
      if (reference === undefined) {
        t.fail(`${resource.name}.${field.name} has no foreign key`)
        continue
      }
      const target = reference.resource === '' ? resource : byName.get(reference.resource)
      t.ok(target, `${resource.name}.${field.name} refers to a resource of the package`)
      t.equal(reference.fields, target?.schema.primaryKey, 'to its primary key')
      declared.push(`${resource.name}.${field.name} → ${target?.name}`)
    }
    t.equal(keys.size, resource.schema.fields.filter((f) => keys.has(f.name)).length)
  }
  t.same(declared.sort(), [
    'findings.documentId → documents',
    'sections.documentId → documents',
    'sections.parentId → sections',
    'targets.documentId → documents',
    'targets.sectionId → sections',
    'tasks.documentId → documents',
    'tasks.sectionId → sections',
  ])
})

t.test('a foreign key pointing at the wrong table fails the read', async (t) => {
  const descriptor = await descriptorOf()
  const wrong = (name: string, field: string, resource: string) => {
    const key = descriptor.resources
      .find((r) => r.name === name)!
      .schema.foreignKeys!.find((k) => k.fields === field)!
    key.reference.resource = resource
  }
  wrong('sections', 'parentId', 'documents')
  wrong('tasks', 'sectionId', 'targets')
  const read = await readEvery(await Package.load(descriptor))
  t.match(read.get('sections'), /foreign key/i, 'sections.parentId into documents')
  t.match(read.get('tasks'), /foreign key/i, 'tasks.sectionId into targets')
  t.ok(Array.isArray(read.get('targets')), 'the tables whose keys are right still read')
})

t.test('a byte order mark before the header is what the library refuses', async (t) => {
  // The same package, its CSVs taken with a byte order mark (what Excel needs).
  const descriptor = await descriptorOf()
  for (const resource of descriptor.resources) resource.path += '?bom=true'
  const read = await readEvery(await Package.load(descriptor))
  for (const [name, rows] of read) {
    t.match(rows, /column header name 'id' is missing/, `${name} is refused`)
  }
})

/** What Python's csv module reads of each CSV: its header and how many rows follow. */
const PYTHON_READER = `
import csv, io, json, sys, urllib.request
for url in json.loads(sys.argv[1]):
    with urllib.request.urlopen(url) as answer:
        rows = list(csv.reader(io.TextIOWrapper(answer, encoding="utf-8", newline="")))
    print(json.dumps({"url": url, "header": rows[0], "rows": len(rows) - 1}))
`

/** Runs python3 with the script; what it printed. */
function python(t: Test, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', PYTHON_READER, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    t.teardown(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`python3 exited ${code}: ${err}`)),
    )
  })
}

const noPython =
  spawnSync('python3', ['--version']).error === undefined ? null : 'python3 is not installed'
// Without python3 the test is skipped, and says why; in CI, where it must run, it fails.
const skipPython =
  noPython !== null && !process.env.CI
    ? `${noPython}: Python's csv module cannot be run (apt-get install python3 to run it)`
    : false

t.test(
  "Python's csv module reads each CSV's header as the schema's fields",
  { skip: skipPython },
  async (t) => {
    if (noPython !== null) return t.fail(`${noPython}; CI must run Python's csv module`)
    const descriptor = await descriptorOf()
    const out = await python(t, [JSON.stringify(descriptor.resources.map((r) => r.path))])
    const read = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { url: string; header: string[]; rows: number })
    t.equal(read.length, descriptor.resources.length)
    for (const resource of descriptor.resources) {
      const { header, rows } = read.find((r) => r.url === resource.path)!
      t.same(
        header,
        resource.schema.fields.map((f) => f.name),
        `${resource.path}: the header is the field names`,
      )
      const name = new URL(resource.path).pathname.replace(/^\/v1\/|\.csv$/g, '')
      t.equal(rows, (await idsOf(name)).length, `${name}: every row`)
    }
  },
)
