// Figures about the database for operators: how much it holds and how big it is on disk.
import { statSync } from 'node:fs'
import type { Database } from './database.js'
import { prepared } from './query.js'

export interface DatabaseStats {
  documents: number
  /** The main file and its write-ahead log, as the file system counts them. */
  fileBytes: number
  walBytes: number
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    // No write-ahead log between checkpoints, or an in-memory database: nothing on disk.
    return 0
  }
}

export function databaseStats(db: Database): DatabaseStats {
  const { documents } = prepared(db, 'SELECT count(*) AS documents FROM documents').get() as {
    documents: number
  }
  return { documents, fileBytes: sizeOf(db.name), walBytes: sizeOf(`${db.name}-wal`) }
}
