// A request names the operation to run, or its query has only one. mercurius reads a GET's
// operation without checking there is one (a name that matches nothing was a 500), and
// graphql-jit takes an empty name for none; here every such request gets the same 400. So does
// a subscription, which HTTP cannot carry (it was a 500).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Kind, OperationTypeNode, parse } from 'graphql'

/** Operations of recent query texts: a query is parsed here once per text, not per request. */
const OPERATIONS_KEPT = 512

interface Operation {
  /** Null for an unnamed one. */
  name: string | null
  type: OperationTypeNode
}

const operationsOfText = new Map<string, Operation[] | null>()

/** A query's operations; null when it does not parse. */
function operationsOf(query: string, maxTokens: number): Operation[] | null {
  let operations = operationsOfText.get(query)
  if (operations === undefined) {
    try {
      operations = parse(query, { maxTokens, noLocation: true })
        .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => ({ name: d.name?.value ?? null, type: d.operation }))
    } catch {
      // mercurius answers the syntax error itself.
      operations = null
    }
    if (operationsOfText.size >= OPERATIONS_KEPT) operationsOfText.clear()
    operationsOfText.set(query, operations)
  }
  return operations
}

/** The query, operation name and variables of a request: in its JSON body, or its query string. */
export function requestParams(request: FastifyRequest): {
  query?: unknown
  operationName?: unknown
  variables?: unknown
} {
  const params = request.method === 'POST' ? request.body : request.query
  return typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {}
}

export function refuseUnknownOperation(maxTokens: number) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { query, operationName } = requestParams(request)
    if (typeof query !== 'string') return
    const operations = operationsOf(query, maxTokens)
    if (operations === null) return
    const wanted = typeof operationName === 'string' ? operationName : undefined
    const found =
      wanted === undefined
        ? operations.length === 1
          ? operations[0]
          : undefined
        : operations.find((o) => o.name === wanted)
    if (found?.type === OperationTypeNode.SUBSCRIPTION) {
      return refuse(
        reply,
        'a subscription is served over WebSocket at /graphql (graphql-transport-ws), not over HTTP',
        'BAD_REQUEST',
      )
    }
    if (found) return
    const message =
      wanted === undefined
        ? 'the query holds several operations: name one with operationName'
        : `the query has no operation named "${wanted}"`
    return refuse(reply, message, 'OPERATION_RESOLUTION_FAILURE')
  }
}

/** A 400 in GraphQL's answer shape, never cached. */
function refuse(reply: FastifyReply, message: string, code: string) {
  return reply
    .code(400)
    .header('cache-control', 'no-store')
    .send({ data: null, errors: [{ message, extensions: { code } }] })
}

/**
 * The deepest nesting of variables taken: the schema's inputs nest two or three levels (a
 * filter's fields), and every later step (keys of kept results, coercion) walks them by recursion.
 */
export const MAX_VARIABLE_DEPTH = 32

/** How deep a JSON value nests, walked without recursion, stopping past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > limit) return deepest
    for (const child of Object.values(item as Record<string, unknown>))
      stack.push([child, depth + 1])
  }
  return deepest
}

/** What is wrong with a request's variables as sent (a JSON object, null or absent), or null. */
function variablesProblem(request: FastifyRequest): string | null {
  let { variables } = requestParams(request)
  if (request.method !== 'POST' && typeof variables === 'string') {
    try {
      variables = JSON.parse(variables) as unknown
    } catch {
      return 'variables must be a JSON object'
    }
  }
  return variablesProblemOf(variables)
}

/** What is wrong with variables as parsed from JSON (an object, null or absent), or null. */
export function variablesProblemOf(variables: unknown): string | null {
  if (variables === undefined || variables === null) return null
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    return 'variables must be a JSON object'
  }
  if (depthOf(variables, MAX_VARIABLE_DEPTH) > MAX_VARIABLE_DEPTH) {
    return `variables nest deeper than ${MAX_VARIABLE_DEPTH} levels`
  }
  return null
}

/**
 * 400 for variables that are not an object: graphql-jit throws on them (a 500), and mercurius
 * silently drops some (a number in a GET), so the query ran without what the client meant; and
 * for variables nested past any input of the schema, which would exhaust the stack (a 500).
 */
export async function refuseBadVariables(request: FastifyRequest, reply: FastifyReply) {
  const problem = variablesProblem(request)
  if (problem === null) return
  return refuse(reply, problem, 'BAD_USER_INPUT')
}
