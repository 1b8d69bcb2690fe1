// npm start: read the configuration, open the database (building it from db/sources when it
// lacks a bundled text), listen, and close cleanly on SIGTERM or SIGINT.
import { buildApp } from './app.js'
import { readConfig } from './config.js'
import { sourcesDir } from './paths.js'
import { loadMissingSources } from './sources.js'
import { openDatabase } from './store/database.js'
import { Store } from './store/index.js'

async function main(): Promise<void> {
  const config = readConfig(process.env)
  const db = openDatabase(config.dbPath)
  const app = await buildApp({
    store: new Store(db),
    logger: { level: config.logLevel },
    rateLimit: config.rateLimit,
    writeRateLimit: config.writeRateLimit,
    metadata: config.metadata,
    trustProxy: config.trustProxy,
  })
  for (const loaded of loadMissingSources(db, sourcesDir)) {
    app.log.info({ documentId: loaded.documentId }, 'loaded a bundled plan text')
  }

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    // Fastify stops accepting and waits for requests in flight before onClose.
    app
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed')
          process.exit(1)
        },
      )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
}

main().catch((err: unknown) => {
  // One line, no stack: the message names what to fix (a variable, a file, the schema version).
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`plan-open-data: ${message.split('\n')[0]}\n`)
  process.exit(1)
})
