// A whole list sent as it is read, CSV or JSON Lines. A stream has no bytes to hash: its ETag is
// the data version, the request and the format, so that it changes whenever the list does.
import type { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { strongEtag } from './etag.js'

export function sendStreamed(
  request: FastifyRequest,
  reply: FastifyReply,
  download: {
    format: string
    headers: Record<string, string>
    body: Readable
    dataVersion: string
  },
): FastifyReply {
  return reply
    .header('etag', strongEtag(`${download.dataVersion}\n${request.url}\n${download.format}`))
    .headers(download.headers)
    .send(download.body)
}
