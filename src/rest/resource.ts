// The routes every resource has: a filtered, paged list (JSON, or the whole list as CSV at
// PATH.csv or with Accept: text/csv, as XLSX at PATH.xlsx or with its Accept, as JSON Lines at
// PATH.jsonl) and an item by id. Each resource file declares its filters and store queries; the
// envelopes, paging, formats, 404s and the names of the operations (listTasks, getTask,
// downloadTasksCsv) live here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type TObject, type TProperties, type Static } from '@sinclair/typebox'
import {
  facetsOf,
  type Group,
  type GroupRequest,
  type Page,
  type PageRequest,
  type SortRequest,
} from '../store/index.js'
import { RESOURCES, type ResourceName } from '../resources.js'
import type { ExportShelf } from '../http/exports.js'
import { JSONL_TYPE } from '../http/jsonl.js'
import { countRoutes } from './counts.js'
import { XLSX_TYPE } from '../http/xlsx.js'
import { downloadsOf } from './downloads.js'
import { FACET_SIZE, facetNames, facetsParameter, refuseUnknownFacets } from './facets.js'
import { itemEnvelope, listEnvelope } from './envelope.js'
import { preferredFormat, prefersHtml } from '../http/negotiation.js'
import type { SafeHtml } from '../pages/html.js'
import { sendPage } from '../pages/routes.js'
import { notAcceptable, notFound } from '../http/problem.js'
import {
  CsvText,
  IdParams,
  JsonLinesText,
  itemOf,
  listOf,
  Paging,
  problemResponse,
  TOO_MANY_REQUESTS,
  XlsxFile,
} from './schemas.js'

const NO_PARAMETERS = Type.Object({}, { additionalProperties: false })

/** What a list's own path answers in, by Accept: a page of JSON, or the whole list. */
const LIST_FORMATS = ['json', 'csv', 'xlsx'] as const

export interface ResourceSpec<F extends TProperties, I extends TObject> {
  /** Its declaration (src/resources.ts): the path of the collection and the fields it sorts by. */
  resource: ResourceName
  /** Singular noun for messages and docs, e.g. task. */
  noun: string
  item: I
  filters: F
  /** The store's records must be what the schema says: the compiler checks it here. */
  list: (filter: Static<TObject<F>>, page: PageRequest) => Page<Static<I>>
  /** Every record the filter selects, read as the CSV is written. */
  each: (filter: Static<TObject<F>>, sort?: SortRequest[]) => Iterable<Static<I>>
  /** The counts of the filtered list grouped by facets: facet=… and PATH/counts. */
  groups: (filter: Static<TObject<F>>, request: GroupRequest) => Group[]
  get: (id: string) => Static<I> | null
  /** Changes whenever the data does; the ETag of a CSV stream is derived from it. */
  dataVersion: () => string
  /** An item's ETag, when writes compare it (If-Match); else the answer's bytes make it. */
  etagOf?: (item: Static<I>) => string
}

export interface ResourceOptions {
  /** Where whole-table exports are kept per data version; without one they are streamed. */
  exports?: ExportShelf | undefined
  /** An item's page, for a browser asking for HTML (src/pages/record-pages.ts). */
  page?: ((resource: ResourceName, record: { id: string }) => SafeHtml) | undefined
}

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1)

/** sort=deadlineYear,-value: by year, then by value descending. */
function sortOf(sort: unknown): SortRequest[] | undefined {
  if (typeof sort !== 'string') return undefined
  return sort
    .split(',')
    .map((field) =>
      field.startsWith('-')
        ? { field: field.slice(1), descending: true }
        : { field, descending: false },
    )
}

export function resourceRoutes<F extends TProperties, I extends TObject>(
  spec: ResourceSpec<F, I>,
): FastifyPluginAsync<ResourceOptions> {
  const declared = RESOURCES[spec.resource]
  const path = declared.path
  const sorts: readonly string[] = declared.sorts
  const filterNames = Object.keys(spec.filters).sort().join(', ')
  const declaredNames = Object.keys(declared.filters).sort().join(', ')
  if (filterNames !== declaredNames) {
    throw new Error(`${path} takes ${filterNames}; src/resources.ts declares ${declaredNames}`)
  }
  const facets: Record<string, 'id' | 'value'> = declared.facets
  const facetList = Object.keys(facets)
  const fields = sorts.join('|')
  const sortParam = fields
    ? {
        sort: Type.Optional(
          Type.String({
            pattern: `^-?(?:${fields})(?:,-?(?:${fields}))*$`,
            description: `Comma-separated fields of ${sorts.join(', ')}; a leading - sorts that field descending. Ties stay in document order.`,
          }),
        ),
      }
    : {}
  const query = Type.Object(
    {
      ...spec.filters,
      ...sortParam,
      limit: Type.Optional(Paging.limit),
      cursor: Type.Optional(Paging.cursor),
      facet: Type.Optional(
        facetsParameter(
          facetList,
          `Adds meta.facets: for each field named, its ${FACET_SIZE} most frequent values over the whole filtered list, with their counts.`,
        ),
      ),
    },
    { additionalProperties: false },
  )
  const filtersOnly = Type.Object(
    { ...spec.filters, ...sortParam },
    { additionalProperties: false },
  )
  const csvQuery = Type.Object(
    {
      ...spec.filters,
      ...sortParam,
      bom: Type.Optional(
        Type.Boolean({
          description:
            'true: the CSV opens with a UTF-8 byte order mark, which Excel needs to read Chinese from a CSV file. Machine readers want it without.',
        }),
      ),
    },
    { additionalProperties: false },
  )
  const plural = path.split('/').pop()!
  // The operations' names in the OpenAPI document, and so the methods of generated clients.
  const Plural = capitalized(plural)
  const Noun = capitalized(spec.noun)
  const download = downloadsOf<Static<TObject<F>>>({
    plural,
    item: spec.item,
    each: (filter, sort) => spec.each(filter, sortOf(sort)),
    dataVersion: spec.dataVersion,
  })

  const invalid = problemResponse('A parameter is unknown or malformed; invalidParams names it.')

  return async (app, { exports: shelf, page }) => {
    // Typed by hand: the type provider cannot infer through a generic schema, and the store's
    // record types are checked against the schema in ResourceSpec instead.
    app.get<{
      Querystring: Record<string, unknown> & {
        limit?: number
        cursor?: string
        sort?: string
        facet?: string | string[]
      }
    }>(
      path,
      {
        schema: {
          tags: [plural],
          operationId: `list${Plural}`,
          summary: `List ${plural}`,
          // The 200 declares JSON alone, so that a generated client reads a TaskList, not a
          // union with a string; the whole list as CSV, XLSX or JSON Lines has operations of its own.
          description: `A page of ${plural} matching the filters, in document order unless sort is given. The whole filtered list is at ${path}.csv (CSV), ${path}.xlsx (XLSX) and ${path}.jsonl (JSON Lines); this path answers the same CSV to Accept: text/csv and the XLSX to Accept: ${XLSX_TYPE}.`,
          querystring: query,
          response: {
            200: {
              description: `A page of ${plural}.`,
              content: { 'application/json': { schema: listOf(spec.item) } },
            },
            400: invalid,
            406: problemResponse('The Accept header allows neither JSON, CSV nor XLSX.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const { limit = 50, cursor, sort, facet, ...filter } = request.query
        const format = preferredFormat(request.headers.accept, LIST_FORMATS)
        reply.header('vary', 'Accept')
        // Refused in every format, as a malformed filter is; a download counts nothing, as it
        // pages nothing (limit, cursor).
        const facetsAsked = facetNames(facet)
        const refused = refuseUnknownFacets(request, reply, 'facet', facetsAsked, facetList)
        if (refused) return refused
        if (format === 'csv' || format === 'xlsx') {
          return download(request, reply, format, { ...filter, sort }, shelf)
        }
        if (format === null) return notAcceptable(request, reply)
        const selected = filter as Static<TObject<F>>
        const page = spec.list(selected, { limit, cursor, sort: sortOf(sort) })
        // Asked only: a list without facet=… answers exactly as it always has.
        const meta =
          facetsAsked.length === 0
            ? {}
            : {
                facets: facetsOf(
                  facetsAsked,
                  (grouping) => spec.groups(selected, grouping),
                  FACET_SIZE,
                ),
              }
        return listEnvelope(request, reply, page, limit, meta)
      },
    )
    // The whole filtered list, unpaged: what a portal harvests and an analyst opens in Excel.
    app.get<{ Querystring: Record<string, unknown> & { bom?: boolean } }>(
      `${path}.csv`,
      {
        schema: {
          tags: [plural],
          operationId: `download${Plural}Csv`,
          summary: `All ${plural} as CSV`,
          description: `Every ${spec.noun} matching the filters as one CSV document: kept per data version when nothing filters or sorts it, streamed as it is read otherwise. Plain UTF-8, as the Data Package declares it; bom=true opens it with a byte order mark, for Excel (or take ${plural}.xlsx).`,
          querystring: csvQuery,
          response: {
            200: { description: `${plural}.csv`, content: { 'text/csv': { schema: CsvText } } },
            400: invalid,
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const { bom, ...query } = request.query
        return download(request, reply, bom === true ? 'csv-bom' : 'csv', query, shelf)
      },
    )
    app.get<{ Querystring: Record<string, unknown> }>(
      `${path}.jsonl`,
      {
        schema: {
          tags: [plural],
          operationId: `download${Plural}Jsonl`,
          summary: `All ${plural} as JSON Lines`,
          description: `Every ${spec.noun} matching the filters, one JSON record per line (the records of the JSON pages), for readers that stream a whole table.`,
          querystring: filtersOnly,
          response: {
            200: {
              description: `${plural}.jsonl`,
              content: { [JSONL_TYPE]: { schema: JsonLinesText } },
            },
            400: invalid,
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => download(request, reply, 'jsonl', request.query, shelf),
    )
    app.get<{ Querystring: Record<string, unknown> }>(
      `${path}.xlsx`,
      {
        schema: {
          tags: [plural],
          operationId: `download${Plural}Xlsx`,
          summary: `All ${plural} as XLSX`,
          description: `Every ${spec.noun} matching the filters as one Excel workbook (the CSV's columns and rows in one sheet; numbers as numbers, dates as dates, the header row bold and frozen): kept per data version when nothing filters or sorts it, written as it is read otherwise.`,
          querystring: filtersOnly,
          response: {
            200: {
              description: `${plural}.xlsx`,
              content: { [XLSX_TYPE]: { schema: XlsxFile } },
            },
            400: invalid,
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => download(request, reply, 'xlsx', request.query, shelf),
    )
    // Registered before the item route, whose :id a static segment takes precedence over; no
    // id is "counts" (every id has its kind's prefix and a dash, src/store/ids.ts).
    await app.register(
      countRoutes({ path, plural, Plural, facets, filters: spec.filters, groups: spec.groups }),
    )
    const item = (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const record = spec.get(request.params.id)
      if (record === null) return notFound(request, reply, spec.noun, request.params.id)
      if (spec.etagOf) reply.header('etag', spec.etagOf(record))
      // The item's own URL, also from PATH.json: one record, one self.
      return itemEnvelope(request, record, `${path}/${request.params.id}`)
    }
    app.get<{ Params: { id: string } }>(
      `${path}/:id`,
      {
        schema: {
          tags: [plural],
          operationId: `get${Noun}`,
          summary: `One ${spec.noun} by id`,
          description: `The ${spec.noun} with this id, as the list holds it.${spec.etagOf ? ' Its ETag is what a write’s If-Match compares.' : ''} A browser asking for HTML gets a page for people; ${path}/{id}.json is always this JSON.`,
          params: IdParams,
          // An item takes no parameters: one it does not know is refused, as lists refuse theirs,
          // rather than answered under the same ETag as the item without it.
          querystring: NO_PARAMETERS,
          response: {
            200: {
              description: `The ${spec.noun}.`,
              content: { 'application/json': { schema: itemOf(spec.item) } },
            },
            400: invalid,
            404: problemResponse(`No ${spec.noun} has this id.`),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        reply.header('vary', 'Accept')
        if (page && prefersHtml(request.headers)) {
          const record = spec.get(request.params.id)
          if (record === null) return notFound(request, reply, spec.noun, request.params.id)
          reply.header(
            'link',
            `<${path}/${request.params.id}.json>; rel="alternate"; type="application/json"`,
          )
          return sendPage(request, reply, page(spec.resource, record as { id: string }))
        }
        return item(request, reply)
      },
    )
    // The JSON whatever the Accept header says: what a page links, since a link cannot set it.
    app.get<{ Params: { id: string } }>(
      `${path}/:id.json`,
      { schema: { hide: true, params: IdParams, querystring: NO_PARAMETERS } },
      item,
    )
  }
}
