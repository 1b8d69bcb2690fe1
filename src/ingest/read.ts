// Reading plan files and the alias dictionary from disk: the only I/O of the ingest room.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { AliasDictionary } from './agencies.js'
import { PlanParseError } from './errors.js'
import { parsePlan } from './parse.js'
import type { PlanDocument } from './types.js'

export function readAliasDictionary(path: string): AliasDictionary {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<AliasDictionary>
  if (typeof data.stems !== 'object' || data.stems === null) {
    throw new Error(`${path}: the alias dictionary has no "stems" object`)
  }
  return { stems: data.stems, jurisdictions: data.jurisdictions ?? {} }
}

export function readPlanFile(path: string, aliases: AliasDictionary): PlanDocument {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'
    throw new PlanParseError(path, null, reason)
  }
  try {
    return parsePlan(bytes, { file: basename(path), aliases })
  } catch (err) {
    // The record keeps the base name; the person at the terminal needs the path they typed.
    if (err instanceof PlanParseError) throw new PlanParseError(path, err.line, err.reason)
    throw err
  }
}
