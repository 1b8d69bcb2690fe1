// Reading plan files and the alias dictionary from disk: the only I/O of the ingest room.
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { AliasDictionary } from './agencies.js'
import { PlanParseError } from './errors.js'
import { extractPlanText, refuseOversizedFile, type FormatClaim } from './formats/extract.js'
import { formatOfName } from './formats/detect.js'
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
  return suppliedMetadataOf(data, path)
}

/** Supplied metadata checked field by field; `source` names where it came from in refusals. */
export function suppliedMetadataOf(data: unknown, source: string): SuppliedMetadata {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanParseError(source, null, 'metadata must be a JSON object')
  }
  const supplied: SuppliedMetadata = {}
  for (const [key, value] of Object.entries(data)) {
    if (!(SUPPLIED_FIELDS as readonly string[]).includes(key)) {
      throw new PlanParseError(
        source,
        null,
        `unknown field ${key}; expected ${SUPPLIED_FIELDS.join(', ')}`,
      )
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new PlanParseError(source, null, `${key} must be a non-empty string`)
    }
    supplied[key as (typeof SUPPLIED_FIELDS)[number]] = value.trim()
  }
  if (supplied.issuedOn !== undefined && !isIsoDate(supplied.issuedOn)) {
    throw new PlanParseError(
      source,
      null,
      `issuedOn ${supplied.issuedOn} is not a date (YYYY-MM-DD)`,
    )
  }
  if (supplied.sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(supplied.sourceUrl)) {
    throw new PlanParseError(source, null, `sourceUrl ${supplied.sourceUrl} is not an http(s) URL`)
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

export interface PublishedOptions {
  /** The name recorded as the document's source file (a base name, not a path). */
  file: string
  aliases: AliasDictionary
  supplied?: SuppliedMetadata
  /** What the file's name or media type says it is; a PDF or DOCX claim must hold. */
  claim: FormatClaim
}

/**
 * A plan file as published, in any format read here (text, a saved page, PDF, DOCX), parsed:
 * the text read from it goes through the same parser as a plain text.
 */
export async function parsePublished(
  bytes: Uint8Array,
  options: PublishedOptions,
): Promise<PlanDocument> {
  const { file, aliases, supplied, claim } = options
  const extracted = await extractPlanText(bytes, file, claim)
  if (extracted === null)
    return parsePlan(bytes, { file, aliases, ...(supplied ? { supplied } : {}) })
  // A reader's text is text: control characters a PDF's fonts map glyphs to are not the plan's.
  // eslint-disable-next-line no-control-regex
  const text = extracted.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  return parsePlan(Buffer.from(text, 'utf8'), {
    file,
    aliases,
    ...(supplied ? { supplied } : {}),
    extractedFrom: {
      format: extracted.format,
      mediaType: extracted.mediaType,
      bytes,
      pageOfLine: extracted.pageOfLine,
    },
  })
}

/** Reads and parses a plan file of any format read here; errors name the path as typed. */
export async function readPublishedFile(
  path: string,
  aliases: AliasDictionary,
  supplied?: SuppliedMetadata,
): Promise<PlanDocument> {
  let bytes: Buffer
  try {
    // A file over the limit is refused from its size, before its bytes are read into memory
    // (a file of gigabytes would be held whole only to be refused, or fail to be read at all).
    const stat = statSync(path)
    if (stat.isFile()) refuseOversizedFile(stat.size, path)
    bytes = readFileSync(path)
  } catch (err) {
    if (err instanceof PlanParseError) throw err
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'
    throw new PlanParseError(path, null, reason)
  }
  const file = basename(path)
  try {
    return await parsePublished(bytes, {
      file,
      aliases,
      ...(supplied ? { supplied } : {}),
      claim: { format: formatOfName(file), as: `the name ${file}` },
    })
  } catch (err) {
    if (err instanceof PlanParseError) throw new PlanParseError(path, err.line, err.reason)
    throw err
  }
}
