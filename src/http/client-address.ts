// Whose request it is: the address Fastify would take for the client, for the paths that run in
// front of it (the hot path, WebSocket upgrades). Behind a trusted proxy, its X-Forwarded-For.
import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

/** Fastify's trustProxy option, as buildApp gives it (a hop count already a function). */
export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean)

/** The same function over the same option as Fastify's request.ip. */
export function clientAddress(trustProxy: TrustProxy): (request: IncomingMessage) => string {
  if (trustProxy === false) return (request) => request.socket.remoteAddress ?? ''
  const trust =
    trustProxy === true
      ? () => true
      : typeof trustProxy === 'string'
        ? proxyAddr.compile(trustProxy.split(',').map((address) => address.trim()))
        : trustProxy
  return (request) => proxyAddr(request, trust)
}
