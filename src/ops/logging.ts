// What the service logs and how: pino JSON lines for the log collector, readable lines only for
// a person at a terminal, a request id on every line of a request, and never a secret.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { LoggerOptions } from 'pino'
import { redactUrl } from './redact.js'

/** The header a request id arrives in from a proxy and is answered in. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** An upstream id is kept only when it is short and plain, so that it cannot forge log lines. */
const UPSTREAM_ID = /^[\w.:@-]{1,128}$/

/**
 * Headers that carry secrets. Fastify's own request serializer logs no headers, but a log line
 * that adds the request (an error handler, a debugging level) must not leak a token either.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'request.headers.cookie',
  'headers.authorization',
  'headers.cookie',
]

/**
 * How a request gets its id: a new UUID, or, behind a trusted proxy (TRUST_PROXY), the proxy's
 * X-Request-Id when it is plain. Without a proxy the header would be the client's to choose, and
 * a client could give its requests another's id.
 */
export function requestIdGenerator(trustUpstream: boolean): (request: IncomingMessage) => string {
  if (!trustUpstream) return () => randomUUID()
  return (request) => {
    const upstream = request.headers[REQUEST_ID_HEADER]
    return typeof upstream === 'string' && UPSTREAM_ID.test(upstream) ? upstream : randomUUID()
  }
}

/** What a request log line names of a request (Fastify's request, or Node's). */
interface RequestFields {
  method?: string
  url?: string
  host?: string
  ip?: string
  socket?: { remotePort?: number }
}

export interface LoggingOptions {
  level: string
  /** Pretty lines instead of JSON: for a terminal only (process.stdout.isTTY). */
  pretty: boolean
}

export function loggerOptions({ level, pretty }: LoggingOptions): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Fastify's request fields, with a token sent in the query string redacted (redact.ts).
    serializers: {
      req: (request: RequestFields) => ({
        method: request.method,
        url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  }
}
