// Errors as application/problem+json (RFC 9457). Every error a client can cause is a 4xx with a
// detail that says what to change; nothing else leaks, least of all a stack trace.
import { REQUEST_ID_HEADER } from '../ops/logging.js'
import { redactUrl } from '../ops/redact.js'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES, type ServerResponse } from 'node:http'
import { InvalidCursorError, InvalidSearchError } from '../store/index.js'

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8'

export interface InvalidParam {
  name: string
  reason: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  invalidParams?: InvalidParam[]
}

/** Problem types are relative URIs; each names one way a request can fail. */
export function problem(
  status: number,
  type: string,
  detail: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `/problems/${type}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  }
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  // The request's URL may carry a token a client put in the query: it is not echoed back.
  const answer = p.instance === undefined ? p : { ...p, instance: redactUrl(p.instance) }
  return reply.code(p.status).type(PROBLEM_JSON).send(answer)
}

/**
 * A problem as a whole HTTP/1.1 answer that closes the connection, for a socket no framework
 * holds: a parser error, a connection over its address's bound, a refused WebSocket upgrade.
 */
export function rawProblemAnswer(p: Problem, headers: Record<string, string> = {}): string {
  const body = JSON.stringify(p)
  const lines = Object.entries({
    'Content-Type': PROBLEM_JSON,
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
    Connection: 'close',
  }).map(([name, value]) => `${name}: ${value}\r\n`)
  return `HTTP/1.1 ${p.status} ${p.title}\r\n${lines.join('')}\r\n${body}`
}

/** A problem on a node:http response, for servers and paths in front of the framework. */
export function writeProblem(
  response: ServerResponse,
  p: Problem,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(p)
  response.writeHead(p.status, {
    'content-type': PROBLEM_JSON,
    'content-length': Buffer.byteLength(body),
    ...headers,
  })
  response.end(body)
}

export function notFound(
  request: FastifyRequest,
  reply: FastifyReply,
  what: string,
  id: string,
): FastifyReply {
  return sendProblem(
    reply,
    problem(404, 'not-found', `no ${what} with id ${id}`, { instance: request.url }),
  )
}

/** An Accept header that allows neither format a list is served in. */
export function notAcceptable(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(
      406,
      'not-acceptable',
      `${request.url.split('?')[0]} is served as application/json or text/csv`,
      {
        instance: request.url,
      },
    ),
  )
}

/** The problem type of each client error the framework or a plugin raises. */
const PROBLEM_TYPES: Record<number, string> = {
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
}

function problemType(status: number): string {
  return PROBLEM_TYPES[status] ?? 'bad-request'
}

/** Errors Fastify raises before routing, such as a URL that is not valid percent-encoding. */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400
  // Raised before the hooks that set it run.
  reply.header(REQUEST_ID_HEADER, request.id)
  void sendProblem(
    reply,
    problem(status, problemType(status), error.message, { instance: request.url }),
  )
}

/** Ajv's errors for a query string or path, as the parameters a client sent. */
function invalidParams(error: FastifyError): InvalidParam[] {
  return (error.validation ?? []).map((v) => {
    const extra = (v.params as { additionalProperty?: string }).additionalProperty
    if (extra !== undefined) return { name: extra, reason: 'is not a parameter of this route' }
    const missing = (v.params as { missingProperty?: string }).missingProperty
    if (missing !== undefined) return { name: missing, reason: 'is required' }
    const name = v.instancePath.replace(/^\//, '').split('/')[0] || 'request'
    const allowed = (v.params as { allowedValues?: unknown[] }).allowedValues
    const reason = allowed ? `must be one of ${allowed.join(', ')}` : (v.message ?? 'is invalid')
    return { name, reason }
  })
}

/** A path no route serves; fastify-hooks.ts sets it, rate limited like any route. */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(404, 'not-found', `no resource at ${redactUrl(request.url)}`, {
      instance: request.url,
    }),
  )
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url
    if (error.validation) {
      const params = invalidParams(error)
      const detail = params.map((p) => `${p.name} ${p.reason}`).join('; ')
      // A well-formed body with values the write cannot take is 422; a bad URL parameter 400.
      if (error.validationContext === 'body') {
        return sendProblem(
          reply,
          problem(422, 'invalid-value', detail, { instance, invalidParams: params }),
        )
      }
      return sendProblem(
        reply,
        problem(400, 'invalid-parameter', detail, { instance, invalidParams: params }),
      )
    }
    if (error instanceof InvalidCursorError) {
      return sendProblem(
        reply,
        problem(400, 'invalid-parameter', `cursor ${error.message}`, {
          instance,
          invalidParams: [{ name: 'cursor', reason: error.message }],
        }),
      )
    }
    if (error instanceof InvalidSearchError) {
      // Both routes that search take the text as q.
      return sendProblem(
        reply,
        problem(400, 'invalid-parameter', `q ${error.message}`, {
          instance,
          invalidParams: [{ name: 'q', reason: error.message }],
        }),
      )
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return sendProblem(reply, problem(status, problemType(status), error.message, { instance }))
    }
    request.log.error({ err: error }, 'request failed')
    return sendProblem(
      reply,
      problem(500, 'internal-error', 'the server failed to answer; the failure is logged', {
        instance,
      }),
    )
  })
}
