// Reading plan files and the alias dictionary from disk: the only I/O of the ingest room.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { AliasDictionary } from './agencies.js'
import { PlanParseError } from './errors.js'
import { parsePlan, type SuppliedMetadata } from './parse.js'
import type { PlanDocument } from './types.js'

export function readAliasDictionary(path: string): AliasDictionary {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<AliasDictionary>
  if (typeof data.stems !== 'object' || data.stems === null) {
    throw new Error(`${path}: the alias dictionary has no "stems" object`)
  }
  return { stems: data.stems, jurisdictions: data.jurisdictions ?? {} }
}

const SUPPLIED_FIELDS = ['number', 'issuer', 'issuedOn', 'sourceUrl'] as const

/**
 * Metadata supplied beside a text that lacks it (npm run ingest -- --meta FILE.json): a JSON
 * object of number, issuer, issuedOn (an ISO date) and sourceUrl (http or https), each optional.
 */
export function readSuppliedMetadata(path: string): SuppliedMetadata {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : err instanceof SyntaxError
          ? `not JSON (${err.message})`
          : 'cannot be read'
    throw new PlanParseError(path, null, reason)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanParseError(path, null, 'metadata must be a JSON object')
  }
  const supplied: SuppliedMetadata = {}
  for (const [key, value] of Object.entries(data)) {
    if (!(SUPPLIED_FIELDS as readonly string[]).includes(key)) {
      throw new PlanParseError(
        path,
        null,
        `unknown field ${key}; expected ${SUPPLIED_FIELDS.join(', ')}`,
      )
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new PlanParseError(path, null, `${key} must be a non-empty string`)
    }
    supplied[key as (typeof SUPPLIED_FIELDS)[number]] = value.trim()
  }
  if (supplied.issuedOn !== undefined && !isIsoDate(supplied.issuedOn)) {
    throw new PlanParseError(path, null, `issuedOn ${supplied.issuedOn} is not a date (YYYY-MM-DD)`)
  }
  if (supplied.sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(supplied.sourceUrl)) {
    throw new PlanParseError(path, null, `sourceUrl ${supplied.sourceUrl} is not an http(s) URL`)
  }
  return supplied
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3])
}

export function readPlanFile(
  path: string,
  aliases: AliasDictionary,
  supplied?: SuppliedMetadata,
): PlanDocument {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'
    throw new PlanParseError(path, null, reason)
  }
  try {
    return parsePlan(bytes, { file: basename(path), aliases, ...(supplied ? { supplied } : {}) })
  } catch (err) {
    // The record keeps the base name; the person at the terminal needs the path they typed.
    if (err instanceof PlanParseError) throw new PlanParseError(path, err.line, err.reason)
    throw err
  }
}
