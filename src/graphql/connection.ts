// Connections: every GraphQL list pages like a REST list, by keyset cursor, with `first` for the
// size and `after` for the cursor.
import mercurius from 'mercurius'
import { InvalidCursorError, type Page, type PageRequest } from '../store/index.js'

/** The most a client may ask for in one page; the SDL says so and sets the default of 20. */
export const MAX_FIRST = 100
const DEFAULT_FIRST = 20

/** A client's mistake: HTTP 400 when it leaves nothing to serve, else an error beside the data. */
export function badInput(message: string, extensions: Record<string, unknown> = {}) {
  return new mercurius.ErrorWithProps(message, { code: 'BAD_USER_INPUT', ...extensions }, 400)
}

export interface PageArgs {
  first?: number | null
  after?: string | null
}

/** The store's page request for a connection's arguments; out-of-range sizes are refused. */
export function pageRequest(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_FIRST
  if (first < 0 || first > MAX_FIRST) {
    throw badInput(`first must be between 0 and ${MAX_FIRST}, not ${first}`, {
      argument: 'first',
    })
  }
  return { limit: first, cursor: args.after ?? undefined }
}

/** Reads a page, answering a cursor this list did not issue as the client's mistake. */
export function readPage<T>(read: () => T): T {
  try {
    return read()
  } catch (err) {
    if (err instanceof InvalidCursorError) {
      throw badInput(`after: ${err.message}`, { argument: 'after' })
    }
    throw err
  }
}

export interface Connection<T> {
  totalCount: number
  nodes: T[]
  readonly edges: { cursor: string; node: T }[]
  readonly pageInfo: {
    hasNextPage: boolean
    hasPreviousPage: boolean
    startCursor: string | null
    endCursor: string | null
  }
}

/**
 * A connection over a store page; cursors are encoded only when edges or pageInfo are asked.
 * A linked list's cursors are wrapped so that they name their parent (see nestedCursor).
 */
export function connectionOf<T>(
  store: Page<T>,
  args: PageArgs,
  wrap: (cursor: string) => string = (cursor) => cursor,
): Connection<T> {
  const page = { ...store, cursorAt: (index: number) => wrap(store.cursorAt(index)) }
  const last = page.items.length - 1
  return {
    totalCount: page.total,
    nodes: page.items,
    get edges() {
      return page.items.map((node, index) => ({ node, cursor: page.cursorAt(index) }))
    },
    get pageInfo() {
      return {
        hasNextPage: page.more,
        // Cursors name rows, so a page after one has at least that row before it.
        hasPreviousPage: typeof args.after === 'string',
        startCursor: last >= 0 ? page.cursorAt(0) : null,
        endCursor: last >= 0 ? page.cursorAt(last) : null,
      }
    },
  }
}

/**
 * The cursor of a linked list names the parent whose list it continues: the store's cursor
 * alone would be taken by every parent of a batch, each continuing from a key of another's list.
 */
export function nestedCursor(parent: string, cursor: string): string {
  return Buffer.from(JSON.stringify([parent, cursor])).toString('base64url')
}

/** The parent and store cursor of a linked list's cursor; a client's mistake when it is none. */
export function readNestedCursor(after: string): { parent: string; cursor: string } {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'))
  } catch {
    value = null
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    typeof value[1] !== 'string'
  ) {
    throw badInput('after: the cursor is not one this list issued', { argument: 'after' })
  }
  return { parent: value[0], cursor: value[1] }
}
