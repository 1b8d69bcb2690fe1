// /v1/search: sections, tasks, targets, agencies and documents that contain every word of a
// text, best first, each with a highlighted snippet and a link. Words of one or two Chinese
// characters work as well as longer ones (see ADR 0006).
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { MAX_WORDS, SEARCH_WINDOW, type Store } from '../store/index.js'
import { snippetHtml } from '../html.js'
import { listEnvelope } from './envelope.js'
import {
  HIT_TYPES,
  HitType,
  listOf,
  Paging,
  problemResponse,
  SearchHit,
  SearchText,
  TOO_MANY_REQUESTS,
} from './schemas.js'

const ROUTE_OF = {
  section: 'sections',
  task: 'tasks',
  target: 'targets',
  agency: 'agencies',
  document: 'documents',
} as const satisfies Record<(typeof HIT_TYPES)[number], string>

const Query = Type.Object(
  {
    q: SearchText(
      `The text to find: words separated by spaces (ASCII or the ideographic space), each required, each any length from one character; at most ${MAX_WORDS} words.`,
    ),
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
        type?: (typeof HIT_TYPES)[number]
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
          summary: 'Search sections, tasks, targets, agencies and documents',
          description: `Records whose text contains every word of q, best first, with a highlighted snippet: sections, tasks and targets by their text, agencies by their canonical name or any alias, documents by their 发文字号 (or part of it, such as 〔2024〕1号), title or plan title. The ${SEARCH_WINDOW} most recently loaded records that contain q are ranked and paged, as large search APIs rank a bounded number; meta.totalIsLowerBound says when more contain it. Narrow with type or document (for agencies: those the document names); /v1/tasks?q= pages through every task that contains q.`,
          querystring: Query,
          response: {
            200: {
              description: 'A page of hits.',
              content: {
                'application/json': { schema: listOf(SearchHit) },
              },
            },
            400: problemResponse(
              `q is missing, only whitespace or more than ${MAX_WORDS} words, or a parameter is malformed.`,
            ),
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
