// npm run ingest -- [--db PATH] [--meta META.json] FILE...
// Each FILE is a plan as published: a plain text, a saved portal page, a PDF or a DOCX, told
// apart by content. Parses every file first and loads them only if all parse, in one transaction: on any failure
// the database is left exactly as it was and one line says which file and line is to blame.
// --meta supplies number, issuer, issuedOn and sourceUrl for the file named after it.
import { existsSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { PlanParseError } from '../ingest/errors.js'
import type { SuppliedMetadata } from '../ingest/parse.js'
import { readAliasDictionary, readPublishedFile, readSuppliedMetadata } from '../ingest/read.js'
import type { PlanDocument } from '../ingest/types.js'
import { aliasDictionaryPath, configuredDatabasePath } from '../paths.js'
import { openDatabase } from '../store/database.js'
import { documentIdentity } from '../store/ids.js'
import { loadDocuments } from '../store/load.js'
import { fileProgress, NO_PROGRESS, type FileProgress } from './progress.js'

const USAGE =
  'usage: npm run ingest -- [--db PATH] [--quiet] [--meta META.json] FILE... (text, HTML, PDF or DOCX)'

/** What --help prints: the usage line, then what the command does and what each option means. */
const HELP = `${USAGE}

Loads plans into the database. Each FILE is a plan as published: a plain text, a saved portal
page, a PDF or a DOCX, told apart by its content. Every file is parsed first; they are loaded
only if all of them parse, in one transaction, so that a failure leaves the database as it was.
A document loaded already is replaced: the same 发文字号 or, without one, the same issuer, title
and date.

options:
  --db PATH          the SQLite file to load into (default: $DB_PATH, else db/plan.db); made
                     if missing
  --meta META.json   a JSON object supplying number, issuer, issuedOn and sourceUrl for the
                     FILE named after it, for a text that lacks them
  -q, --quiet        no progress on stderr (a bar on a terminal, else a line per file read)
  -h, --help         this text

stdout has a line per document loaded; progress and errors go to stderr. In the container image
the same command is plan-ingest (and npm run token is plan-token).

exit status: 0 loaded; 1 nothing loaded, and the last line on stderr says why (the file and line
that is not a plan, or what the database refused); 2 the command line is wrong.
`

class UsageError extends Error {}

interface FileToLoad {
  path: string
  supplied?: SuppliedMetadata
}

async function parseFiles(files: FileToLoad[], progress: FileProgress): Promise<PlanDocument[]> {
  const aliases = readAliasDictionary(aliasDictionaryPath)
  const plans: PlanDocument[] = []
  const fileOfIdentity = new Map<string, string>()
  for (const file of files) {
    const name = basename(file.path)
    progress.reading(name)
    const started = performance.now()
    const plan = await readPublishedFile(file.path, aliases, file.supplied)
    progress.read(name, performance.now() - started)
    const identity = documentIdentity(plan)
    const earlier = fileOfIdentity.get(identity)
    if (earlier !== undefined) {
      const what = plan.number ?? 'the same document'
      throw new PlanParseError(file.path, null, `${what} is also the document of ${earlier}`)
    }
    fileOfIdentity.set(identity, file.path)
    plans.push(plan)
  }
  return plans
}

/** The files in the order given, each with the metadata named just before it. */
function filesOf(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        meta: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      tokens: true,
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const files: FileToLoad[] = []
  let meta: string | null = null
  for (const token of parsed.tokens) {
    if (token.kind === 'option' && token.name === 'meta') {
      if (meta !== null) throw new UsageError(`--meta ${meta} is followed by another --meta`)
      meta = token.value!
    } else if (token.kind === 'positional') {
      files.push(
        meta === null
          ? { path: token.value }
          : { path: token.value, supplied: readSuppliedMetadata(meta) },
      )
      meta = null
    }
  }
  if (meta !== null) throw new UsageError(`--meta ${meta} describes no file: put it before one`)
  const { db, help = false, quiet = false } = parsed.values
  return { files, db, help, quiet }
}

async function run(argv: string[]): Promise<void> {
  const { files, db: dbOption, help, quiet } = filesOf(argv)
  if (help) {
    process.stdout.write(HELP)
    return
  }
  if (files.length === 0) throw new UsageError('no plan files given')
  const progress = quiet ? NO_PROGRESS : fileProgress(process.stderr, files.length)
  try {
    await load(files, dbOption ?? configuredDatabasePath(), progress)
  } finally {
    progress.done()
  }
}

async function load(files: FileToLoad[], dbPath: string, progress: FileProgress): Promise<void> {
  const plans = await parseFiles(files, progress)
  progress.loading()

  const existed = existsSync(dbPath)
  const db = openDatabase(dbPath)
  try {
    const results = loadDocuments(db, plans)
    // The bar is cleared before stdout speaks, so that the two do not share a terminal line.
    progress.done()
    results.forEach((r, i) => {
      const p = plans[i]!
      const findings = p.findings.filter((f) => f.severity !== 'info').length
      process.stdout.write(
        `${r.replaced ? 'replaced' : 'loaded'} ${p.source.file} as ${r.documentId} (${p.number ?? 'no 发文字号'}): ` +
          `${p.sections.length} sections, ${p.tasks.length} tasks, ${p.agencies.length} agencies, ` +
          `${p.targets.length} targets, ${findings} findings to look at\n`,
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
  await run(process.argv.slice(2))
} catch (err) {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`ingest: ${message.split('\n')[0]}\n`)
  if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`)
  process.exitCode = err instanceof UsageError ? 2 : 1
}
