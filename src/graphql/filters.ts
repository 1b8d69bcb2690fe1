// GraphQL filter inputs as the store's filters. They take the REST parameters' names and mean
// the same; GraphQL sends null for a field given as null, which narrows nothing.
import type {
  AgencyFilter,
  DocumentFilter,
  FindingFilter,
  SectionFilter,
  TargetFilter,
  TaskFilter,
} from '../store/index.js'
import { InvalidSearchError, searchWords } from '../store/index.js'
import { badInput } from './connection.js'
import type * as Schema from './schema-types.js'

type Input<T> = T | null | undefined

type Present<T> = { [K in keyof T]?: NonNullable<T[K]> }

/** The input without its null fields. */
function present<T extends object>(input: Input<T>): Present<T> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value !== null && value !== undefined) out[key] = value
  }
  return out as Present<T>
}

/** The longest text a filter compares with, as in REST. */
const MAX_TEXT = 200

/**
 * Search text as REST takes it: 1 to 200 characters, no control characters, with words to look
 * for (see searchWords).
 */
export function searchText(text: string, argument: string): string {
  const length = [...text].length
  // The tab separates words as a space does; other control characters are refused.
  // eslint-disable-next-line no-control-regex
  if (length === 0 || length > MAX_TEXT || /[\u0000-\u0008\u000a-\u001f]/.test(text)) {
    throw badInput(
      `${argument} must be 1 to ${MAX_TEXT} characters of text, without control characters`,
      { argument },
    )
  }
  try {
    searchWords(text)
  } catch (err) {
    if (err instanceof InvalidSearchError)
      throw badInput(`${argument} ${err.message}`, { argument })
    throw err
  }
  return text
}

export const documentFilter = (input: Input<Schema.DocumentFilter>): DocumentFilter =>
  present(input)

export const sectionFilter = (input: Input<Schema.SectionFilter>): SectionFilter => present(input)

export function taskFilter(input: Input<Schema.TaskFilter>): TaskFilter {
  const { search, q, ...rest } = present(input)
  if (search !== undefined && q !== undefined) {
    throw badInput('give search or q, not both: q is the REST name of search', {
      argument: 'filter.q',
    })
  }
  const text = search ?? q
  return {
    ...rest,
    ...(text === undefined
      ? {}
      : { q: searchText(text, search !== undefined ? 'filter.search' : 'filter.q') }),
  }
}

export const agencyFilter = (input: Input<Schema.AgencyFilter>): AgencyFilter => present(input)

export const targetFilter = (input: Input<Schema.TargetFilter>): TargetFilter => present(input)

export const findingFilter = (input: Input<Schema.FindingFilter>): FindingFilter => present(input)
