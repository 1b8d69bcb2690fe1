// The two routes every resource has: a filtered, paged list and an item by id. Each resource
// file declares its filters and store queries; the envelopes, paging and 404s live here.
import type { FastifyPluginAsync } from 'fastify'
import { Type, type TObject, type TProperties, type Static } from '@sinclair/typebox'
import type { Page, PageRequest } from '../store/index.js'
import { itemEnvelope, listEnvelope } from './envelope.js'
import { notFound } from './problem.js'
import { IdParams, itemOf, listOf, Paging, Problem } from './schemas.js'

export interface ResourceSpec<F extends TProperties, I extends TObject> {
  /** The path of the collection, e.g. /v1/tasks. */
  path: string
  /** Singular noun for messages and docs, e.g. task. */
  noun: string
  item: I
  filters: F
  /** The store's records must be what the schema says: the compiler checks it here. */
  list: (filter: Static<TObject<F>>, page: PageRequest) => Page<Static<I>>
  get: (id: string) => Static<I> | null
}

export function resourceRoutes<F extends TProperties, I extends TObject>(
  spec: ResourceSpec<F, I>,
): FastifyPluginAsync {
  const query = Type.Object(
    { ...spec.filters, limit: Type.Optional(Paging.limit), cursor: Type.Optional(Paging.cursor) },
    { additionalProperties: false },
  )
  return async (app) => {
    // Typed by hand: the type provider cannot infer through a generic schema, and the store's
    // record types are checked against the schema in ResourceSpec instead.
    app.get<{ Querystring: Record<string, unknown> & { limit?: number; cursor?: string } }>(
      spec.path,
      {
        schema: {
          querystring: query,
          response: { 200: listOf(spec.item), 400: Problem },
        },
      },
      async (request, reply) => {
        const { limit = 50, cursor, ...filter } = request.query
        const page = spec.list(filter as Static<TObject<F>>, { limit, cursor })
        return listEnvelope(request, reply, page, limit)
      },
    )
    app.get<{ Params: { id: string } }>(
      `${spec.path}/:id`,
      {
        schema: {
          params: IdParams,
          response: { 200: itemOf(spec.item), 404: Problem },
        },
      },
      async (request, reply) => {
        const record = spec.get(request.params.id)
        if (record === null) return notFound(request, reply, spec.noun, request.params.id)
        return itemEnvelope(request, record)
      },
    )
  }
}
