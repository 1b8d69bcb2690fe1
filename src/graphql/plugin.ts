// GraphQL at /graphql (POST, and GET for cacheable reads) and its SDL at /schema.graphql. The
// schema is schema.graphql itself; resolvers and loaders call the same store as REST.
import { readFileSync } from 'node:fs'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { getOperationAST, GraphQLError, Source, type DocumentNode } from 'graphql'
import mercurius, { type MercuriusLoaders } from 'mercurius'
import { graphqlSchemaPath } from '../paths.js'
import type { Store } from '../store/index.js'
import { contextOf } from './context.js'
import { formatErrors } from './errors.js'
import { assertQueryCost, limitRules, QUERY_LIMITS, withHttpStatus } from './limits.js'
import { loaders } from './loaders.js'
import { refuseBadVariables, refuseUnknownOperation, requestParams } from './operations.js'
import { mutationResolvers } from './mutations.js'
import { serveSubscriptions, type SubscriptionLimits } from './subscriptions/server.js'
import type { TrustProxy } from '../http/client-address.js'
import { prefersHtml } from '../http/negotiation.js'
import { GRAPHIQL_PATH } from './graphiql.js'
import type { ProgressEvents } from '../progress/events.js'
import { resolvers } from './resolvers.js'
import type { WriteAllowance } from '../progress/allowance.js'
import type { Metrics } from '../ops/metrics.js'
import type { AnswerCache } from '../http/answer-cache.js'
import { registerResultCache } from './result-cache.js'

export const GRAPHQL_PATH = '/graphql'

/** The operation a request names, if it names one. */
function operationNameOf(request: FastifyRequest): string | undefined {
  const { operationName } = requestParams(request)
  return typeof operationName === 'string' ? operationName : undefined
}

/** Parsed and validated queries kept per query text; jit-compiled after their first run. */
const QUERY_CACHE_SIZE = 1024

export interface GraphQLOptions {
  store: Store
  /** The write allowance mutations spend, shared with REST's writes. */
  writes: WriteAllowance
  /** Committed writes, for progressReported. */
  events: ProgressEvents
  metrics: Metrics
  /** Kept answers, or null when nothing is kept. */
  answers: AnswerCache | null
  subscriptionLimits: SubscriptionLimits
  trustProxy: TrustProxy
}

export const graphqlRoutes =
  ({
    store,
    writes,
    events,
    metrics,
    answers,
    subscriptionLimits,
    trustProxy,
  }: GraphQLOptions): FastifyPluginAsync =>
  async (app) => {
    const sdl = readFileSync(graphqlSchemaPath, 'utf8')
    // The GraphQL endpoint is described by its SDL and GraphiQL, not by the REST API's OpenAPI.
    app.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, hide: true }
    })
    await app.register(mercurius, {
      schema: sdl,
      resolvers: { ...resolvers, ...mutationResolvers(writes, events) },
      // See LoaderFields in loaders.ts for what the types check and why this cast.
      loaders: loaders as MercuriusLoaders,
      context: contextOf(store),
      path: GRAPHQL_PATH,
      graphiql: false,
      cache: QUERY_CACHE_SIZE,
      // graphql-jit compiles a query to a function on its second run, and then runs that.
      jit: 1,
      // Depth, alias and directive limits are validation rules, cached with the parsed query.
      validationRules: limitRules(QUERY_LIMITS),
      graphql: { parseOptions: { maxTokens: QUERY_LIMITS.tokens } },
      errorFormatter: (execution, context) => {
        const formatted = formatErrors(execution, context)
        for (const error of formatted.response.errors ?? []) {
          metrics.graphqlError(String(error.extensions?.code ?? 'UNKNOWN'))
        }
        return formatted
      },
    })

    // progressReported over WebSocket at /graphql (graphql-transport-ws).
    serveSubscriptions(app, {
      path: GRAPHQL_PATH,
      store,
      events,
      metrics,
      limits: subscriptionLimits,
      trustProxy,
    })

    // A person who opens /graphql in a browser gets GraphiQL rather than a 400 for a missing query.
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.routeOptions.url !== GRAPHQL_PATH) return
      const { query } = request.query as { query?: unknown }
      if (query !== undefined || request.headers.upgrade !== undefined) return
      if (prefersHtml(request.headers)) return reply.redirect(GRAPHIQL_PATH, 302)
    })

    const checkOperation = refuseUnknownOperation(QUERY_LIMITS.tokens)
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== GRAPHQL_PATH) return
      return (await refuseBadVariables(request, reply)) ?? checkOperation(request, reply)
    })
    // After the operation check: a cached result is one a request like this one got before.
    const results = answers ? registerResultCache(app, store, answers, GRAPHQL_PATH) : null
    // A GET refused for holding a mutation may still be sent by POST.
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode === 405 && request.routeOptions.url === GRAPHQL_PATH) {
        reply.header('allow', 'GET, HEAD, POST, OPTIONS')
      }
      return payload
    })

    // mercurius reads a query that fails to parse as a JSON-encoded syntax tree. Such a tree
    // skips the token limit and can crash validation, so only what the parser made (its location
    // holds a Source, which JSON cannot make) is accepted; a body of JSON null gives no tree at all.
    app.graphql.addHook('preValidation', async (_schema, document) => {
      if (!((document as DocumentNode | null)?.loc?.source instanceof Source)) {
        throw withHttpStatus(
          new GraphQLError('query must be GraphQL text', {
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          }),
          400,
        )
      }
    })
    // The cost depends on variables (first: $n), so it is checked per request, before running.
    app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
      assertQueryCost(
        schema,
        document,
        variables,
        operationNameOf(context.reply.request),
        QUERY_LIMITS.cost,
      )
      const operation = getOperationAST(document, operationNameOf(context.reply.request))
      metrics.graphqlOperation(operation?.operation ?? 'unknown')
      if (operation?.operation === 'query') results?.ranQuery(context.reply.request)
    })

    app.get('/schema.graphql', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(sdl),
    )
  }
