// npm run bench:pages: the pages for people at 1,000 plans (PLANS sets the number), where the
// goal is a plan page in under 100 ms of server time. Pages are made for each request (they judge
// targets against the day), so every request here runs its queries and renders its HTML and
// charts. The bundled plan's targets get two reports each, so that its dashboard draws a chart
// per target. Each page is loaded on one connection with a browser's headers (Accept: text/html,
// Accept-Encoding: gzip, deflate, br), so that its latency is the server's time for it plus the
// loopback's; the same pages at one plan, and the plan's JSON item, are the baselines of the run.
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot, sourcesDir } from '../src/paths.js'
import { openDatabase } from '../src/store/database.js'
import { Store } from '../src/store/index.js'
import { createToken, principalOf } from '../src/store/tokens.js'
import { startCompiledServer } from './compiled-server.js'
import { writePlans } from './generate-plans.js'
import { ensureWrk, wrk } from './wrk.js'

const PLANS = Number(process.env.PLANS ?? 1000)
const SHAPE = { connections: 1, seconds: Number(process.env.BENCH_SECONDS ?? 5) }
const GOAL_MS = 100

const BROWSER = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
}

/** Two reports for each of the bundled plan's targets with a figure, as agencies would make. */
function reportProgress(dbPath: string, planNumber: string) {
  const db = openDatabase(dbPath)
  try {
    const store = new Store(db)
    const admin = principalOf(
      db,
      createToken(db, { role: 'admin', agencyId: null, label: 'bench' }).secret,
    )!
    for (const target of store.eachTarget({ document: planNumber })) {
      if (target.value === null) continue
      store.addObservation(admin, target.id, {
        value: target.value * 0.6,
        observedOn: '2023-12-31',
      })
      store.addObservation(admin, target.id, {
        value: target.value * 0.9,
        observedOn: '2024-12-31',
      })
    }
  } finally {
    db.close()
  }
}

interface Read {
  name: string
  path: string
  headers: Record<string, string>
}

async function readsOf(url: string, planNumber: string): Promise<Read[]> {
  const json = async <T,>(path: string) =>
    ((await (await fetch(`${url}${path}`)).json()) as { data: T }).data
  const [plan] = await json<{ id: string }[]>(
    `/v1/documents?number=${encodeURIComponent(planNumber)}`,
  )
  const [agency] = await json<{ id: string }[]>(
    `/v1/agencies?document=${plan!.id}&sort=-taskCount&limit=1`,
  )
  const [task] = await json<{ id: string }[]>(`/v1/tasks?document=${plan!.id}&limit=1`)
  return [
    {
      name: 'plan JSON (baseline)',
      path: `/v1/documents/${plan!.id}.json`,
      headers: { 'accept-encoding': BROWSER['accept-encoding'] },
    },
    { name: 'plan page', path: `/plans/${plan!.id}`, headers: BROWSER },
    { name: 'targets dashboard', path: `/plans/${plan!.id}/targets`, headers: BROWSER },
    { name: 'agency page', path: `/agencies/${agency!.id}`, headers: BROWSER },
    { name: 'a task for a browser', path: `/v1/tasks/${task!.id}`, headers: BROWSER },
    { name: 'index page', path: '/', headers: BROWSER },
  ]
}

async function measure(dbPath: string, planNumber: string) {
  const service = await startCompiledServer({ DB_PATH: dbPath })
  try {
    const reads = await readsOf(service.url, planNumber)
    const rows = []
    for (const read of reads) {
      const request = { url: `${service.url}${read.path}`, headers: read.headers }
      const answer = await fetch(request.url, { headers: read.headers })
      const bytes = (await answer.arrayBuffer()).byteLength
      if (!answer.ok) throw new Error(`${read.path} answered ${answer.status}`)
      await wrk(request, { connections: 1, seconds: 1 })
      const figures = await wrk(request, SHAPE)
      rows.push({ name: read.name, bytes, ...figures })
    }
    return rows
  } finally {
    service.child.kill('SIGTERM')
    await once(service.child, 'exit')
  }
}

ensureWrk()
execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'))
try {
  const bundled = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(sourcesDir, f))
  // With the bundled plan, PLANS in all.
  const generated = writePlans(join(dir, 'plans'), PLANS - 1)
  const ingest = (dbPath: string, files: string[]) =>
    execFileSync(
      process.execPath,
      [join(projectRoot, 'dist/cli/ingest.js'), '--quiet', '--db', dbPath, ...files],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
  const oneDb = join(dir, 'one.db')
  const manyDb = join(dir, 'many.db')
  ingest(oneDb, bundled)
  ingest(manyDb, [...bundled, ...generated])
  const planNumber = (() => {
    const db = openDatabase(oneDb)
    try {
      return new Store(db).listDocuments({}, { limit: 1 }).items[0]!.number!
    } finally {
      db.close()
    }
  })()
  for (const path of [oneDb, manyDb]) reportProgress(path, planNumber)

  const one = await measure(oneDb, planNumber)
  const many = await measure(manyDb, planNumber)
  console.log(
    `\npages on one connection, ${SHAPE.seconds} s each, a browser's headers; p50 and p99 in ms`,
  )
  console.log(
    'read                     bytes   1 plan p50/p99   ' +
      `${PLANS} plans p50/p99   req/s at ${PLANS}   p99 ${PLANS} / 1`,
  )
  many.forEach((row, i) => {
    const base = one[i]!
    console.log(
      [
        row.name.padEnd(22),
        String(row.bytes).padStart(8),
        `${base.p50.toFixed(1)}/${base.p99.toFixed(1)}`.padStart(16),
        `${row.p50.toFixed(1)}/${row.p99.toFixed(1)}`.padStart(19),
        row.rps.toFixed(0).padStart(13),
        (row.p99 / base.p99).toFixed(2).padStart(15),
      ].join('  '),
    )
  })
  const plan = many.find((row) => row.name === 'plan page')!
  console.log(
    `\nplan page at ${PLANS} plans: p99 ${plan.p99.toFixed(1)} ms (goal under ${GOAL_MS} ms): ${plan.p99 < GOAL_MS ? 'met' : 'NOT met'}`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
