// /v1/search: sections, tasks and targets that contain a text, best first, each with a
// highlighted snippet and a link. Queries of one or two Chinese characters work as well as
// longer ones (see ADR 0006).
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { SEARCH_WINDOW, type Store } from '../store/index.js'
import { snippetHtml } from '../html.js'
import { listEnvelope } from './envelope.js'
import {
  HitType,
  listOf,
  Paging,
  problemResponse,
  SearchHit,
  SearchText,
  TOO_MANY_REQUESTS,
} from './schemas.js'

const ROUTE_OF = { section: 'sections', task: 'tasks', target: 'targets' } as const

const Query = Type.Object(
  {
    q: SearchText('The text to find, any length from one character; spaces around it are ignored.'),
    type: Type.Optional(HitType),
    document: Type.Optional(Type.String({ description: 'Document id or 发文字号.' })),
    limit: Type.Optional(Paging.limit),
    cursor: Type.Optional(Paging.cursor),
  },
  { additionalProperties: false },
)

export const searchRoutes =
  (store: Store): FastifyPluginAsync =>
  async (app) => {
    app.get<{
      Querystring: {
        q: string
        type?: 'section' | 'task' | 'target'
        document?: string
        limit?: number
        cursor?: string
      }
    }>(
      '/v1/search',
      {
        schema: {
          tags: ['search'],
          operationId: 'search',
          summary: 'Search sections, tasks and targets',
          description: `Records whose text contains q, best first, with a highlighted snippet. The ${SEARCH_WINDOW} most recently loaded records that contain q are ranked and paged, as large search APIs rank a bounded number; meta.totalIsLowerBound says when more contain it. Narrow with type or document; /v1/tasks?q= pages through every task that contains q.`,
          querystring: Query,
          response: {
            200: {
              description: 'A page of hits.',
              content: {
                'application/json': { schema: listOf(SearchHit) },
              },
            },
            400: problemResponse('q is missing or a parameter is malformed.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const { q, type, document, limit = 50, cursor } = request.query
        const page = store.search({ q, type, document }, { limit, cursor })
        const withLinks = {
          ...page,
          items: page.items.map(({ excerpt, ...hit }) => ({
            ...hit,
            snippet: snippetHtml(excerpt),
            link: `/v1/${ROUTE_OF[hit.type]}/${hit.id}`,
          })),
        }
        return listEnvelope(request, reply, withLinks, limit, {
          totalIsLowerBound: page.totalIsLowerBound,
        })
      },
    )
  }
