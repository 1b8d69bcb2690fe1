// npm run bench:scale: uncached reads at 1,000 plans (PLANS sets the number), where harvesters
// paging through every task and platforms sending their own queries live. It ingests generated
// plans of the genre beside the bundled one with the real CLI, then:
// 1. serves 1,000 plans with the answer cache off (RESPONSE_CACHE_MB=0), so that every request
//    runs its queries, and loads each read against a bare server sending its very bytes
//    (bench/against-bare.ts), with no headers and with a browser's: throughput ratio (goals:
//    list pages and items ≥ 0.3, GraphQL nested ≥ 0.15, the whole task CSV ≥ 0.8) and p99
//    (search: ≤ 50 ms);
// 2. loads the same reads at one plan: p99 at 1,000 plans within 2× of it;
// 3. reads every page of the task list in turn with the cache on: peak resident memory.
// The search words are the commonest of one, two and four characters in the first tasks' text,
// so that they match thousands of texts at 1,000 plans, whatever the generator writes.
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { projectRoot, sourcesDir } from '../src/paths.js'
import { HEADER_SETS, measure, printRows, type Row, type Target } from './against-bare.js'
import { nestedTasksQuery, peakRss, startCompiledServer } from './compiled-server.js'
import { generatePlan } from './generate-plans.js'
import { ensureWrk, wrk } from './wrk.js'

const PLANS = Number(process.env.PLANS ?? 1000)
const SHAPE = {
  connections: 10,
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
}
const P99_GOAL = 2
const SEARCH_P99_GOAL_MS = 50
const CPU_GOAL = 1.3
/** Rows per page of the list and of the GraphQL read: as many at both sizes. */
const PAGE = 25

const dbFiles = (path: string) =>
  [path, `${path}-wal`].reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)

async function json<T>(url: string): Promise<T> {
  return (await fetch(url)).json() as Promise<T>
}

/** The URL of the page that starts after the first `skip` tasks, found by walking the list. */
async function pageAfter(url: string, skip: number): Promise<string> {
  let cursor: string | null = null
  for (let walked = 0; walked < skip;) {
    const limit = Math.min(500, skip - walked)
    const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const page = await json<{ links: { next?: string } }>(`${url}/v1/tasks?${query}`)
    walked += limit
    cursor = new URL(page.links.next!, url).searchParams.get('cursor')
  }
  return `/v1/tasks?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`
}

/** The commonest runs of Han characters of each length in these texts. */
function commonWords(texts: string[], lengths: number[]): Map<number, string> {
  const words = new Map<number, string>()
  for (const length of lengths) {
    const counts = new Map<string, number>()
    for (const text of texts) {
      const chars = [...text]
      for (let i = 0; i + length <= chars.length; i++) {
        const word = chars.slice(i, i + length).join('')
        if (/^\p{Script=Han}+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
      }
    }
    words.set(length, [...counts].sort((a, b) => b[1] - a[1])[0]![0])
  }
  return words
}

/** The reads measured on a database: found from its data, so that they exist at every size. */
async function readsOf(url: string, words: Map<number, string>): Promise<Target[]> {
  const { meta } = await json<{ meta: { total: number } }>(`${url}/v1/tasks?limit=1`)
  const deep = await pageAfter(url, Math.max(0, Math.floor(meta.total * 0.9) - PAGE))
  const { data } = await json<{ data: { id: string }[] }>(`${url}${deep}`)
  const search = (length: number): Target => ({
    name: `search, ${length} char${length > 1 ? 's' : ''}`,
    // Its goal is a latency (SEARCH_P99_GOAL_MS), not a share of the bare server.
    goal: undefined,
    path: `/v1/search?q=${encodeURIComponent(words.get(length)!)}`,
  })
  return [
    { name: 'list, first page', goal: 0.3, path: `/v1/tasks?limit=${PAGE}` },
    { name: 'list, 90% down', goal: 0.3, path: deep },
    { name: 'item, 90% down', goal: 0.3, path: `/v1/tasks/${data[0]!.id}` },
    search(1),
    search(2),
    search(4),
    {
      name: 'GraphQL nested',
      goal: 0.15,
      path: '/graphql',
      method: 'POST',
      body: JSON.stringify({ query: nestedTasksQuery(PAGE) }),
      headers: { 'content-type': 'application/json' },
    },
    { name: 'whole task CSV', goal: 0.8, path: '/v1/tasks.csv' },
  ]
}

async function stop(service: Awaited<ReturnType<typeof startCompiledServer>>) {
  service.child.kill('SIGTERM')
  await once(service.child, 'exit')
}

/** p50 and p99 of each read on one service, no headers, after a warm-up. */
async function latencies(url: string, reads: Target[]) {
  const figures: { p50: number; p99: number }[] = []
  for (const read of reads) {
    const request = { url: `${url}${read.path}`, method: read.method, body: read.body }
    const load = () => wrk({ ...request, headers: read.headers }, SHAPE)
    await load()
    const runs = []
    for (let round = 0; round < SHAPE.rounds; round++) runs.push(await load())
    figures.push({
      p50: runs.reduce((sum, r) => sum + r.p50, 0) / runs.length,
      p99: runs.reduce((sum, r) => sum + r.p99, 0) / runs.length,
    })
  }
  return figures
}

/** Peak memory with the default cache while every page of the task list is read in turn. */
async function cachedMemory(dbPath: string) {
  const service = await startCompiledServer({ DB_PATH: dbPath })
  const pages: { method: 'GET'; path: string }[] = []
  let next: string | undefined = '/v1/tasks?limit=50'
  while (next) {
    pages.push({ method: 'GET', path: next })
    next = (await json<{ links: { next?: string } }>(`${service.url}${next}`)).links.next
  }
  // autocannon here: it walks a list of paths, and only memory is measured.
  await autocannon({
    url: service.url,
    connections: SHAPE.connections,
    duration: SHAPE.seconds,
    requests: pages,
  })
  const peakRssMb = peakRss(service.child.pid!) / 1024 / 1024
  await stop(service)
  return { pages: pages.length, peakRssMb }
}

ensureWrk()
execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'))
const plansDir = join(dir, 'plans')
mkdirSync(plansDir)
for (let seed = 1; seed < PLANS; seed++) {
  writeFileSync(join(plansDir, `plan-${String(seed).padStart(4, '0')}.txt`), generatePlan(seed))
}
const bundled = readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(sourcesDir, f))
const generated = readdirSync(plansDir).map((f) => join(plansDir, f))

// One plan: the bundled texts, as npm start builds them. Many: the same and the generated ones,
// ingested by the CLI in one run (every file parsed, then one transaction).
const ingest = (dbPath: string, files: string[]) => {
  const start = performance.now()
  execFileSync(
    process.execPath,
    [join(projectRoot, 'dist/cli/ingest.js'), '--db', dbPath, ...files],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  return performance.now() - start
}
const oneDb = join(dir, 'one.db')
const manyDb = join(dir, 'many.db')
const oneMs = ingest(oneDb, bundled)
const manyMs = ingest(manyDb, [...bundled, ...generated])

let rows: Row[] = []
let words = new Map<number, string>()
const totals: { one: number; many: number } = { one: 0, many: 0 }
let atOne: { p50: number; p99: number }[] = []
let manyPeakRssMb = 0
try {
  const many = await startCompiledServer({ DB_PATH: manyDb, RESPONSE_CACHE_MB: '0' })
  try {
    const first = await json<{ data: { text: string }[] }>(`${many.url}/v1/tasks?limit=100`)
    words = commonWords(
      first.data.map((task) => task.text),
      [1, 2, 4],
    )
    const reads = await readsOf(many.url, words)
    rows = await measure(many, reads, Object.keys(HEADER_SETS), dir, SHAPE)
    manyPeakRssMb = peakRss(many.child.pid!) / 1024 / 1024
    totals.many = (
      await json<{ meta: { total: number } }>(`${many.url}/v1/tasks?limit=1`)
    ).meta.total
  } finally {
    await stop(many)
  }
  const one = await startCompiledServer({ DB_PATH: oneDb, RESPONSE_CACHE_MB: '0' })
  try {
    atOne = await latencies(one.url, await readsOf(one.url, words))
    totals.one = (await json<{ meta: { total: number } }>(`${one.url}/v1/tasks?limit=1`)).meta.total
  } finally {
    await stop(one)
  }
} catch (err) {
  rmSync(dir, { recursive: true, force: true })
  throw err
}
const memory = await cachedMemory(manyDb)
const sizes = { one: dbFiles(oneDb), many: dbFiles(manyDb) }
rmSync(dir, { recursive: true, force: true })

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
console.log(
  `\n${availableParallelism()} cores; wrk, ${SHAPE.connections} connections, ${SHAPE.rounds} × ${SHAPE.seconds} s per side, alternating; answer cache off`,
)
console.log(
  `ingest (CLI, parse and one transaction): ${bundled.length} plan in ${(oneMs / 1000).toFixed(1)} s, ` +
    `${bundled.length + generated.length} plans in ${(manyMs / 1000).toFixed(1)} s ` +
    `(${(manyMs / (bundled.length + generated.length)).toFixed(1)} ms a plan)`,
)
console.log(
  `database: ${mib(sizes.one)} with ${totals.one} tasks; ${mib(sizes.many)} with ${totals.many} tasks`,
)
console.log(`search words: ${[...words.values()].join(', ')}\n`)
console.log(`${PLANS} plans against the bare server sending the same bytes:`)
printRows(rows, CPU_GOAL)

const plain = rows.filter((r) => r.headerSet === 'none')
const searches = rows.filter((r) => r.name.startsWith('search'))
const worstSearchP99 = Math.max(...searches.map((r) => r.service.p99))
console.log(
  `\nsearch p99, worst of ${searches.length}: ${worstSearchP99.toFixed(1)} ms ` +
    `${worstSearchP99 <= SEARCH_P99_GOAL_MS ? '≤' : '>'} ${SEARCH_P99_GOAL_MS} ms`,
)
console.log(`\np99 (ms), no headers: 1 plan against ${PLANS}`)
console.log(`read                1 plan p50   p99  ${PLANS} plans p99  ratio  goal`)
const growth = plain.map((row, i) => {
  const small = atOne[i]!
  const ratio = row.service.p99 / Math.max(small.p99, 0.1)
  console.log(
    [
      row.name.padEnd(19),
      small.p50.toFixed(1).padStart(11),
      small.p99.toFixed(1).padStart(5),
      row.service.p99.toFixed(1).padStart(15),
      ratio.toFixed(2).padStart(6),
      `${ratio <= P99_GOAL ? '≤' : '>'} ${P99_GOAL}`.padStart(5),
    ].join(' '),
  )
  return { name: row.name, one: small, manyP99: row.service.p99, ratio }
})
console.log(
  `\npeak resident memory: ${manyPeakRssMb.toFixed(0)} MB at ${PLANS} plans, cache off; ` +
    `${memory.peakRssMb.toFixed(0)} MB with the cache on (32 MB) while all ${memory.pages} pages of the list are read in turn`,
)
writeFileSync(
  join(projectRoot, 'bench/scale-results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      cores: availableParallelism(),
      plans: PLANS,
      loadGenerator: 'wrk',
      ...SHAPE,
      ingestMs: { one: oneMs, many: manyMs },
      databaseBytes: sizes,
      tasks: totals,
      words: [...words.values()],
      rows,
      growth,
      peakRssMb: { many: manyPeakRssMb, cached: memory.peakRssMb },
    },
    null,
    2,
  )}\n`,
)
