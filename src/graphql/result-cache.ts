// GraphQL results kept per normalized query, variables and data version, in the app's bounded
// answer cache: a repeated query costs a lookup instead of validation, loaders and execution.
// Only queries that ran without an error are kept; mutations and requests with a token never.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { stripIgnoredCharacters } from 'graphql'
import type { AnswerCache } from '../http/answer-cache.js'
import { answerWith, forget, keepUnder } from '../http/fastify-reads.js'
import { requestParams } from './operations.js'
import type { Store } from '../store/index.js'

/** Object keys in order, so that {a, b} and {b, a} are the same variables. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The key of a POST's result: the query without what GraphQL ignores (whitespace, comments,
 * commas; never inside strings), the operation name, the variables. Null when not to be kept.
 */
function keyOf(request: FastifyRequest, store: Store): string | null {
  if (request.method !== 'POST' || request.headers.authorization !== undefined) return null
  return resultKey(store, requestParams(request))
}

/**
 * The key of a POST body read before the framework (the hot path): the same key the framework's
 * path gives once it has parsed the body. Null when it is not a JSON object with a query, or
 * when it names __proto__ or constructor (the framework's parser refuses those).
 */
export function resultKeyOfBody(store: Store, body: Buffer): string | null {
  const text = body.toString('utf8')
  let request = requestsRead.get(text)
  if (request === undefined) {
    request = requestOfBody(text)
    if (body.length <= MAX_BODY_REMEMBERED) {
      if (requestsRead.size >= MAX_BODIES_REMEMBERED) requestsRead.clear()
      requestsRead.set(text, request)
    }
  }
  return request === null ? null : withDataVersion(store, request)
}

/**
 * Bodies seen before and what they ask, with the data version left out: a platform sends the
 * same few queries again and again, and parsing and normalizing each costs more than the lookup.
 */
const requestsRead = new Map<string, string | null>()
const MAX_BODIES_REMEMBERED = 1000
/** Larger bodies are parsed each time: the memo holds at most 1,000 × 4 KB. */
const MAX_BODY_REMEMBERED = 4096

/** A body that names __proto__ or constructor: the framework's parser decides (it refuses). */
const POLLUTING = /"(?:__proto__|constructor)"/

function requestOfBody(text: string): string | null {
  if (POLLUTING.test(text)) return null
  let params: unknown
  try {
    params = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null
  return normalizedRequest(params)
}

function resultKey(store: Store, params: Params): string | null {
  const request = normalizedRequest(params)
  return request === null ? null : withDataVersion(store, request)
}

type Params = { query?: unknown; operationName?: unknown; variables?: unknown }

/** The request without what GraphQL ignores; null for a syntax error or no query. */
function normalizedRequest({ query, operationName, variables }: Params): string | null {
  if (typeof query !== 'string') return null
  let normalized: string
  try {
    normalized = stripIgnoredCharacters(query)
  } catch {
    // A syntax error: answered without the cache.
    return null
  }
  return [
    normalized,
    typeof operationName === 'string' ? operationName : '',
    stableJson(variables ?? null),
  ].join('\n')
}

function withDataVersion(store: Store, request: string): string | null {
  try {
    return `graphql\n${store.dataVersion()}\n${request}`
  } catch {
    // A database that cannot say its version: answered without the cache.
    return null
  }
}

const queries = new WeakSet<FastifyRequest>()

/**
 * Call inside the GraphQL plugin, after its own checks. `ranQuery` is told by the plugin's
 * preExecution hook which requests executed a query (not a mutation). The result is kept, and
 * compressed, by the app's last onSend hook (http/fastify-reads.ts).
 */
export function registerResultCache(
  app: FastifyInstance,
  store: Store,
  cache: AnswerCache,
  path: string,
): { ranQuery: (request: FastifyRequest) => void } {
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== path) return
    const key = keyOf(request, store)
    if (key === null) return
    const kept = cache.get(key)
    if (kept) return answerWith(request, reply, kept)
    keepUnder(request, key)
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url !== path) return payload
    // A mutation, or an answer naming errors, is not kept (an alias named errors only costs a
    // cache miss).
    const kept =
      queries.has(request) &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      !payload.includes('"errors":')
    if (!kept) forget(request)
    return payload
  })
  return { ranQuery: (request) => queries.add(request) }
}
