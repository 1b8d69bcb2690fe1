// The physical limit of one response on this machine: a bare node:http server that answers every
// request with the same bytes and headers, read from the file given. Started by bench/http.mts (with tsx: the loader costs nothing per request).
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'

const { headers, body } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  headers: Record<string, string>
  body: string
}
const bytes = Buffer.from(body, 'base64')
const server = createServer((request, response) => {
  // Read the request body (a GraphQL POST has one) before answering, as any server must.
  request.resume()
  request.on('end', () => {
    response.writeHead(200, { ...headers, 'content-length': bytes.length })
    response.end(bytes)
  })
})
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`),
)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
