// Schema migrations: migrations/NNNN_name.sql, applied in order, each in its own transaction,
// and recorded in schema_migrations with a checksum so that an edited migration is noticed.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'

export interface Migration {
  version: number
  name: string
  sql: string
  sha256: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((file) => {
      const [, version, name] = FILE.exec(file)!
      const sql = readFileSync(join(dir, file), 'utf8')
      return {
        version: Number(version),
        name: name!,
        sql,
        sha256: createHash('sha256').update(sql).digest('hex'),
      }
    })
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new MigrationError(
        `migrations must be numbered 0001, 0002, … without gaps: ${m.version}`,
      )
    }
  })
  return migrations
}

/** The highest migration applied to this database, 0 for a new one. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database up to the newest migration. Refuses a database that is newer than this
 * program, or whose applied migrations differ from the files, rather than guessing.
 */
export function migrate(db: Database, migrations: Migration[]): { applied: number[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    sha256  TEXT NOT NULL
  ) STRICT`)
  const current = schemaVersion(db)
  const latest = migrations.length
  if (current > latest) {
    throw new MigrationError(
      `the database schema is version ${current}, newer than this program knows (${latest}); ` +
        'run a newer version of the program or rebuild the database',
    )
  }
  const recorded = db
    .prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string; sha256: string }[]
  for (const row of recorded) {
    const m = migrations[row.version - 1]
    if (m && m.sha256 !== row.sha256) {
      throw new MigrationError(
        `migration ${String(row.version).padStart(4, '0')}_${row.name} was changed after it was applied; ` +
          'add a new migration instead of editing an applied one',
      )
    }
  }
  const applied: number[] = []
  for (const m of migrations.slice(current)) {
    // A migration that rebuilds a table others refer to runs with foreign keys off (SQLite's
    // procedure for such changes: dropping the old table would otherwise cascade), and must leave
    // every reference whole before it commits.
    const keysOff = FOREIGN_KEYS_OFF.test(m.sql)
    const keysWere = db.pragma('foreign_keys', { simple: true }) as number
    if (keysOff) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        db.exec(m.sql)
        if (keysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[]
          if (broken.length > 0) {
            throw new MigrationError(
              `migration ${String(m.version).padStart(4, '0')}_${m.name} leaves ${broken.length} broken references`,
            )
          }
        }
        db.prepare('INSERT INTO schema_migrations (version, name, sha256) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          m.sha256,
        )
        db.pragma(`user_version = ${m.version}`)
      })()
    } finally {
      if (keysOff) db.pragma(`foreign_keys = ${keysWere ? 'ON' : 'OFF'}`)
    }
    applied.push(m.version)
  }
  return { applied }
}

/** The first line of a migration that must run with foreign keys off. */
const FOREIGN_KEYS_OFF = /^-- migrate: foreign_keys=off$/m
