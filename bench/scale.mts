// npm run bench:scale: the service at one plan and at 1,000 plans of the same genre (PLANS sets
// the number). It ingests generated plans beside the bundled one with the real CLI, then
// serves both sizes at once with the answer cache off (RESPONSE_CACHE_MB=0), so that every
// request runs its queries, and loads them in turns: the first page of the task list, a page
// 90% of the way down it (keyset), searches and the nested GraphQL read. It reports ingest
// time, database size, p50/p99 at each size and their ratio (the goal: p99 within 2×), then the
// peak resident memory with the cache on while every page of the list is read in turn (the
// cache is bounded).
// The search terms come from the bundled plan's first task, so both sizes look for the same.
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { projectRoot, sourcesDir } from '../src/paths.js'
import { generatePlan } from './generate-plans.js'
import {
  loadRequest,
  nestedTasksQuery,
  peakRss,
  sampleTask,
  startCompiledServer,
  type BenchRequest,
} from './compiled-server.js'

const PLANS = Number(process.env.PLANS ?? 1000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = 10
const P99_GOAL = 2
/** Rows per page of the list and of the GraphQL read: as many at both sizes, given 25 tasks. */
const PAGE = 25

interface Latency {
  rps: number
  p50: number
  p99: number
}

const dbFiles = (path: string) =>
  [path, `${path}-wal`].reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)

/** The URL of the page that starts after the first `skip` tasks, found by walking the list. */
async function pageAfter(url: string, skip: number): Promise<string> {
  let cursor: string | null = null
  for (let walked = 0; walked < skip;) {
    const limit = Math.min(500, skip - walked)
    const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const page = (await (await fetch(`${url}/v1/tasks?${query}`)).json()) as {
      links: { next?: string }
    }
    walked += limit
    cursor = new URL(page.links.next!, url).searchParams.get('cursor')
  }
  return `/v1/tasks?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`
}

async function measure(url: string, read: BenchRequest): Promise<Latency> {
  const result = await loadRequest(url, read, { connections: CONNECTIONS, seconds: SECONDS })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

/** One database served with the cache off, and the reads to measure on it. */
async function serveSize(dbPath: string, { word, phrase }: { word: string; phrase: string }) {
  const service = await startCompiledServer({ DB_PATH: dbPath, RESPONSE_CACHE_MB: '0' })
  const total = (
    (await (await fetch(`${service.url}/v1/tasks?limit=1`)).json()) as { meta: { total: number } }
  ).meta.total
  const reads: BenchRequest[] = [
    { name: 'list, first page', path: `/v1/tasks?limit=${PAGE}` },
    // The page that ends at the 90% mark.
    {
      name: 'list, 90% down',
      path: await pageAfter(service.url, Math.max(0, Math.floor(total * 0.9) - PAGE)),
    },
    { name: 'search, 2 chars', path: `/v1/search?q=${encodeURIComponent(word)}` },
    { name: 'search, 4 chars', path: `/v1/search?q=${encodeURIComponent(phrase)}` },
    {
      name: 'GraphQL nested',
      path: '/graphql',
      method: 'POST',
      body: JSON.stringify({ query: nestedTasksQuery(PAGE) }),
      headers: { 'content-type': 'application/json' },
    },
  ]
  return { service, total, reads, latencies: [] as Latency[] }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

/**
 * Each read at both sizes, in turns (one plan, 1,000 plans, one, 1,000 …) after a warm-up of
 * both, so that a busy moment of a shared machine falls on both sides; the means are kept.
 */
async function measureBoth(sizes: Awaited<ReturnType<typeof serveSize>>[]) {
  for (let i = 0; i < sizes[0]!.reads.length; i++) {
    for (const size of sizes) await measure(size.service.url, size.reads[i]!) // JIT, caches
    const runs: Latency[][] = sizes.map(() => [])
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, size] of sizes.entries()) {
        runs[k]!.push(await measure(size.service.url, size.reads[i]!))
      }
    }
    for (const [k, size] of sizes.entries()) {
      size.latencies.push({
        rps: mean(runs[k]!.map((r) => r.rps)),
        p50: mean(runs[k]!.map((r) => r.p50)),
        p99: mean(runs[k]!.map((r) => r.p99)),
      })
    }
  }
  const peaks = sizes.map((size) => peakRss(size.service.child.pid!) / 1024 / 1024)
  for (const { service } of sizes) {
    service.child.kill('SIGTERM')
    await once(service.child, 'exit')
  }
  return peaks
}

/** Peak memory with the default cache while every page of the task list is read in turn. */
async function cachedMemory(dbPath: string) {
  const service = await startCompiledServer({ DB_PATH: dbPath })
  const pages: { method: 'GET'; path: string }[] = []
  let next: string | undefined = '/v1/tasks?limit=50'
  while (next) {
    pages.push({ method: 'GET', path: next })
    const page = (await (await fetch(`${service.url}${next}`)).json()) as {
      links: { next?: string }
    }
    next = page.links.next
  }
  await autocannon({
    url: service.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: pages,
  })
  const peakRssMb = peakRss(service.child.pid!) / 1024 / 1024
  service.child.kill('SIGTERM')
  await once(service.child, 'exit')
  return { pages: pages.length, peakRssMb }
}

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
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  return performance.now() - start
}
const oneDb = join(dir, 'one.db')
const manyDb = join(dir, 'many.db')
const oneMs = ingest(oneDb, bundled)
const manyMs = ingest(manyDb, [...bundled, ...generated])

const probe = await startCompiledServer({ DB_PATH: oneDb })
const terms = await sampleTask(probe.url)
probe.child.kill('SIGTERM')
await once(probe.child, 'exit')

const one = await serveSize(oneDb, terms)
const many = await serveSize(manyDb, terms)
const [onePeakRssMb, manyPeakRssMb] = (await measureBoth([one, many])) as [number, number]
const memory = await cachedMemory(manyDb)
const sizes = { one: dbFiles(oneDb), many: dbFiles(manyDb) }
rmSync(dir, { recursive: true, force: true })

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
console.log(
  `\n${availableParallelism()} cores; ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per read and size, alternating; answer cache off\n`,
)
console.log(
  `ingest (CLI, parse and one transaction): ${bundled.length} plan in ${(oneMs / 1000).toFixed(1)} s, ` +
    `${bundled.length + generated.length} plans in ${(manyMs / 1000).toFixed(1)} s ` +
    `(${(manyMs / (bundled.length + generated.length)).toFixed(1)} ms a plan)`,
)
console.log(
  `database: ${mib(sizes.one)} with ${one.total} tasks; ${mib(sizes.many)} with ${many.total} tasks\n`,
)
const manyLabel = `${PLANS} plans: req/s`
console.log(
  `read               1 plan: req/s  p50  p99 ${manyLabel.padStart(20)}  p50  p99   p99 ratio  goal`,
)
const rows = one.reads.map((read, i) => {
  const a = one.latencies[i]!
  const b = many.latencies[i]!
  const ratio = b.p99 / Math.max(a.p99, 1)
  console.log(
    [
      read.name.padEnd(18),
      Math.round(a.rps).toString().padStart(12),
      a.p50.toFixed(0).padStart(4),
      a.p99.toFixed(0).padStart(4),
      Math.round(b.rps).toString().padStart(20),
      b.p50.toFixed(0).padStart(4),
      b.p99.toFixed(0).padStart(4),
      ratio.toFixed(2).padStart(11),
      `${ratio <= P99_GOAL ? '≤' : '>'} ${P99_GOAL}`.padStart(5),
    ].join(' '),
  )
  return { name: read.name, one: a, many: b, p99Ratio: ratio }
})
console.log(
  `\npeak resident memory, cache off: ${onePeakRssMb.toFixed(0)} MB at 1 plan, ` +
    `${manyPeakRssMb.toFixed(0)} MB at ${PLANS} plans`,
)
console.log(
  `peak resident memory, cache on (32 MB), all ${memory.pages} pages of the list read in turn: ` +
    `${memory.peakRssMb.toFixed(0)} MB`,
)
writeFileSync(
  join(projectRoot, 'bench/scale-results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      cores: availableParallelism(),
      plans: PLANS,
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      ingestMs: { one: oneMs, many: manyMs },
      databaseBytes: sizes,
      tasks: { one: one.total, many: many.total },
      rows,
      peakRssMb: { one: onePeakRssMb, many: manyPeakRssMb, cached: memory.peakRssMb },
    },
    null,
    2,
  )}\n`,
)
