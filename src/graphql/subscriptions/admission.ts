// What a subscription must pass before it is accepted: every check a query over HTTP passes
// (GraphQL text only, the token limit, validation against the schema with the depth, alias and
// directive rules, variables bounded and coerced, the cost), plus a cost bound of its own, since
// its payload is computed again for every event.
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  stripIgnoredCharacters,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql'
import { costError, limitRules, QUERY_LIMITS } from '../limits.js'
import { variablesProblemOf } from '../operations.js'

/** A subscription that passed: what to run for each event, and which others run the same. */
export interface AdmittedSubscription {
  document: DocumentNode
  operationName: string | null
  /** Coerced by the schema's input types. */
  variables: Record<string, unknown>
  /** Equal for subscriptions whose payloads are equal: one computation serves them all. */
  selectionKey: string
}

const VALIDATION_RULES = [...specifiedRules, ...limitRules(QUERY_LIMITS)]

/** A subscription refused, as the error list graphql-ws sends for its id. */
export function refusal(message: string, code: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })]
}

/** The subscription of a graphql-transport-ws `subscribe` payload, or why it is refused. */
export function admit(
  schema: GraphQLSchema,
  payload: { query?: unknown; operationName?: unknown; variables?: unknown },
  maxCost: number,
): AdmittedSubscription | GraphQLError[] {
  const { query, operationName, variables } = payload
  // A syntax tree sent as JSON would skip the parser and its token limit.
  if (typeof query !== 'string')
    return refusal('query must be GraphQL text', 'GRAPHQL_PARSE_FAILED')
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return refusal('operationName must be a string', 'BAD_USER_INPUT')
  }
  const name = typeof operationName === 'string' ? operationName : null
  const variablesProblem = variablesProblemOf(variables)
  if (variablesProblem !== null) return refusal(variablesProblem, 'BAD_USER_INPUT')

  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.tokens })
  } catch (err) {
    const message = err instanceof GraphQLError ? err.message : String(err)
    return refusal(message, 'GRAPHQL_PARSE_FAILED')
  }
  const invalid = validate(schema, document, VALIDATION_RULES)
  if (invalid.length > 0) {
    return invalid.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
        }),
    )
  }
  const operation = getOperationAST(document, name)
  if (!operation) {
    return refusal(
      name !== null
        ? `the query has no operation named "${name}"`
        : 'the query holds several operations: name one with operationName',
      'OPERATION_RESOLUTION_FAILURE',
    )
  }
  if (operation.operation !== 'subscription') {
    return refusal(
      `a ${operation.operation} is sent by POST to /graphql; this socket carries subscriptions`,
      'BAD_REQUEST',
    )
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    (variables ?? {}) as Record<string, unknown>,
    { maxErrors: 10 },
  )
  if (coerced.errors) {
    return coerced.errors.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes,
          extensions: { code: 'BAD_USER_INPUT' },
        }),
    )
  }
  const tooCostly = costError(schema, document, coerced.coerced, name, maxCost)
  if (tooCostly) return [tooCostly]
  return {
    document,
    operationName: name,
    variables: coerced.coerced,
    selectionKey: JSON.stringify([stripIgnoredCharacters(query), name, coerced.coerced]),
  }
}
