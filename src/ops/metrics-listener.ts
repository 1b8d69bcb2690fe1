// The operator port (METRICS_PORT): /metrics alone, on a server of its own, so that monitoring
// reaches it on a network the public does not, and the public port need not serve it at all.
// Plain node:http: one route needs no framework, and nothing of the public API's (CORS, caches,
// the read limit) applies here.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyBaseLogger } from 'fastify'
import { DEFAULT_CONNECTION_LIMITS, serverTimeouts } from './connections.js'
import type { MetricsExposition } from './metrics-exposition.js'
import { METRICS_PATH } from './operator-routes.js'
import { problem, writeProblem } from '../http/problem.js'

export interface MetricsListener {
  url: string
  close(): Promise<void>
}

export async function listenForMetrics(
  exposition: MetricsExposition,
  { port, host, log }: { port: number; host: string; log: FastifyBaseLogger },
): Promise<MetricsListener> {
  const server = createServer(serverTimeouts(DEFAULT_CONNECTION_LIMITS), (request, response) => {
    const path = (request.url ?? '').split('?')[0]
    if (path !== METRICS_PATH) {
      return writeProblem(
        response,
        problem(404, 'not-found', `this port serves ${METRICS_PATH} only`),
      )
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return writeProblem(
        response,
        problem(405, 'method-not-allowed', `${METRICS_PATH} is read with GET`),
        { allow: 'GET, HEAD' },
      )
    }
    const scrape = exposition.scrape(request.socket.remoteAddress ?? '')
    if (!scrape.allowed) {
      return writeProblem(response, problem(429, 'too-many-requests', scrape.detail), {
        'retry-after': String(scrape.retryAfterSeconds),
      })
    }
    scrape.text().then(
      (text) => {
        response.writeHead(200, {
          'content-type': exposition.contentType,
          'content-length': Buffer.byteLength(text),
          'cache-control': 'no-store',
        })
        response.end(request.method === 'HEAD' ? undefined : text)
      },
      (err: unknown) => {
        log.error({ err }, 'metrics could not be gathered')
        writeProblem(
          response,
          problem(503, 'metrics-unavailable', 'the metrics could not be gathered now'),
        )
      },
    )
  })
  server.listen(port, host)
  try {
    await once(server, 'listening')
  } catch (err) {
    throw new Error(`METRICS_PORT ${port} cannot be listened on: ${(err as Error).message}`)
  }
  const address = server.address() as AddressInfo
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
  log.info(`metrics listening at ${url}${METRICS_PATH}`)
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Keep-alive scrapers would otherwise hold the close until they time out.
        server.closeIdleConnections()
      }),
  }
}
