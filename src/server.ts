// npm start: read the configuration, open the database (building it from db/sources when it
// lacks a bundled text), listen, and drain on SIGTERM or SIGINT. With CLUSTER_WORKERS above 1
// the primary prepares the database and forks that many workers, each of which serves.
import cluster from 'node:cluster'
import { existsSync } from 'node:fs'
import { pino, type Logger } from 'pino'
import { buildApp } from './app.js'
import { readConfig, type Config } from './config.js'
import { misspeltVariables } from './config-names.js'
import { runPrimary, shareMetricsWithPrimary, shareProgressWithWorkers } from './ops/cluster.js'
import { loggerOptions } from './ops/logging.js'
import { Metrics, ownMetrics } from './ops/metrics.js'
import { MetricsExposition } from './ops/metrics-exposition.js'
import { listenForMetrics, type MetricsListener } from './ops/metrics-listener.js'
import { closeOnSignals } from './ops/shutdown.js'
import { sourcesDir } from './paths.js'
import { ProgressEvents } from './progress/events.js'
import { cacheOfSize } from './http/answer-cache.js'
import { loadMissingSources } from './sources.js'
import { openDatabase, type Database } from './store/database.js'
import { Store } from './store/index.js'

/**
 * The database as this process may use it. A replica opens it read-only and as it is: the
 * primary it follows migrates it and loads the texts.
 */
function openStore(config: Config, log: Logger, prepare: boolean): Database {
  if (config.readOnly) {
    if (!existsSync(config.dbPath)) {
      throw new Error(
        `DB_PATH ${config.dbPath} does not exist: a read-only replica serves the database its primary writes`,
      )
    }
    return openDatabase(config.dbPath, { readonly: true, migrate: false })
  }
  const db = openDatabase(config.dbPath, { migrate: prepare })
  if (prepare) {
    for (const loaded of loadMissingSources(db, sourcesDir)) {
      log.info({ documentId: loaded.documentId }, 'loaded a bundled plan text')
    }
  }
  return db
}

async function serve(config: Config, log: Logger): Promise<void> {
  // A worker's primary has prepared the database already.
  const db = openStore(config, log, !cluster.isWorker)
  const store = new Store(db)
  const metrics = new Metrics(store)
  // In a cluster any worker answers for the whole machine, with the figures the primary gathers.
  const exposition = new MetricsExposition(
    metrics,
    cluster.isWorker ? shareMetricsWithPrimary(metrics) : ownMetrics,
  )
  const events = new ProgressEvents()
  const inCluster = cluster.isWorker
  if (inCluster) shareProgressWithWorkers(events)
  const app = await buildApp({
    store,
    loggerInstance: log,
    logRequests: config.logRequests,
    hotPath: config.hotPath,
    rateLimit: config.rateLimit,
    writeRateLimit: config.writeRateLimit,
    metadata: config.metadata,
    trustProxy: config.trustProxy,
    pressure: config.pressure,
    metrics,
    events,
    responseCache: cacheOfSize(config.responseCacheBytes),
    connections: config.connections,
    metricsToken: config.metricsToken,
    metricsExposition: exposition,
  })
  // Fastify stops accepting and waits for the requests in flight before its onClose hooks.
  let operatorPort: MetricsListener | null = null
  const shutdown = closeOnSignals(
    async () => {
      await operatorPort?.close()
      await app.close()
      db.close()
    },
    { timeoutMs: config.shutdownTimeoutMs, log, forceOnSecondSignal: !inCluster },
  )
  // A worker whose primary is gone drains and ends too.
  if (inCluster) process.on('disconnect', () => shutdown('disconnect'))
  await app.listen({ port: config.port, host: config.host })
  // After the public port: a cluster's primary counts a worker ready at its first listen.
  if (config.metricsPort !== null) {
    operatorPort = await listenForMetrics(exposition, {
      port: config.metricsPort,
      host: config.host,
      log,
    })
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.env)
  const pretty = process.stdout.isTTY === true
  // Lines are written asynchronously (and flushed at exit): a request does not wait on stdout.
  const log = pino(
    loggerOptions({ level: config.logLevel, pretty }),
    pretty ? undefined : pino.destination({ dest: 1, sync: false }),
  )
  // Said once, by the process that reads the environment first (workers inherit it).
  if (cluster.isPrimary) {
    for (const { name, meant } of misspeltVariables(process.env)) {
      log.warn(`${name} is not a variable this service reads; did you mean ${meant}?`)
    }
  }
  if (config.workers > 1 && cluster.isPrimary) {
    // Built once here, so that workers never race to migrate or load the same file.
    openStore(config, log, true).close()
    runPrimary({ workers: config.workers, shutdownTimeoutMs: config.shutdownTimeoutMs, log })
    return
  }
  await serve(config, log)
}

main().catch((err: unknown) => {
  // One line, no stack: the message names what to fix (a variable, a file, the schema version).
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`plan-open-data: ${message.split('\n')[0]}\n`)
  process.exit(1)
})
