// Whole-table exports kept per data version: the same bytes as the streamed list, in every
// coding with its length and tag, made once for all requests of a version, made again (and the
// old files removed) when the data changes, and still served when they cannot be kept.
import { readdirSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t, { type Test } from 'tap'
import { ExportShelf } from '../../src/http/exports.js'
import { strongEtag } from '../../src/http/etag.js'
import { openDatabase } from '../../src/store/database.js'
import { Store } from '../../src/store/index.js'
import { loadDocuments } from '../../src/store/load.js'
import {
  bundledPlanPath,
  listenTestApp,
  readPlan,
  secondPlanPath,
  tempDatabase,
  tempDir,
} from '../helper.js'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** One answer with its bytes as sent (not decoded). */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers, method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

/** A store whose eachTask counts the times the whole table is read. */
function countingStore(store: Store) {
  const reads = { tasks: 0 }
  const eachTask = store.eachTask
  store.eachTask = (filter, sort) => {
    reads.tasks++
    return eachTask(filter, sort)
  }
  return reads
}

const decode = { identity: (b: Buffer) => b, gzip: gunzipSync, br: brotliDecompressSync }

for (const holdUpTo of [undefined, 0]) {
  const copies = holdUpTo === 0 ? 'read from files' : 'held in memory'
  t.test(`an export is the streamed list, in each coding, made once per version (${copies})`, (t) =>
    exportCase(t, holdUpTo),
  )
}

async function exportCase(t: Test, holdUpTo: number | undefined) {
  const { db, path } = tempDatabase(t, [bundledPlanPath])
  const folder = tempDir(t)
  const shelf = new ExportShelf({ parent: folder, holdUpTo })
  const store = new Store(db)
  const reads = countingStore(store)
  const { url } = await listenTestApp(t, { store, exports: shelf })
  const streamed = await listenTestApp(t, { files: [bundledPlanPath], exports: false })
  const expected = (await raw(`${streamed.url}/v1/tasks.csv`)).body
  t.ok(expected.length > 1000, 'the streamed list has rows')

  // Requests at once, before anything is kept: one read of the table serves them all.
  const codings = ['identity', 'gzip', 'br'] as const
  const answers = await Promise.all(
    codings.map((coding) => raw(`${url}/v1/tasks.csv`, { 'accept-encoding': coding })),
  )
  t.equal(reads.tasks, 1, 'the table is read once')
  const tag = strongEtag(expected)
  for (const [i, coding] of codings.entries()) {
    const answer = answers[i]!
    t.equal(answer.status, 200)
    t.same(decode[coding](answer.body), expected, `${coding}: the streamed bytes`)
    t.equal(answer.headers['content-length'], String(answer.body.length), `${coding}: length`)
    t.equal(answer.headers['content-encoding'], coding === 'identity' ? undefined : coding)
    t.equal(answer.headers.etag, coding === 'identity' ? tag : tag.replace(/"$/, `-${coding}"`))
    t.match(answer.headers.vary, /Accept-Encoding/)
    t.match(answer.headers['content-type'], /^text\/csv; charset=utf-8/)
    t.match(answer.headers['content-disposition'], /filename="tasks.csv"/)
  }
  t.ok(answers[2]!.body.length < answers[1]!.body.length, 'brotli is smaller than gzip')

  t.equal(answers[0]!.headers.vary, 'Accept-Encoding', 'PATH.csv varies by coding alone')
  const heldSizes = answers.reduce((sum, answer) => sum + answer.body.length, 0)
  t.equal(shelf.heldBytes, holdUpTo === 0 ? 0 : heldSizes, 'what is held in memory')

  // Accept: text/csv on the list's path is the same export, and says it varies by Accept.
  const negotiated = await raw(`${url}/v1/tasks`, { accept: 'text/csv' })
  t.same(negotiated.body, expected)
  t.equal(negotiated.headers.etag, tag)
  t.match(negotiated.headers.vary, /Accept-Encoding/)
  t.match(negotiated.headers.vary, /(^|, )Accept(,|$)/, 'Vary names Accept')
  const held = await raw(`${url}/v1/tasks.csv`, {
    'accept-encoding': 'br',
    'if-none-match': answers[2]!.headers.etag as string,
  })
  t.equal(held.status, 304, 'a client holding it gets 304')
  t.equal(held.body.length, 0)
  const head = await raw(`${url}/v1/tasks.csv`, { 'accept-encoding': 'gzip' }, 'HEAD')
  t.equal(head.headers['content-length'], String(answers[1]!.body.length), 'HEAD: the length')
  t.equal(head.body.length, 0)
  t.equal(reads.tasks, 1, 'still one read of the table')

  // A filtered list is streamed as it is read, never kept.
  const filtered = await raw(`${url}/v1/tasks.csv?sort=number`)
  t.equal(filtered.status, 200)
  t.equal(reads.tasks, 2)
  const files = () => readdirSync(join(folder, readdirSync(folder)[0]!)).sort()
  t.equal(files().length, 3, 'the export and its two copies')

  if (holdUpTo === 0) {
    // A temp folder cleaner removed the files: the download is streamed, the export made again.
    for (const file of files()) rmSync(join(folder, readdirSync(folder)[0]!, file))
    const gone = await raw(`${url}/v1/tasks.csv`)
    t.equal(gone.status, 200)
    t.same(gone.body, expected, 'streamed whole')
    t.equal(gone.headers['content-encoding'], undefined)
    // Another URL: the streamed answer went into the answer cache under this one.
    const again = await raw(`${url}/v1/tasks`, { accept: 'text/csv' })
    t.same(again.body, expected)
    t.equal(again.headers['content-length'], String(expected.length), 'kept again')
    t.equal(files().length, 1, 'the export made again; copies when asked')
    reads.tasks -= 2
  }

  // Another connection loads a second plan: the next request makes the export again.
  const other = openDatabase(path)
  loadDocuments(other, [readPlan(secondPlanPath)])
  other.close()
  const before = files()
  const after = await raw(`${url}/v1/tasks.csv`)
  t.equal(reads.tasks, 3, 'read again for the new version')
  t.ok(after.body.length > expected.length, 'with the second plan')
  t.not(after.headers.etag, tag)
  t.equal(after.headers['content-length'], String(after.body.length))
  // The old files go once the new version is asked for; wait for that condition.
  while (files().some((file) => before.includes(file))) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  t.equal(files().length, 1, 'only the new version is left, its copies made when asked')
  t.equal(shelf.heldBytes, holdUpTo === 0 ? 0 : after.body.length, 'the old bytes let go')
}

t.test('an export that cannot be kept is streamed', async (t) => {
  const { db } = tempDatabase(t, [bundledPlanPath])
  const warnings: string[] = []
  const shelf = new ExportShelf({ parent: join(tempDir(t), 'no', 'such', 'folder') })
  const { url } = await listenTestApp(t, {
    store: new Store(db),
    exports: shelf,
    logger: {
      level: 'warn',
      stream: { write: (line: string) => void warnings.push(line) },
    },
  })
  const answer = await raw(`${url}/v1/tasks.csv`, { 'accept-encoding': 'br' })
  t.equal(answer.status, 200)
  const rows = brotliDecompressSync(answer.body).toString('utf8').trim().split('\r\n')
  t.equal(rows.length, readPlan(bundledPlanPath).tasks.length + 1, 'every task and the header')
  t.match(warnings.join(''), /tasks\.csv could not be sent as kept; it is streamed/)
  // Not tried again at once: the next download is streamed without another attempt.
  // Another URL: the streamed answer went into the answer cache under this one.
  const next = await raw(`${url}/v1/tasks`, { accept: 'text/csv' })
  t.equal(next.status, 200)
  t.match(warnings.join(''), /tasks\.csv failed to be kept less than a minute ago/)
})

t.test('closing the shelf removes its folder', async (t) => {
  const folder = tempDir(t)
  const { app, url } = await listenTestApp(t, {
    files: [bundledPlanPath],
    exports: new ExportShelf({ parent: folder }),
  })
  t.equal((await raw(`${url}/v1/agencies.csv`)).status, 200)
  t.equal(readdirSync(folder).length, 1)
  await app.close()
  t.same(readdirSync(folder), [])
})
