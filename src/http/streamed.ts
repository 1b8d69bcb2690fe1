// A whole list sent as it is read, CSV, JSON Lines or XLSX. A stream has no bytes to hash: its
// ETag is the data version, the request and the format, so that it changes whenever the list does.
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
    /** Its bytes may differ from one making to the next (an XLSX file): a weak ETag. */
    weak?: boolean
  },
): FastifyReply {
  const tag = strongEtag(`${download.dataVersion}\n${request.url}\n${download.format}`)
  return reply
    .header('etag', download.weak === true ? `W/${tag}` : tag)
    .headers(download.headers)
    .send(download.body)
}
