// npm run token -- create|list|revoke: the bearer tokens that progress writes need.
// `create` prints the secret alone on stdout, so that TOKEN=$(npm run -s token -- create …) works;
// what the token is for goes to stderr. The secret is not stored and cannot be shown again.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { configuredDatabasePath } from '../paths.js'
import { openDatabase, type Database } from '../store/database.js'
import { Store, type AgencyRecord } from '../store/index.js'
import { createToken, listTokens, revokeToken, type TokenRecord } from '../store/tokens.js'

const USAGE = [
  'usage: npm run token -- create --agency NAME [--jurisdiction CITY] [--db PATH]',
  '       npm run token -- create --admin [--db PATH]',
  '       npm run token -- list [--db PATH]',
  '       npm run token -- revoke ID [--db PATH]',
].join('\n')

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        agency: { type: 'string' },
        jurisdiction: { type: 'string' },
        admin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

type Values = ReturnType<typeof parse>['values']

const COMMAND_SPECIFIC = ['agency', 'jurisdiction', 'admin'] as const

/** The options each command takes besides --db and --help; any other is a usage error. */
const COMMAND_OPTIONS: Record<string, readonly (typeof COMMAND_SPECIFIC)[number][]> = {
  create: ['agency', 'jurisdiction', 'admin'],
  list: [],
  revoke: [],
}

/** How many agencies one name may match; a name is shared by a few jurisdictions, not hundreds. */
const MATCH_LIMIT = 100

/**
 * The one agency a name stands for. A name such as 市住建局 recurs in every city, so when it
 * matches agencies of several jurisdictions the caller has to say which one is meant.
 */
function findAgency(store: Store, name: string, jurisdiction: string | undefined): AgencyRecord {
  const matches = store.listAgencies({ name }, { limit: MATCH_LIMIT }).items
  if (matches.length === 0) throw new Error(`no agency is named ${name}`)
  const jurisdictions = [...new Set(matches.map((a) => a.jurisdiction))]
  const inJurisdiction =
    jurisdiction === undefined ? matches : matches.filter((a) => a.jurisdiction === jurisdiction)
  if (inJurisdiction.length === 0) {
    throw new Error(
      `no agency named ${name} in ${jurisdiction}, only in ${jurisdictions.join(', ')}`,
    )
  }
  if (jurisdiction === undefined && jurisdictions.length > 1) {
    throw new Error(
      `${name} names agencies in ${jurisdictions.join(', ')}; say which with --jurisdiction`,
    )
  }
  if (inJurisdiction.length > 1) {
    // One alias for two agencies of one city: only the id tells them apart.
    const which = inJurisdiction.map((a) => `${a.name} (${a.id})`).join(', ')
    throw new Error(`${name} names several agencies: ${which}; give the agency's id instead`)
  }
  return inJurisdiction[0]!
}

/** A mistake in create's options is told before the database is looked for. */
function checkCreateOptions(values: Values): void {
  if (values.admin && values.agency !== undefined) {
    throw new UsageError('a token is for one agency or an admin token, not both')
  }
  if (values.admin && values.jurisdiction !== undefined) {
    throw new UsageError('--jurisdiction goes with --agency')
  }
  if (!values.admin && values.agency === undefined) {
    throw new UsageError('create needs --agency NAME or --admin')
  }
}

function create(db: Database, values: Values): void {
  let token
  if (values.admin) {
    token = createToken(db, { role: 'admin', agencyId: null, label: 'admin' })
  } else {
    const agency = findAgency(new Store(db), values.agency!, values.jurisdiction)
    const label = `${agency.jurisdiction} ${agency.name}`
    token = createToken(db, { role: 'agency', agencyId: agency.id, label })
  }
  const { record, secret } = token
  const writesFor =
    record.role === 'admin' ? 'an administrator' : `${record.label} (${record.agencyId})`
  process.stdout.write(`${secret}\n`)
  process.stderr.write(
    `created ${record.tokenId} for ${writesFor}; the secret above is not shown again\n`,
  )
}

function describe(token: TokenRecord): string {
  const state = token.revokedAt === null ? 'active' : `revoked ${token.revokedAt}`
  return [token.tokenId, token.role, token.label, token.createdAt, state].join('\t')
}

function list(db: Database): void {
  const tokens = listTokens(db)
  // Nothing on stdout, so that a script reading it sees no tokens rather than a sentence.
  if (tokens.length === 0) process.stderr.write('no tokens\n')
  for (const token of tokens) process.stdout.write(`${describe(token)}\n`)
}

function revoke(db: Database, id: string): void {
  if (revokeToken(db, id)) {
    process.stdout.write(`revoked ${id}\n`)
    return
  }
  const token = listTokens(db).find((t) => t.tokenId === id)
  throw new Error(token ? `${id} was revoked already at ${token.revokedAt}` : `no token ${id}`)
}

function run(argv: string[]): void {
  const parsed = parse(argv)
  const values = parsed.values
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const [command, ...operands] = parsed.positionals
  if (command === undefined) throw new UsageError('no command given')
  const allowed = COMMAND_OPTIONS[command]
  if (allowed === undefined) throw new UsageError(`unknown command ${command}`)
  for (const option of COMMAND_SPECIFIC) {
    if (values[option] !== undefined && !allowed.includes(option)) {
      throw new UsageError(`${command} takes no --${option}`)
    }
  }
  const wantedOperands = command === 'revoke' ? 1 : 0
  if (operands.length !== wantedOperands) {
    throw new UsageError(
      command === 'revoke' ? 'revoke takes one token id' : `${command} takes no arguments`,
    )
  }

  if (command === 'create') checkCreateOptions(values)

  const dbPath = values.db ?? configuredDatabasePath()
  // Opening would create an empty database, and a token for an agency needs the plans loaded.
  if (!existsSync(dbPath)) {
    throw new Error(`no database at ${dbPath}; load the plans with npm run ingest first`)
  }
  const db = openDatabase(dbPath)
  try {
    if (command === 'create') create(db, values)
    else if (command === 'list') list(db)
    else revoke(db, operands[0]!)
  } finally {
    db.close()
  }
}

// A reader that stops early, as `list | head -1` does, closes the pipe: nothing went wrong here.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
  process.exit()
})

try {
  run(process.argv.slice(2))
} catch (err) {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`token: ${message.split('\n')[0]}\n`)
  if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`)
  process.exitCode = err instanceof UsageError ? 2 : 1
}
