// Bounds on what one client can hold open: time to send its headers and its whole request (a
// body trickled a byte at a time is cut off), and how many connections one address may have.
// Node applies the time limits to every request on the server, the framework's and those the
// hot path answers alike, because they are set on the server itself.
import type { Server, ServerOptions } from 'node:http'
import { problem, rawProblemAnswer } from '../http/problem.js'
import { Tally } from './tally.js'

export interface ConnectionLimits {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number
  /** Time to receive a whole request, headers and body. */
  requestTimeoutMs: number
  /** Connections open at once from one address; 0 for no bound (behind a proxy). */
  maxPerClient: number
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  maxPerClient: 256,
}

/** Options of node:http's server: the timeouts, checked often enough to act on time. */
export function serverTimeouts(limits: ConnectionLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node looks for expired requests on this interval (30 s by default): a limit of 10 s
    // would otherwise hold up to 40 s.
    connectionsCheckingInterval: Math.max(
      100,
      Math.min(30_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)),
    ),
  }
}

/**
 * Sets the time limits on a server made elsewhere (Fastify makes the app's from its own options:
 * http, https or http2), before it listens, and bounds the connections of each address. Host
 * is not required by Node: a request without it is refused with problem+json (client-errors.ts).
 */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  Object.assign(server, serverTimeouts(limits), { requireHostHeader: false })
  boundConnectionsPerClient(server, limits.maxPerClient)
}

/** Said on the new connection before it is closed, so that the client knows why. */
const OVER_LIMIT = rawProblemAnswer(
  problem(
    503,
    'too-many-connections',
    'this address holds the most connections it may: reuse them (keep-alive) or wait',
  ),
  { 'Retry-After': '1' },
)

/**
 * A new connection from an address that already holds the most it may is answered 503 and
 * closed. The bound is generous (a harvester fetching in parallel opens many): it is there so
 * that one address cannot take every socket the process has.
 */
function boundConnectionsPerClient(server: Server, maxPerClient: number): void {
  if (maxPerClient <= 0) return
  const open = new Tally()
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? ''
    if (open.of(address) >= maxPerClient) {
      socket.on('error', () => {})
      socket.end(OVER_LIMIT)
      return
    }
    open.add(address)
    socket.once('close', () => open.remove(address))
  })
}
