// npm run bench:subscriptions: what a write costs with subscribers listening. A real server on
// loopback (in this process) and real WebSocket clients: the time from a write's answer to the
// last subscriber's payload, for no subscribers, for 1,000 on one selection (one computation
// shared), and for 256 subscribers on 256 distinct selections (the most a process computes per
// write). Run by hand; figures vary by machine, the ratios between rows less so.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { buildApp } from '../src/app.js'
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../src/graphql/subscriptions/server.js'
import { openDatabase } from '../src/store/database.js'
import { Store } from '../src/store/index.js'
import { loadDocuments } from '../src/store/load.js'
import { createToken } from '../src/store/tokens.js'
import { readAliasDictionary, readPlanFile } from '../src/ingest/read.js'
import { aliasDictionaryPath, sourcesDir } from '../src/paths.js'
import { readdirSync } from 'node:fs'

const WRITES = Number(process.env.BENCH_WRITES ?? 30)
const dir = mkdtempSync(join(tmpdir(), 'bench-subscriptions-'))
const db = openDatabase(join(dir, 'plan.db'))
const aliases = readAliasDictionary(aliasDictionaryPath)
loadDocuments(
  db,
  readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readPlanFile(join(sourcesDir, f), aliases)),
)
const store = new Store(db)
const app = await buildApp({
  store,
  rateLimit: { max: 1e9, windowMs: 60_000 },
  writeRateLimit: { max: 1e9, windowMs: 60_000 },
  subscriptionLimits: {
    ...DEFAULT_SUBSCRIPTION_LIMITS,
    perAddress: 10_000,
    connectionsPerAddress: 10_000,
  },
})
const url = await app.listen({ port: 0, host: '127.0.0.1' })
const admin = createToken(db, { role: 'admin', agencyId: null, label: 'bench' }).secret
const target = [...store.eachTarget({})][0]!

/** Subscribers on connections of 20 each; resolves once the server holds them all. */
async function subscribers(queries: string[]) {
  const sockets: WebSocket[] = []
  const arrivals: ((value: number) => void)[] = []
  for (let start = 0; start < queries.length; start += 20) {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws')
    sockets.push(socket)
    await new Promise((open) => socket.once('open', open))
    socket.send(JSON.stringify({ type: 'connection_init' }))
    await new Promise((ack) => socket.once('message', ack))
    let settled: () => void = () => {}
    const pong = new Promise<void>((resolve) => (settled = resolve))
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        type: string
        payload?: { data?: { progressReported: { observation: { value: number } } } }
      }
      if (message.type === 'pong') settled()
      const value = message.payload?.data?.progressReported.observation.value
      if (message.type === 'next' && value !== undefined)
        for (const arrive of arrivals) arrive(value)
    })
    queries.slice(start, start + 20).forEach((query, i) => {
      socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query } }))
    })
    // Answered once the server has read the subscribes before it.
    socket.send(JSON.stringify({ type: 'ping', payload: { barrier: true } }))
    await pong
  }
  return { sockets, arrivals }
}

let value = 0
/** Median and worst milliseconds from a write's answer to its last payload. */
async function measure(count: number, arrivals: ((value: number) => void)[]) {
  const times: number[] = []
  for (let i = 0; i < WRITES; i++) {
    const written = ++value
    let received = 0
    const all = new Promise<void>((done) => {
      if (count === 0) return done()
      arrivals[0] = (v) => {
        if (v === written && ++received === count) done()
      }
    })
    const started = performance.now()
    await app.inject({
      method: 'POST',
      url: `/v1/targets/${target.id}/observations`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { value: written, observedOn: '2024-06-30' },
    })
    await all
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)]!, worst: times.at(-1)! }
}

const SELECTION = 'observation { value target { id indicator document { title } } }'
const rows: [string, { median: number; worst: number }][] = []
rows.push(['no subscribers', await measure(0, [])])
for (const [label, queries] of [
  [
    '1,000 on one selection',
    Array.from({ length: 1000 }, () => `subscription { progressReported { ${SELECTION} } }`),
  ],
  [
    '256 distinct selections',
    Array.from(
      { length: 256 },
      (_, i) => `subscription { progressReported { n${i}: kind ${SELECTION} } }`,
    ),
  ],
] as const) {
  const { sockets, arrivals } = await subscribers([...queries])
  rows.push([label, await measure(queries.length, arrivals)])
  for (const socket of sockets) socket.terminate()
}
await app.close()
rmSync(dir, { recursive: true, force: true })
const baseline = rows[0]![1].median
console.log(`\n${WRITES} writes each; from the write's answer to the last subscriber's payload\n`)
console.log('subscribers                    median      worst   median ratio')
for (const [label, { median, worst }] of rows) {
  console.log(
    `${label.padEnd(28)} ${median.toFixed(2).padStart(7)} ms ${worst.toFixed(2).padStart(7)} ms ${(median / baseline).toFixed(1).padStart(8)}×`,
  )
}
