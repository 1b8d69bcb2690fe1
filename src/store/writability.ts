// Whether the database can take a write, for the writes themselves and for /readyz. A write that
// fails because SQLite cannot write becomes a StoreNotWritableError and is remembered for a
// while; readiness asks the connection itself, cheaply and without changing anything, at most
// once a second.
import type { Database } from './database.js'
import { StoreNotWritableError, writeFailureKindOf } from './write-failure.js'

export interface WritabilityOptions {
  /** How long a probe's answer is kept, in milliseconds: /readyz may be asked many times a second. */
  probeEveryMs?: number
  /**
   * How long a failed write keeps the store reported not writable, unless a write succeeds
   * first: a full disk shows only when something is written, and a probe writes nothing.
   */
  rememberFailureMs?: number
  /** The clock, in milliseconds. */
  now?: () => number
}

export class Writability {
  private readonly probeEveryMs: number
  private readonly rememberFailureMs: number
  private readonly now: () => number
  private probed: { at: number; reason: string | null } | null = null
  private failed: { at: number; reason: string } | null = null

  constructor(
    private readonly db: Database,
    options: WritabilityOptions = {},
  ) {
    this.probeEveryMs = options.probeEveryMs ?? 1000
    this.rememberFailureMs = options.rememberFailureMs ?? 30_000
    this.now = options.now ?? Date.now
  }

  /** Runs a write; a failure because SQLite cannot write is thrown as a StoreNotWritableError. */
  guard<T>(write: () => T): T {
    let result: T
    try {
      result = write()
    } catch (err) {
      const kind = writeFailureKindOf(err)
      if (kind === null) throw err
      if (kind.aboutTheServer) this.failed = { at: this.now(), reason: kind.reason }
      throw new StoreNotWritableError(kind, err)
    }
    this.failed = null
    return result
  }

  /** Why the store cannot take a write now, or null when it can (as far as can be told). */
  reasonNotWritable(): string | null {
    const now = this.now()
    if (this.failed !== null && now - this.failed.at < this.rememberFailureMs) {
      return this.failed.reason
    }
    if (this.probed === null || now - this.probed.at >= this.probeEveryMs) {
      this.probed = { at: now, reason: this.probe() }
    }
    return this.probed.reason
  }

  /**
   * Takes the write lock and writes page 1 (the schema version, set to itself) in the page
   * cache, then rolls back: SQLite refuses the write at once when it cannot write the file (a
   * read-only handle, query_only, a moved file), and nothing reaches the disk. It does not wait
   * for the lock: another writer holding it tells nothing about this store.
   */
  private probe(): string | null {
    const db = this.db
    // Closed (isReady says so), or inside a transaction (synchronous writes never leave one open).
    if (!db.open || db.inTransaction) return null
    const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number
    db.pragma('busy_timeout = 0')
    try {
      db.exec('BEGIN IMMEDIATE')
      try {
        const version = db.pragma('user_version', { simple: true }) as number
        db.pragma(`user_version = ${version}`)
      } finally {
        // SQLite ends the transaction itself after some failures (a full disk, an I/O error).
        if (db.inTransaction) db.exec('ROLLBACK')
      }
      return null
    } catch (err) {
      const kind = writeFailureKindOf(err)
      return kind?.aboutTheServer ? kind.reason : null
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`)
    }
  }
}
