// npm run ingest -- [--db PATH] FILE...
// Parses every file first and loads them only if all parse, in one transaction: on any failure
// the database is left exactly as it was and one line says which file and line is to blame.
import { existsSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { PlanParseError } from '../ingest/errors.js'
import { readAliasDictionary, readPlanFile } from '../ingest/read.js'
import type { PlanDocument } from '../ingest/types.js'
import { aliasDictionaryPath, defaultDatabasePath } from '../paths.js'
import { openDatabase } from '../store/database.js'
import { loadDocuments } from '../store/load.js'

const USAGE = 'usage: npm run ingest -- [--db PATH] FILE...'

class UsageError extends Error {}

function parseFiles(files: string[]): PlanDocument[] {
  const aliases = readAliasDictionary(aliasDictionaryPath)
  const plans: PlanDocument[] = []
  const fileOfNumber = new Map<string, string>()
  for (const file of files) {
    const plan = readPlanFile(file, aliases)
    const earlier = fileOfNumber.get(plan.number)
    if (earlier !== undefined) {
      throw new PlanParseError(file, null, `${plan.number} is also the number of ${earlier}`)
    }
    fileOfNumber.set(plan.number, file)
    plans.push(plan)
  }
  return plans
}

function run(argv: string[]): void {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (parsed.positionals.length === 0) throw new UsageError('no plan text files given')
  const plans = parseFiles(parsed.positionals)

  const dbPath = parsed.values.db ?? defaultDatabasePath
  const existed = existsSync(dbPath)
  const db = openDatabase(dbPath)
  try {
    const results = loadDocuments(db, plans)
    results.forEach((r, i) => {
      const p = plans[i]!
      process.stdout.write(
        `${r.replaced ? 'replaced' : 'loaded'} ${p.source.file} as ${r.documentId} (${p.number}): ` +
          `${p.sections.length} sections, ${p.tasks.length} tasks, ${p.agencies.length} agencies\n`,
      )
    })
  } catch (err) {
    db.close()
    // A database this run created holds nothing worth keeping once the load failed.
    if (!existed) rmSync(dbPath, { force: true })
    throw err
  }
  db.close()
}

try {
  run(process.argv.slice(2))
} catch (err) {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`ingest: ${message.split('\n')[0]}\n`)
  if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`)
  process.exitCode = err instanceof UsageError ? 2 : 1
}
