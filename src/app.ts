// buildApp: the HTTP application over an open store. The server and the tests both use it.
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Store } from './store/index.js'
import { agencyRoutes } from './rest/agencies.js'
import { documentRoutes } from './rest/documents.js'
import { answerClientError } from './http/client-errors.js'
import { documentFileRoutes } from './rest/document-files.js'
import { versionRoutes } from './rest/versions.js'
import { uploadRoutes } from './rest/upload.js'
import { healthRoutes } from './rest/health.js'
import { collectReadPaths, refuseOtherMethods, registerHttp } from './http/fastify-hooks.js'
import { RateLimit, type RateLimitOptions } from './http/rate-limit.js'
import { DEFAULT_LICENSE_TITLE, DEFAULT_LICENSE_URL, type MetadataOptions } from './config.js'
import { pageRoutes } from './pages/routes.js'
import { itemPage } from './pages/record-pages.js'
import { todayInChina } from './progress/standing.js'
import type { ResourceName } from './resources.js'
import { baseUrlOf, metadataRoutes, publisherOf } from './rest/metadata.js'
import { changeRoutes } from './rest/changes.js'
import { searchRoutes } from './rest/search.js'
import { registerOpenApi } from './rest/openapi.js'
import { ExportShelf } from './http/exports.js'
import { frameworkErrors, registerProblemHandlers } from './http/problem.js'
import { SHARED_SCHEMAS } from './rest/schemas.js'
import { sectionRoutes } from './rest/sections.js'
import { findingRoutes } from './rest/findings.js'
import { progressRoutes } from './rest/progress.js'
import { writeAllowance, type WriteLimits } from './progress/allowance.js'
import { targetRoutes } from './rest/targets.js'
import { taskRoutes } from './rest/tasks.js'
import { graphiqlRoutes } from './graphql/graphiql.js'
import { HotPath, replayBody, serveFirst } from './http/hot-path.js'
import { resultKeyOfBody } from './graphql/result-cache.js'
import { ProgressEvents } from './progress/events.js'
import { rateLimitKey } from './progress/writes.js'
import { GRAPHQL_PATH, graphqlRoutes } from './graphql/plugin.js'
import { REQUEST_ID_HEADER, requestIdGenerator } from './ops/logging.js'
import {
  DEFAULT_CONNECTION_LIMITS,
  limitConnections,
  type ConnectionLimits,
} from './ops/connections.js'
import { Metrics, ownMetrics, registerMetrics } from './ops/metrics.js'
import { MetricsExposition } from './ops/metrics-exposition.js'
import {
  DEFAULT_SUBSCRIPTION_LIMITS,
  type SubscriptionLimits,
} from './graphql/subscriptions/server.js'
import { registerPressure, type PressureOptions } from './ops/pressure.js'
import { AnswerCache, cacheOfSize, type ResponseCacheOptions } from './http/answer-cache.js'
import { registerReads } from './http/fastify-reads.js'

export interface AppOptions {
  store: Store
  /** Where whole-table exports are kept per data version (a folder in the OS's temp folder by
   * default); false streams every export as it is read. */
  exports?: ExportShelf | false
  logger?: FastifyServerOptions['logger']
  /** A pino logger made beforehand (the server logs its start with it); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger
  /** Requests per client and window; generous by default, set by RATE_LIMIT_* in production. */
  rateLimit?: RateLimitOptions
  /** Progress writes per token and window; generous by default, WRITE_RATE_LIMIT_MAX sets it. */
  writeRateLimit?: WriteLimits
  /** Publisher and license of the portal metadata; by default the documents' issuers. */
  metadata?: MetadataOptions
  /**
   * Behind a reverse proxy: trust X-Forwarded-For and -Proto from it, so that rate limits count
   * clients, not the proxy, and metadata links use the scheme the client used.
   */
  trustProxy?: boolean | number | string
  /** Shed requests with 503 while the process is overloaded; off unless given. */
  pressure?: PressureOptions
  /** The app's metrics, when made beforehand (a cluster worker shares them with the primary). */
  metrics?: Metrics
  /**
   * Serve /metrics on this app too, to requests with `Authorization: Bearer <token>`
   * (METRICS_TOKEN); without it, /metrics is on the operator port alone (metrics-listener.ts).
   */
  metricsToken?: string | null
  /** Bounds on GraphQL subscriptions (graphql/subscriptions/server.ts). */
  subscriptionLimits?: SubscriptionLimits
  /** What /metrics answers: by default this process's figures; a cluster's in a worker. */
  metricsExposition?: MetricsExposition
  /** Where writes are announced, when made beforehand (a cluster worker relays them). */
  events?: ProgressEvents
  /** A log line per request received and per answer; off unless asked for (it costs). */
  logRequests?: boolean
  /**
   * Kept answers written before the framework (the default), or answered by its first hooks: the
   * same answers, for measuring what the hot path buys (decision 0037).
   */
  hotPath?: boolean
  /** Bounds of the cache of read answers; false turns it off. */
  responseCache?: ResponseCacheOptions | false
  /** The day the pages judge targets on, YYYY-MM-DD; China's date today by default. */
  today?: () => string
  /** Time limits of a request and connections per client (ops/connections.ts). */
  connections?: ConnectionLimits
}

const DEFAULT_METADATA: MetadataOptions = {
  publisher: null,
  licenseTitle: DEFAULT_LICENSE_TITLE,
  licenseUrl: DEFAULT_LICENSE_URL,
  contactEmail: null,
  contactUrl: null,
  publicUrl: null,
}

const DEFAULT_RESPONSE_CACHE = cacheOfSize(32 * 1024 * 1024)

const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 1000, windowMs: 60_000 }
const DEFAULT_WRITE_RATE_LIMIT: WriteLimits = { max: 60, windowMs: 60_000 }

/** Bodies are GraphQL queries and progress reports: anything larger is refused with 413. */
const BODY_LIMIT = 64 * 1024

/** A hop count becomes the function Fastify takes for it. */
function trustProxyOption(value: boolean | number | string) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestId = requestIdGenerator(
    options.trustProxy !== undefined && options.trustProxy !== false,
  )
  const trustProxy = trustProxyOption(options.trustProxy ?? false)
  let hotPath: HotPath | null = null
  const connections = options.connections ?? DEFAULT_CONNECTION_LIMITS
  const app = Fastify({
    // Fastify's own view of the limit (its default is none), set on the server below too.
    requestTimeout: connections.requestTimeoutMs,
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? false }),
    // Behind a trusted proxy its X-Request-Id is kept (when plain), so that its logs and ours
    // share the id; a client's own is never taken.
    requestIdHeader: false,
    genReqId: requestId,
    // During shutdown a request arriving on an open connection is served (with Connection:
    // close) rather than refused with Fastify's own 503, which is not problem+json.
    return503OnClosing: false,
    logController: new LogController({ disableRequestLogging: !(options.logRequests ?? false) }),
    frameworkErrors,
    clientErrorHandler: answerClientError,
    bodyLimit: BODY_LIMIT,
    trustProxy,
    ajv: {
      customOptions: {
        // A misspelt filter must be an error, not silently dropped to return the whole list.
        removeAdditional: false,
        coerceTypes: true,
        useDefaults: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>()
  // The server is Fastify's, made from its options; the limits and the hot path are added to it.
  limitConnections(app.server, connections)
  serveFirst(app.server, () => hotPath)

  // Writes announce themselves here; the GraphQL subscription passes them on.
  const events = options.events ?? new ProgressEvents()
  const metrics = options.metrics ?? new Metrics(options.store)
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id)
  })
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema)
  registerProblemHandlers(app)
  registerMetrics(
    app,
    metrics,
    options.metricsToken
      ? {
          token: options.metricsToken,
          exposition: options.metricsExposition ?? new MetricsExposition(metrics, ownMetrics),
        }
      : null,
  )
  // One count per client, whichever path answers: the framework's hooks or the hot path.
  const limit = new RateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT)
  await registerHttp(app, limit, (request) =>
    rateLimitKey(options.store, request.headers.authorization, request.ip),
  )
  const responseCache = options.responseCache ?? DEFAULT_RESPONSE_CACHE
  // One bounded cache for REST answers and GraphQL results alike.
  const answers = responseCache ? new AnswerCache(responseCache) : null
  registerReads(app, options.store, answers)
  // After CORS: a browser must be able to read a shed answer and its Retry-After.
  const underPressure = options.pressure
    ? await registerPressure(app, options.pressure)
    : () => false
  // Kept answers go out before the framework unless every request is to be logged by it.
  if (answers && !options.logRequests && (options.hotPath ?? true)) {
    const hot = new HotPath({
      store: options.store,
      cache: answers,
      limit,
      metrics,
      requestId,
      trustProxy,
      underPressure,
      post: {
        path: GRAPHQL_PATH,
        keyOf: (body) => resultKeyOfBody(options.store, body),
        maxBytes: BODY_LIMIT,
      },
    })
    // A GraphQL POST the hot path read and handed on is parsed from its copy of the body.
    app.addHook('preParsing', replayBody)
    app.addHook('preClose', async () => hot.close())
    hotPath = hot
  }
  // One allowance per token for every write, whichever route or protocol carries it.
  const writes = writeAllowance(options.store, options.writeRateLimit ?? DEFAULT_WRITE_RATE_LIMIT)
  const readPaths = collectReadPaths(app)
  // Whole-table exports, kept per data version whether or not answers are.
  const exports =
    options.exports === false
      ? undefined
      : (options.exports ?? new ExportShelf({ inMemoryUpTo: answers?.options.maxAnswerBytes ?? 0 }))
  app.addHook('onClose', async () => exports?.close())
  await registerOpenApi(app)
  const today = options.today ?? (() => todayInChina())
  const page = (resource: ResourceName, record: { id: string }) =>
    itemPage(options.store, resource, record, today())
  await app.register(healthRoutes(options.store))
  await app.register(documentRoutes(options.store), { exports, page })
  await app.register(documentFileRoutes(options.store))
  await app.register(versionRoutes(options.store))
  await app.register(uploadRoutes(options.store, writes))
  await app.register(sectionRoutes(options.store), { exports, page })
  await app.register(taskRoutes(options.store), { exports, page })
  await app.register(agencyRoutes(options.store), { exports, page })
  await app.register(targetRoutes(options.store), { exports, page })
  await app.register(findingRoutes(options.store), { exports, page })
  await app.register(progressRoutes(options.store, writes, events))
  await app.register(searchRoutes(options.store))
  const metadata = options.metadata ?? DEFAULT_METADATA
  await app.register(metadataRoutes(options.store, metadata))
  await app.register(
    changeRoutes(options.store, {
      baseUrl: baseUrlOf(metadata),
      author: () => publisherOf(metadata, options.store.catalogFacts()),
    }),
  )
  await app.register(pageRoutes({ store: options.store, today }))
  await app.register(
    graphqlRoutes({
      store: options.store,
      writes,
      events,
      metrics,
      answers,
      subscriptionLimits: options.subscriptionLimits ?? DEFAULT_SUBSCRIPTION_LIMITS,
      trustProxy,
    }),
  )
  await app.register(graphiqlRoutes({ endpoint: GRAPHQL_PATH }))
  refuseOtherMethods(app, readPaths)
  return app
}
