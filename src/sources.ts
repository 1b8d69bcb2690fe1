// The plan texts that ship with the service (db/sources): on start, any of them the database
// lacks, or holds as an older parser derived it, is parsed and loaded, so `npm start` on a
// fresh clone or an upgraded one serves the plan as this version reads it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readAliasDictionary, readPlanFile } from './ingest/read.js'
import { sha256Hex } from './ingest/text.js'
import { PARSER_VERSION } from './ingest/version.js'
import { aliasDictionaryPath } from './paths.js'
import type { Database } from './store/database.js'
import { hasSource } from './store/documents.js'
import { loadDocuments, type LoadResult } from './store/load.js'

export function bundledSourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f))
}

/**
 * Loads each bundled text whose exact bytes are not in the database yet, or were loaded by an
 * older parser (which replaces that document with what this one derives).
 */
export function loadMissingSources(db: Database, dir: string): LoadResult[] {
  const missing = bundledSourceFiles(dir).filter((file) => {
    return !hasSource(db, sha256Hex(readFileSync(file)), PARSER_VERSION)
  })
  if (missing.length === 0) return []
  const aliases = readAliasDictionary(aliasDictionaryPath)
  return loadDocuments(
    db,
    missing.map((file) => readPlanFile(file, aliases)),
  )
}
