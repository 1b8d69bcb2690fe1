// Files served as they are (scripts, stylesheets), each at a URL that names its version or
// content, so that a browser keeps it for good and a new version is a new URL.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import { strongEtag } from './etag.js'
import { precompressedCopies } from './precompressed.js'
import { Representation } from './representation.js'

/** Asset URLs name the version or content they serve, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

export interface Asset {
  url: string
  path: string
}

const require = createRequire(import.meta.url)

/** A file of an installed package, under `prefix` at a URL that names the package's version. */
export function packageAsset(prefix: string, name: string, file: string, urlSuffix: string): Asset {
  const manifest = require.resolve(`${name}/package.json`)
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }
  return { url: `${prefix}/${name}-${version}${urlSuffix}`, path: join(dirname(manifest), file) }
}

/** A file of this project, under `prefix` at a URL that names its content. */
export function projectAsset(prefix: string, path: string, name: string): Asset {
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12)
  return { url: `${prefix}/${name}-${hash}${extname(path)}`, path }
}

/**
 * Reads the file on the first request and keeps it for the process's life, with its ETag and
 * the compressed copies made at build time (made on first demand when there are none).
 */
export function readOnce(asset: Asset): () => Representation {
  let kept: Representation | undefined
  return () => {
    if (kept === undefined) {
      const body = readFileSync(asset.path)
      kept = new Representation({
        headers: {
          'content-type': CONTENT_TYPES[extname(asset.path)]!,
          'cache-control': IMMUTABLE,
          'x-content-type-options': 'nosniff',
        },
        body,
        etag: strongEtag(body),
        route: asset.url,
        effort: 'kept',
        coded: precompressedCopies(body),
      })
    }
    return kept
  }
}
