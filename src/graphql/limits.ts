// Protections for the public GraphQL endpoint: a parser token limit, validation rules for depth,
// aliases and directives, and a cost estimate checked once variables are known. The numbers are
// chosen around what legitimate clients send; test/graphql/limits.test.ts measures them.
import type { ValidationRule } from 'graphql'
import { aliasLimitRule, depthLimitRule, directiveLimitRule } from './limits/rules.js'

export { aliasLimitRule, depthLimitRule, directiveLimitRule } from './limits/rules.js'
export {
  ASSUMED_LIST_LENGTH,
  MAX_PAGE_SIZE,
  assertQueryCost,
  costError,
  queryCost,
  withHttpStatus,
  type Variables,
} from './limits/cost.js'

export interface QueryLimits {
  /** Nesting of fields, introspection included. */
  depth: number
  /** Aliases per operation, a fragment's counted once per spread. */
  aliases: number
  /** Directives per operation, a fragment's counted once per spread. */
  directives: number
  /** Objects a query can return, as queryCost estimates them. */
  cost: number
  /** Lexical tokens per document, for mercurius' `graphql: { parseOptions: { maxTokens } }`. */
  tokens: number
}

export const QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  // The introspection query of graphql 16 and of GraphiQL 3.8.3 nests 15 fields deep (__schema,
  // types, fields, args, type, nine ofType and their name), deeper than useful queries of our own
  // types: a document's tasks' agencies' targets' indicators are 9.
  depth: 16,
  // Introspection uses none; fetching a few records side by side under names needs a handful.
  aliases: 30,
  // Introspection uses none; @include and @skip on a few dozen fields is already unusual.
  directives: 50,
  // GraphiQL's introspection costs 16,424 and 50 tasks with their agencies, items and targets
  // 2,550; two nested connections of 100 cost 10,100, three cost 1,010,100.
  cost: 50_000,
  // Introspection is 160 to 191 tokens, a query for every field of a document and of each of its
  // connections 199. graphql's parser recurses per level of nesting and overflows the stack near
  // 6,000 tokens of nesting, so the limit also keeps it well away from that.
  tokens: 2_000,
})

/** The validation rules for mercurius' `validationRules`; a static array keeps its query cache. */
export function limitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  return [
    depthLimitRule(limits.depth),
    aliasLimitRule(limits.aliases),
    directiveLimitRule(limits.directives),
  ]
}
