// Requests Node's HTTP parser refuses before any route sees them: raw bytes in the path (curl
// sends a Chinese query unencoded), headers over the size limit, a request too slow to arrive,
// an HTTP/1.1 request without Host. Each is answered, where the socket still takes a write, as
// every other error is: problem+json saying what to change, then the connection is closed.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { problem, rawProblemAnswer, writeProblem } from './problem.js'

interface ParserError extends Error {
  code?: string
}

function problemOf(error: ParserError): { status: number; type: string; detail: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        type: 'request-timeout',
        detail: 'the request took too long to arrive; send it again',
      }
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        type: 'headers-too-large',
        detail: 'the request headers are larger than 16 KB',
      }
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        type: 'malformed-request',
        detail:
          'the request line holds characters a URL cannot: percent-encode them, e.g. ' +
          "curl -G --data-urlencode 'agency=市商务局' http://host/v1/tasks",
      }
    default:
      return {
        status: 400,
        type: 'malformed-request',
        detail: `the request is not valid HTTP/1.1 (${error.code ?? 'unreadable'})`,
      }
  }
}

/** Fastify's clientErrorHandler: a problem+json answer instead of Fastify's own JSON. */
export function answerClientError(error: ParserError, socket: Socket): void {
  // A connection the client reset has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  if (socket.writable) {
    const { status, type, detail } = problemOf(error)
    socket.write(rawProblemAnswer(problem(status, type, detail)))
  }
  socket.destroy()
}

/**
 * An HTTP/1.1 request without Host (RFC 9112 requires one): answered here, since Node's own
 * check answers an empty 400. True when it was answered.
 */
export function refuseWithoutHost(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.httpVersion !== '1.1' || request.headers.host !== undefined) return false
  writeProblem(
    response,
    problem(400, 'malformed-request', 'an HTTP/1.1 request needs a Host header'),
    { connection: 'close' },
  )
  return true
}
