// progressReported over WebSocket at /graphql, in graphql-transport-ws (graphql-ws's server, the
// protocol's reference implementation). Upgrades are taken on the HTTP server itself, before the
// framework, so that a refusal is a plain HTTP answer and nothing of the request pipeline runs
// for a socket. Every subscription passes the checks of an HTTP query first (admission.ts), is
// counted against its connection's, its address's and the process's caps, and shares the
// payload computed for its selection with every subscriber of the same (fan-out.ts).
import type { FastifyInstance } from 'fastify'
import { execute, type ExecutionResult } from 'graphql'
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { clientAddress, type TrustProxy } from '../../http/client-address.js'
import { Tally } from '../../ops/tally.js'
import { problem, rawProblemAnswer } from '../../http/problem.js'
import type { Metrics } from '../../ops/metrics.js'
import type { ProgressEvent, ProgressEvents } from '../../progress/events.js'
import type { Store } from '../../store/index.js'
import { withoutInternals } from '../errors.js'
import { admit, refusal, type AdmittedSubscription } from './admission.js'
import { FanOut } from './fan-out.js'
import { loaderContext } from './loader-context.js'

export interface SubscriptionLimits {
  /** Subscriptions one connection may hold at once. */
  perConnection: number
  /** Subscriptions one client address may hold over all its connections. */
  perAddress: number
  /** WebSocket connections one client address may hold open. */
  connectionsPerAddress: number
  /** Distinct selections this process computes for each event. */
  distinctSelections: number
  /** Objects one event's payload may hold, as the query cost counts them. */
  cost: number
  /** Payloads computed for a subscriber and not yet taken by its socket; past it, it is dropped. */
  maxQueuedEvents: number
  /** Bytes a socket may hold unsent; past it, its subscribers are dropped. */
  maxBufferedBytes: number
  /** The largest message a client may send. */
  maxMessageBytes: number
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  // A dashboard follows a few things; twenty is ample, and the 5,000 one connection once held
  // stalled every write for two seconds.
  perConnection: 20,
  perAddress: 100,
  connectionsPerAddress: 16,
  distinctSelections: 256,
  // A write with its target, the target's tasks and their agencies is about 100 objects; an
  // HTTP query may cost 50,000, but a subscription's cost is paid again for every write.
  cost: 1_000,
  maxQueuedEvents: 64,
  maxBufferedBytes: 4 * 1024 * 1024,
  // A subscribe message is a query under the token limit (2,000 tokens) with its variables.
  maxMessageBytes: 64 * 1024,
}

/** Pings a connection this often; one that has not answered the last ping is ended. */
const KEEP_ALIVE_MS = 12_000

/** What the graphql-ws server keeps of each connection. */
interface Connection {
  socket: WebSocket
  address: string
}

/** The close code of a subscriber that fell too far behind: the WebSocket "policy violation". */
const TOO_SLOW = 1008

/** A refused upgrade, answered in HTTP (the socket is still one) and closed. */
function refuseUpgrade(socket: Duplex, status: number, type: string, detail: string) {
  const retry: Record<string, string> =
    status === 429 || status === 503 ? { 'Retry-After': '10' } : {}
  socket.end(rawProblemAnswer(problem(status, type, detail), retry))
}

export function serveSubscriptions(
  app: FastifyInstance,
  options: {
    path: string
    store: Store
    events: ProgressEvents
    metrics: Metrics
    limits: SubscriptionLimits
    trustProxy: TrustProxy
  },
): void {
  const { path, store, events, metrics, limits } = options
  const addressOf = clientAddress(options.trustProxy)
  const connections = new Tally()
  const subscriptions = new Tally()

  const compute = async (
    subscription: AdmittedSubscription,
    event: ProgressEvent,
  ): Promise<ExecutionResult> => {
    const result = await execute({
      schema: app.graphql.schema,
      document: subscription.document,
      rootValue: { progressReported: event },
      contextValue: loaderContext(app, { store }),
      variableValues: subscription.variables,
      operationName: subscription.operationName,
    })
    return result.errors ? { ...result, errors: withoutInternals(result.errors, app.log) } : result
  }
  const fanOut = new FanOut(events, {
    compute,
    maxQueuedEvents: limits.maxQueuedEvents,
    onDrop: () => metrics.subscriberDropped(),
    onComputed: () => metrics.subscriptionPayload(),
    onError: (err) => app.log.error({ err }, 'a progress event could not be delivered'),
  })
  metrics.watchSubscriptions(() => ({
    subscriptions: subscriptions.total,
    selections: fanOut.selectionCount,
  }))

  const server = makeServer<Record<string, unknown> | undefined, Connection>({
    onSubscribe: (ctx, _id, payload) => {
      const { socket, address } = ctx.extra
      // graphql-ws has entered this one already.
      if (Object.keys(ctx.subscriptions).length > limits.perConnection) {
        return refusal(
          `a connection may hold ${limits.perConnection} subscriptions; complete one first`,
          'TOO_MANY_SUBSCRIPTIONS',
        )
      }
      if (subscriptions.of(address) >= limits.perAddress) {
        return refusal(
          `this address holds ${limits.perAddress} subscriptions, the most it may`,
          'TOO_MANY_SUBSCRIPTIONS',
        )
      }
      const admitted = admit(app.graphql.schema, payload, limits.cost)
      if (Array.isArray(admitted)) {
        for (const error of admitted) metrics.graphqlError(String(error.extensions.code))
        return admitted
      }
      if (
        !fanOut.hasSelection(admitted.selectionKey) &&
        fanOut.selectionCount >= limits.distinctSelections
      ) {
        return refusal(
          'the server follows as many distinct subscriptions as it may; try again later',
          'TOO_MANY_SUBSCRIPTIONS',
        )
      }
      // Joined here, in the same turn as the checks, so that no other subscribe slips between.
      subscriptions.add(address)
      const stream = fanOut.join(
        admitted,
        {
          isBacklogged: () => socket.bufferedAmount > limits.maxBufferedBytes,
          drop: (reason) => socket.close(TOO_SLOW, reason),
        },
        () => subscriptions.remove(address),
      )
      metrics.graphqlOperation('subscription')
      return {
        schema: app.graphql.schema,
        document: admitted.document,
        operationName: admitted.operationName,
        variableValues: admitted.variables,
        contextValue: { stream },
      }
    },
    // The stream joined in onSubscribe: graphql-ws only iterates it.
    subscribe: (args) => (args.contextValue as { stream: AsyncIterable<ExecutionResult> }).stream,
  })

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    handleProtocols,
  })

  const accept = (socket: WebSocket, request: IncomingMessage, address: string) => {
    connections.add(address)
    let answeredPing = true
    const keepAlive = setInterval(() => {
      if (!answeredPing) return socket.terminate()
      answeredPing = false
      socket.ping()
    }, KEEP_ALIVE_MS)
    socket.on('pong', () => (answeredPing = true))
    socket.on('error', (err) => {
      request.socket.destroy()
      app.log.warn({ err }, 'a WebSocket connection failed')
    })
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve()
            socket.send(data, (err) => (err ? reject(err) : resolve()))
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer) => {
            handle(String(data)).catch((err: unknown) => {
              // A send that failed (the peer went away) or a bug of ours; the client is told
              // nothing of which.
              app.log.warn({ err }, 'a WebSocket message could not be handled')
              socket.close(CloseCode.InternalServerError, 'internal error')
            })
          }),
      },
      { socket, address },
    )
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive)
      connections.remove(address)
      void closed(code, String(reason))
    })
  }

  let closing = false
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((request.url ?? '').split('?')[0] !== path) {
      return refuseUpgrade(socket, 404, 'not-found', `WebSocket is served at ${path} only`)
    }
    if (closing) {
      return refuseUpgrade(socket, 503, 'shutting-down', 'the server is shutting down; reconnect')
    }
    const address = addressOf(request)
    if (connections.of(address) >= limits.connectionsPerAddress) {
      return refuseUpgrade(
        socket,
        429,
        'too-many-requests',
        `this address holds ${limits.connectionsPerAddress} WebSocket connections, the most it may`,
      )
    }
    sockets.handleUpgrade(request, socket, head, (ws) => accept(ws, request, address))
  })

  // Open sockets would hold the server's close until their clients left.
  app.addHook('preClose', async () => {
    closing = true
    fanOut.stop()
    for (const socket of sockets.clients) socket.close(1001, 'the server is shutting down')
    const stragglers = setTimeout(() => {
      for (const socket of sockets.clients) socket.terminate()
    }, 2000)
    stragglers.unref()
  })
}
