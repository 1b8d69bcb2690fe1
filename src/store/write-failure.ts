// The SQLite failures that mean the store cannot take a write now, whatever was written (a
// read-only file, a full disk, a failing disk, a lock held too long), each as a one-line reason
// a client and an operator can act on. Any other failure (a constraint, a bug) is not one of
// these: it stays an internal error.
import BetterSqlite3 from 'better-sqlite3'

export interface WriteFailureKind {
  /** One line, for a problem's detail and for /readyz. */
  reason: string
  /** How long a client had better wait before it tries again. */
  retryAfterSeconds: number
  /**
   * Whether it says something about this server rather than about one moment: another writer
   * holding the lock is contention, which taking the server out of rotation would not relieve.
   */
  aboutTheServer: boolean
}

/** Until an operator acts (frees the disk, makes the file writable): a minute between tries. */
const UNTIL_REPAIRED = 60
/** A lock is released when its writer commits: try again soon. */
const UNTIL_UNLOCKED = 5

/** By SQLite's primary result code: its extended codes (SQLITE_IOERR_WRITE…) share the reason. */
const KINDS: { prefix: string; kind: WriteFailureKind }[] = [
  {
    prefix: 'SQLITE_READONLY_DBMOVED',
    kind: {
      reason: 'the database file was moved or deleted while open: restart the server',
      retryAfterSeconds: UNTIL_REPAIRED,
      aboutTheServer: true,
    },
  },
  {
    prefix: 'SQLITE_READONLY',
    kind: {
      reason: 'the database file is read-only to this server',
      retryAfterSeconds: UNTIL_REPAIRED,
      aboutTheServer: true,
    },
  },
  {
    prefix: 'SQLITE_FULL',
    kind: {
      reason: 'the database or the disk holding it is full',
      retryAfterSeconds: UNTIL_REPAIRED,
      aboutTheServer: true,
    },
  },
  {
    prefix: 'SQLITE_IOERR',
    kind: {
      reason: 'the disk failed to read or write the database',
      retryAfterSeconds: UNTIL_REPAIRED,
      aboutTheServer: true,
    },
  },
  {
    prefix: 'SQLITE_CANTOPEN',
    kind: {
      reason: 'a file of the database (its journal or write-ahead log) cannot be opened',
      retryAfterSeconds: UNTIL_REPAIRED,
      aboutTheServer: true,
    },
  },
  {
    prefix: 'SQLITE_BUSY',
    kind: {
      reason: 'another writer held the database’s lock past the busy timeout',
      retryAfterSeconds: UNTIL_UNLOCKED,
      aboutTheServer: false,
    },
  },
]

/** The kind of a failure that means the store cannot write now, or null for any other. */
export function writeFailureKindOf(err: unknown): WriteFailureKind | null {
  if (!(err instanceof BetterSqlite3.SqliteError)) return null
  const code = err.code
  return KINDS.find(({ prefix }) => code === prefix || code.startsWith(`${prefix}_`))?.kind ?? null
}

/** A write the store could not take, with the reason; the SQLite error is its cause. */
export class StoreNotWritableError extends Error {
  override name = 'StoreNotWritableError'
  constructor(
    readonly kind: WriteFailureKind,
    cause: unknown,
  ) {
    super(kind.reason, { cause })
  }
}
