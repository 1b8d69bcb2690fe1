// Run by npm run build: compressed copies of the GraphiQL bundles, made once at the smallest
// settings, so that no request waits for them (http/precompressed.ts).
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { packageAssets } from '../graphql/graphiql.js'
import { precompress } from '../http/precompressed.js'
import { projectRoot } from '../paths.js'

/** Smaller files are compressed on first demand in a few milliseconds. */
const MIN_BYTES = 64 * 1024

for (const asset of Object.values(packageAssets())) {
  const body = readFileSync(asset.path)
  if (body.length < MIN_BYTES) continue
  const written = precompress(body)
  if (written.length > 0) {
    console.log(`precompressed ${relative(projectRoot, asset.path)}: ${written.join(', ')}`)
  }
}
