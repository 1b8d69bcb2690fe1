// A graphql-transport-ws client for tests: connects, subscribes, and hands out the server's
// messages in order, and how the connection ended.
import WebSocket from 'ws'

export interface Message {
  type: string
  id?: string
  payload?: unknown
}

/** A connection to /graphql; `init` says connection_init and waits for the ack. */
export function connect(url: string, protocol = 'graphql-transport-ws') {
  const socket = new WebSocket(url, protocol)
  const messages: Message[] = []
  /** Every message received, taken or not. */
  const received: Message[] = []
  const waiting: (() => void)[] = []
  const wakeAll = () => waiting.splice(0).forEach((wake) => wake())
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message
    messages.push(message)
    received.push(message)
    wakeAll()
  })
  // An error event (a refused upgrade) must not go unhandled; `closed` reports the outcome.
  socket.on('error', () => {})
  /** How the connection ended: a close code, or the HTTP status of a refused upgrade. */
  const closed = new Promise<{ code: number; reason: string; status?: number }>((settle) => {
    socket.once('close', (code, reason) => settle({ code, reason: String(reason) }))
    socket.once('unexpected-response', (_request, response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk))
      response.on('end', () => settle({ code: 0, reason: body, status: response.statusCode }))
    })
  })
  void closed.then(wakeAll)
  /** Takes the first message that passes the test, waiting for it; null once closed without. */
  const take = async (test: (m: Message) => boolean): Promise<Message | null> => {
    for (;;) {
      const index = messages.findIndex(test)
      if (index >= 0) return messages.splice(index, 1)[0]!
      if (socket.readyState === WebSocket.CLOSED) return null
      await new Promise<void>((wake) => waiting.push(wake))
    }
  }
  const next = async (type: string) => {
    const message = await take((m) => m.type === type)
    if (message === null) throw new Error(`the connection closed before a ${type} message`)
    return message
  }
  /** Resolves once a message of the type has come, leaving it to be taken. */
  const peek = async (type: string) => {
    while (!messages.some((m) => m.type === type)) {
      if (socket.readyState === WebSocket.CLOSED) throw new Error('closed')
      await new Promise<void>((wake) => waiting.push(wake))
    }
  }
  const send = (message: object) => socket.send(JSON.stringify(message))
  const init = async () => {
    await new Promise((open) => socket.once('open', open))
    send({ type: 'connection_init' })
    await next('connection_ack')
  }
  const subscribe = (id: string, query: unknown, variables?: unknown) =>
    send({ id, type: 'subscribe', payload: { query, variables } })
  let pings = 0
  /**
   * Resolves once the server has read every message sent before, or null when it closed first:
   * it takes each subscribe in the turn it reads it, so a ping sent after is answered after.
   */
  const settled = async () => {
    const barrier = `barrier-${++pings}`
    send({ type: 'ping', payload: { barrier } })
    return take(
      (m) => m.type === 'pong' && (m.payload as { barrier?: string })?.barrier === barrier,
    )
  }
  return { socket, init, subscribe, send, take, next, peek, closed, received, settled }
}

/** A connection holding one subscription (id 1); `ready` once it is sent. */
export function subscribe(url: string, query: string) {
  const connection = connect(url)
  const ready = connection.init().then(() => connection.subscribe('1', query))
  return { ...connection, ready }
}
