// The GraphiQL bundles go out compressed at build time, not compressed for a waiting request.
// The test command builds the project first (test/setup/build.ts), precompressed copies included.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { precompressedCopies } from '../../src/http/precompressed.js'
import { buildTestApp } from '../helper.js'

const require = createRequire(import.meta.url)

t.test('the GraphiQL script is sent as compressed when the project was built', async (t) => {
  const app = await buildTestApp(t)
  const page = (await app.inject('/graphiql')).body
  const url = /src="(\/graphiql\/assets\/graphiql-[^"]+\.min\.js)"/.exec(page)?.[1]
  if (!url) throw new Error('the page names no GraphiQL script')
  const script = readFileSync(require.resolve('graphiql/graphiql.min.js'))
  const built = precompressedCopies(script)
  t.ok(built.br && built.gzip, 'npm run build made both copies')

  const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
  t.equal(br.headers['content-encoding'], 'br')
  t.ok(br.rawPayload.equals(built.br!), 'the very bytes made at build time')
  t.ok(brotliDecompressSync(br.rawPayload).equals(script), 'which are the script')
  t.ok(
    br.rawPayload.length < script.length / 4,
    `${br.rawPayload.length} of ${script.length} bytes`,
  )
  t.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable')

  const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
  t.ok(gzip.rawPayload.equals(built.gzip!))
  t.ok(gunzipSync(gzip.rawPayload).equals(script))
  t.equal(gzip.headers.etag, br.headers.etag!.toString().replace(/-br"$/, '-gzip"'))

  const plain = await app.inject({ url })
  t.ok(plain.rawPayload.equals(script), 'and the file itself to a client asking for no coding')
})
