// Compressed copies of large static files (the GraphiQL bundles), made when the project is built
// (npm run build runs src/cli/precompress.ts) at brotli's and gzip's smallest settings, which take
// seconds for a 3.5 MB script: too long for a first request to wait. A copy is named by the
// sha256 of the file it was made from, so a copy of another version is never taken for it.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { projectRoot } from '../paths.js'
import type { Coding } from './codings.js'

export const precompressedDir = join(projectRoot, 'dist', 'precompressed')

type StoredCoding = Exclude<Coding, 'identity'>
const SUFFIX: Record<StoredCoding, string> = { br: 'br', gzip: 'gz' }

function copyPath(body: Buffer, coding: StoredCoding): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 32)
  return join(precompressedDir, `${hash}.${SUFFIX[coding]}`)
}

/** The copies made at build time of this very content; none when it was not built. */
export function precompressedCopies(body: Buffer): Partial<Record<StoredCoding, Buffer>> {
  const copies: Partial<Record<StoredCoding, Buffer>> = {}
  for (const coding of ['br', 'gzip'] as const) {
    const path = copyPath(body, coding)
    if (existsSync(path)) copies[coding] = readFileSync(path)
  }
  return copies
}

/** Writes the copies of a file that has none yet; says which were written. */
export function precompress(body: Buffer): StoredCoding[] {
  mkdirSync(precompressedDir, { recursive: true })
  const written: StoredCoding[] = []
  for (const coding of ['br', 'gzip'] as const) {
    const path = copyPath(body, coding)
    if (existsSync(path)) continue
    const copy =
      coding === 'br'
        ? brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipSync(body, { level: 9 })
    // Written whole under a temporary name first, so a build cut short leaves no half copy.
    writeFileSync(`${path}.partial`, copy)
    renameSync(`${path}.partial`, path)
    written.push(coding)
  }
  return written
}
