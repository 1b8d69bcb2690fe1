// A graphql-transport-ws client for tests: subscribes, then hands out the server's messages.
import WebSocket from 'ws'

/** A graphql-transport-ws client: each message the server sends, in order. */
export function subscribe(url: string, query: string) {
  const socket = new WebSocket(url, 'graphql-transport-ws')
  const messages: { type: string; payload?: unknown }[] = []
  const waiting: (() => void)[] = []
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)))
    waiting.splice(0).forEach((wake) => wake())
  })
  const next = async (type: string) => {
    for (;;) {
      const index = messages.findIndex((m) => m.type === type)
      if (index >= 0) return messages.splice(index, 1)[0]!
      await new Promise<void>((wake) => waiting.push(wake))
    }
  }
  /** Resolves once a message of the type has come, leaving it to be taken. */
  const peek = async (type: string) => {
    while (!messages.some((m) => m.type === type)) {
      await new Promise<void>((wake) => waiting.push(wake))
    }
  }
  const ready = (async () => {
    await new Promise((open) => socket.once('open', open))
    socket.send(JSON.stringify({ type: 'connection_init' }))
    await next('connection_ack')
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }))
  })()
  return { socket, next, peek, ready }
}
