// The Data Package as its readers take it: the frictionless `datapackage` library loads
// /datapackage.json from a listening server, finds the package and every resource valid, and reads
// every row of every CSV cast to its schema, foreign keys checked; Python's csv module reads
// each CSV's header as the schema's field names. A byte order mark before the header breaks both.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import t, { type Test } from 'tap'
import { bundledPlanPath, listenTestApp, secondPlanPath } from '../helper.js'

interface Resource {
  name: string
  valid: boolean
  errors: Error[]
  descriptor: { path: string; schema: { fields: { name: string }[] } }
  read(options: { keyed: true; cast: true; relations: boolean }): Promise<Record<string, unknown>[]>
}
interface Package {
  valid: boolean
  errors: Error[]
  resources: Resource[]
  descriptor: { resources: Resource['descriptor'][] }
}
const { Package } = createRequire(import.meta.url)('datapackage') as {
  Package: { load(descriptor: string | object): Promise<Package> }
}

const { url } = await listenTestApp(t, { files: [bundledPlanPath, secondPlanPath] })

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
  const documents = read.get('documents')
  t.ok(
    Array.isArray(documents) && documents.every((d) => d.issuedOn instanceof Date),
    'dates are cast to dates',
  )
})

t.test('a byte order mark before the header is what the library refuses', async (t) => {
  // The same package, its CSVs taken with a byte order mark (what Excel needs).
  const descriptor = (await (
    await fetch(`${url}/datapackage.json`)
  ).json()) as Package['descriptor']
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
    const descriptor = (await (
      await fetch(`${url}/datapackage.json`)
    ).json()) as Package['descriptor']
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
