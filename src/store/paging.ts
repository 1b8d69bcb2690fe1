// Keyset paging: a cursor holds the sort key of the last row served, so page 500 costs what
// page 1 costs and a page never repeats or skips a row when others are inserted meanwhile.

export interface SortRequest {
  field: string
  descending: boolean
}

export interface PageRequest {
  limit: number
  cursor?: string | undefined
  /** Fields the list allows sorting by, in order; the default is document order. */
  sort?: SortRequest[] | undefined
}

export interface Page<T> {
  items: T[]
  total: number
  /** The cursor of the next page, or null on the last one (and on a page of none). */
  next: string | null
  /** Whether records follow this page, even when it holds none to take a cursor from. */
  more: boolean
  /** The cursor that continues after the item at this index (GraphQL edges have one each). */
  cursorAt: (index: number) => string
}

/** A cursor that was not made by this service, or has been tampered with. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
}

type Key = (string | number)[]

/** A cursor names its sort order, so that it is refused by a request in another order. */
export function encodeCursor(order: string, key: Key): string {
  return Buffer.from(JSON.stringify(order === '' ? key : [order, ...key])).toString('base64url')
}

export function decodeCursor(cursor: string, order: string, length: number): Key {
  const key = decodeKey(cursor, order === '' ? length : length + 1)
  if (order === '') return key
  if (key[0] !== order) throw new InvalidCursorError('the cursor belongs to another sort order')
  return key.slice(1)
}

function decodeKey(cursor: string, length: number): Key {
  let key: unknown
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError('the cursor is not one this service issued')
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    // JSON cannot write Infinity, but it reads 1e999 as Infinity: no cursor of ours holds it.
    !key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  ) {
    throw new InvalidCursorError('the cursor is not one this service issued')
  }
  return key as Key
}

/** A WHERE clause accumulated from optional filters, with its parameters in order. */
export class Conditions {
  readonly clauses: string[] = []
  readonly params: unknown[] = []

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause)
    this.params.push(...params)
    return this
  }

  sql(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`
  }
}
