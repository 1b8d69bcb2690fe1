// /v1/changes and /changes.atom: the change feed, for harvesters that keep a copy of the data.
// A harvester notes the latest seq (meta.latest) before it downloads everything once, and from
// then on asks for the changes since it, reading again each record named there (a 404: gone);
// a change it has already seen in the download is read again harmlessly.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { escapeHtml as escapeXml } from '../html.js'
import type { ChangeRecord, RecordType } from '../store/changes.js'
import type { Store } from '../store/index.js'
import { listEnvelope } from './envelope.js'
import { Change, listOf, Paging, problemResponse, TOO_MANY_REQUESTS } from './schemas.js'

/** Where each type of record is read; an observation is read through its target. */
const PATH_OF: Record<RecordType, string | null> = {
  document: '/v1/documents',
  section: '/v1/sections',
  task: '/v1/tasks',
  agency: '/v1/agencies',
  target: '/v1/targets',
  finding: '/v1/findings',
  observation: null,
}

const withLink = (change: ChangeRecord) => {
  const path = PATH_OF[change.record.type]
  return { ...change, record: { ...change.record, link: path && `${path}/${change.record.id}` } }
}

const Query = Type.Object(
  {
    since: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'The seq of the last change already read: the changes after it, in order.',
      }),
    ),
    document: Type.Optional(Type.String({ description: 'Only the changes of this document id.' })),
    limit: Type.Optional(Paging.limit),
    cursor: Type.Optional(Paging.cursor),
  },
  { additionalProperties: false },
)

/** How many changes the Atom feed holds, newest first. */
export const ATOM_ENTRIES = 100

export interface ChangeFeedOptions {
  /** The absolute address of the service, for the feed's ids and links. */
  baseUrl: (request: FastifyRequest, reply: FastifyReply) => string
  /** Who the feed is by: the publisher of the catalog. */
  author: () => string
}

function atomFeed(
  base: string,
  author: string,
  changes: ChangeRecord[],
  next: string | null,
): string {
  const updated =
    changes
      .map((c) => c.at)
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  const entries = changes.map((change) => {
    const { record } = withLink(change)
    const title = `${change.kind} ${record.id}`
    return `  <entry>
    <id>${escapeXml(`${base}/v1/changes?since=${change.seq - 1}&limit=1`)}</id>
    <title>${escapeXml(title)}</title>
    <updated>${change.at}</updated>
    <category term="${escapeXml(change.kind)}"/>
${record.link ? `    <link href="${escapeXml(`${base}${record.link}`)}"/>\n` : ''}    <content type="text">${escapeXml(`${title} (document ${change.documentId}, seq ${change.seq})`)}</content>
  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${base}/changes.atom`)}</id>
  <title>Changes to the plan data</title>
  <updated>${updated}</updated>
  <author><name>${escapeXml(author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/changes.atom`)}"/>
  <link rel="alternate" type="application/json" href="${escapeXml(`${base}/v1/changes`)}"/>
${next ? `  <link rel="next" href="${escapeXml(next)}"/>\n` : ''}${entries.join('\n')}
</feed>
`
}

export const changeRoutes =
  (store: Store, options: ChangeFeedOptions): FastifyPluginAsync =>
  async (app) => {
    app.get<{
      Querystring: { since?: number; document?: string; limit?: number; cursor?: string }
    }>(
      '/v1/changes',
      {
        schema: {
          tags: ['changes'],
          operationId: 'listChanges',
          summary: 'Every change to the data, in order',
          description:
            'Documents loaded or replaced; the sections, tasks, agencies, targets and findings a load added, changed, withdrew or removed; observations reported and task statuses set. Oldest first; since=SEQ gives the changes after one already read, and meta.latest is the seq of the latest change of all. The same, newest first, as Atom at /changes.atom.',
          querystring: Query,
          response: {
            200: {
              description: 'A page of changes.',
              content: { 'application/json': { schema: listOf(Change) } },
            },
            400: problemResponse('A parameter is unknown or malformed; invalidParams names it.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const { since, document, limit = 50, cursor } = request.query
        const { page, latest } = store.listChanges({ since, document }, { limit, cursor })
        return listEnvelope(request, reply, { ...page, items: page.items.map(withLink) }, limit, {
          latest,
        })
      },
    )
    // A feed reader gets the latest changes; a harvester following Atom asks since=SEQ and
    // gets the changes after it, oldest first, with a next link while more follow.
    app.get<{ Querystring: { since?: number } }>(
      '/changes.atom',
      {
        schema: {
          hide: true,
          querystring: Type.Object(
            { since: Type.Optional(Type.Integer({ minimum: 0 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const base = options.baseUrl(request, reply)
        reply.type('application/atom+xml; charset=utf-8')
        const { since } = request.query
        if (since === undefined) {
          return atomFeed(base, options.author(), store.recentChanges(ATOM_ENTRIES), null)
        }
        const { page } = store.listChanges({ since }, { limit: ATOM_ENTRIES })
        const last = page.items.at(-1)?.seq
        const next = page.more && last !== undefined ? `${base}/changes.atom?since=${last}` : null
        return atomFeed(base, options.author(), page.items, next)
      },
    )
  }
