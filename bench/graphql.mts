// npm run bench:graphql: what a GraphQL read costs against the REST read of the same records, in
// the same process and run, and how fast the limits refuse explosive queries. In-process
// (app.inject), so these are the application's costs without the network. Run by hand; figures
// vary by machine, ratios less so.
import BetterSqlite3 from 'better-sqlite3'
import type { InjectOptions } from 'fastify'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildApp } from '../src/app.js'
import { readPlanFile, readAliasDictionary } from '../src/ingest/read.js'
import { aliasDictionaryPath, sourcesDir } from '../src/paths.js'
import { openDatabase } from '../src/store/database.js'
import { Store } from '../src/store/index.js'
import { loadDocuments } from '../src/store/load.js'

const dir = mkdtempSync(join(tmpdir(), 'bench-graphql-'))
const path = join(dir, 'plan.db')
const aliases = readAliasDictionary(aliasDictionaryPath)
const loading = openDatabase(path)
loadDocuments(
  loading,
  readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readPlanFile(join(sourcesDir, f), aliases)),
)
loading.close()

let statements = 0
const db = new BetterSqlite3(path, { verbose: () => statements++ })
const app = await buildApp({ store: new Store(db), rateLimit: { max: 1e9, windowMs: 60_000 } })

const NESTED = `{ tasks(first: 50) { totalCount nodes { number text
  agencies { asWritten agency { name phone } } items { label heading }
  targets { nodes { indicator value unit deadlineYear } } } } }`

type Request = InjectOptions | string
const post = (query: string): InjectOptions => ({
  method: 'POST',
  url: '/graphql',
  payload: { query },
})

async function measure(name: string, request: Request, runs: number) {
  const times: number[] = []
  let status = 0
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const res = await app.inject(request)
    times.push(performance.now() - start)
    status = res.statusCode
    bytes = res.rawPayload.length
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  const row = { name, status, bytes, p50: at(0.5), p99: at(0.99) }
  console.log(
    `${name.padEnd(44)} ${String(status).padStart(3)} ${String(bytes).padStart(7)} B  p50 ${row.p50.toFixed(2).padStart(6)} ms  p99 ${row.p99.toFixed(2).padStart(6)} ms`,
  )
  return row
}

console.log('warming up')
for (let i = 0; i < 200; i++) {
  await app.inject('/v1/tasks?limit=50')
  await app.inject(post(NESTED))
}

console.log('\nreads (1,000 runs each)')
const rest = await measure('REST /v1/tasks?limit=50', '/v1/tasks?limit=50', 1000)
const graphql = await measure('GraphQL 50 tasks + agencies, items, targets', post(NESTED), 1000)
const flat = await measure(
  'GraphQL 50 tasks, own fields only',
  post('{ tasks(first: 50) { nodes { id number text } } }'),
  1000,
)
console.log(`\nGraphQL nested / REST list, p50: ${(graphql.p50 / rest.p50).toFixed(2)}`)
console.log(`GraphQL flat / REST list, p50: ${(flat.p50 / rest.p50).toFixed(2)}`)

statements = 0
await app.inject(post(NESTED))
console.log(`SQL statements for the nested query: ${statements}`)

let deep = 'id'
for (let i = 0; i < 10; i++) {
  deep = i % 2 === 0 ? `tasks { nodes { ${deep} } }` : `targets { nodes { ${deep} } }`
}
console.log('\nrefusals (each query text new to the cache every run, 200 runs each)')
let unique = 0
const fresh = (query: string) => () => post(`${query} # ${unique++}`)
async function measureFresh(name: string, make: () => Request) {
  const times: number[] = []
  let status = 0
  for (let i = 0; i < 200; i++) {
    const start = performance.now()
    status = (await app.inject(make())).statusCode
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    `${name.padEnd(44)} ${status}  p50 ${times[100]!.toFixed(2)} ms  max ${times[199]!.toFixed(2)} ms`,
  )
}
await measureFresh(
  '20 levels deep',
  fresh(`{ tasks(first: 1) { nodes { targets { nodes { ${deep} } } } } }`),
)
await measureFresh(
  'first: 100 nested three times',
  fresh(
    '{ agencies(first: 100) { nodes { tasks(first: 100) { nodes { targets(first: 100) { nodes { id } } } } } } }',
  ),
)
await measureFresh('2,500 tokens', fresh(`{ tasks { ${'totalCount '.repeat(2500)} } }`))

await app.close()
db.close()
rmSync(dir, { recursive: true, force: true })
