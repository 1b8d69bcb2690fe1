// Opening the SQLite file the service reads and the ingest writes.
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrationsDir } from '../paths.js'
import { migrate, readMigrations, schemaVersion } from './migrate.js'
import { registerSqlFunctions } from './sql-functions.js'

export type { Database }

export interface OpenOptions {
  /** Apply pending migrations (the default); false opens as is, for readiness checks. */
  migrate?: boolean
  readonly?: boolean
}

export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const db = new BetterSqlite3(path, { readonly: options.readonly ?? false })
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // A write the client saw succeed must survive a crash the instant after: every commit is
      // synced to disk (NORMAL, WAL's usual setting, may lose the last commits on power loss).
      db.pragma('synchronous = FULL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    registerSqlFunctions(db)
    if (options.migrate ?? true) migrate(db, readMigrations(migrationsDir))
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/** The newest schema version this program knows; the files do not change while it runs. */
let knownVersion: number | undefined

/** True when every migration this program knows is applied. Cheap: /readyz asks it often. */
export function isMigrated(db: Database): boolean {
  knownVersion ??= readMigrations(migrationsDir).length
  return schemaVersion(db) === knownVersion
}
