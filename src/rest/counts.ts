// PATH/counts?by=agency,status: the filtered list's records counted by one or more fields, one
// row per combination of values, e.g. {agency, agencyName, status, count}. As JSON, or as CSV
// (PATH/counts.csv or Accept: text/csv) for the dashboards and spreadsheets that read tables.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type TProperties } from '@sinclair/typebox'
import type { Group, GroupRequest } from '../store/index.js'
import { csvColumns, csvHeaders, csvStream } from '../http/csv.js'
import { preferredFormat } from '../http/negotiation.js'
import { notAcceptable, problem, sendProblem } from '../http/problem.js'
import { facetNames, facetsParameter, refuseUnknownFacets } from './facets.js'
import { CsvText, FacetValue, problemResponse, TOO_MANY_REQUESTS } from './schemas.js'

export interface CountsSource {
  path: string
  plural: string
  /** The plural as operation names spell it (Tasks): countTasks, downloadTasksCountsCsv. */
  Plural: string
  facets: Record<string, 'id' | 'value'>
  filters: TProperties
  groups: (filter: never, request: GroupRequest) => Group[]
}

/** The most fields one table is grouped by: more multiplies rows past what a dashboard reads. */
const MAX_BY = 3

/** The columns of a table grouped by these fields: each, an id's name after it, the count. */
function columnsOf(by: string[], facets: Record<string, 'id' | 'value'>): string[] {
  return [
    ...by.flatMap((name) => (facets[name] === 'id' ? [name, `${name}Name`] : [name])),
    'count',
  ]
}

function rowOf(by: string[], facets: Record<string, 'id' | 'value'>, group: Group) {
  const row: Record<string, unknown> = {}
  by.forEach((name, i) => {
    row[name] = group.keys[i]!.value
    if (facets[name] === 'id') row[`${name}Name`] = group.keys[i]!.label
  })
  row.count = group.count
  return row
}

/** by names 1 to MAX_BY fields. */
function refuseCount(request: FastifyRequest, reply: FastifyReply, count: number) {
  if (count >= 1 && count <= MAX_BY) return null
  const reason = `must name 1 to ${MAX_BY} fields, not ${count}`
  return sendProblem(
    reply,
    problem(400, 'invalid-parameter', `by ${reason}`, {
      instance: request.url,
      invalidParams: [{ name: 'by', reason }],
    }),
  )
}

export function countRoutes(source: CountsSource): FastifyPluginAsync {
  const { path, plural, Plural, facets } = source
  const names = Object.keys(facets)
  const by = Type.Optional(
    facetsParameter(
      names,
      `The fields to count by (at most ${MAX_BY}), in the order of the columns.`,
    ),
  )
  const query = Type.Object({ ...source.filters, by }, { additionalProperties: false })
  const row = Type.Object(
    {
      ...Object.fromEntries(
        names.flatMap((name) => [
          [name, Type.Optional(FacetValue)],
          ...(facets[name] === 'id'
            ? [[`${name}Name`, Type.Optional(Type.Union([Type.String(), Type.Null()]))]]
            : []),
        ]),
      ),
      count: Type.Integer({ description: 'Records of the filtered list with these values.' }),
    },
    { additionalProperties: false },
  )
  const invalid = problemResponse('A parameter is unknown or malformed; invalidParams names it.')

  const answer = async (
    request: FastifyRequest<{ Querystring: Record<string, unknown> }>,
    reply: FastifyReply,
    format: 'json' | 'csv',
  ) => {
    const { by: asked, ...filter } = request.query
    const fields = facetNames(asked)
    const refused =
      refuseUnknownFacets(request, reply, 'by', fields, names) ??
      refuseCount(request, reply, fields.length)
    if (refused) return refused
    const groups = source.groups(filter as never, { by: fields, order: 'value', limit: null })
    const rows = groups.map((group) => rowOf(fields, facets, group))
    if (format === 'csv') {
      const columns = csvColumns(
        Type.Object(
          Object.fromEntries(columnsOf(fields, facets).map((key) => [key, row.properties[key]!])),
        ),
      )
      return reply.headers(csvHeaders(`${plural}-counts.csv`)).send(csvStream(columns, rows))
    }
    return { data: rows, meta: { by: fields }, links: { self: request.url } }
  }

  const schema = (summary: string, operationId: string) => ({
    tags: [plural],
    operationId,
    summary,
    description: `The ${plural} matching the filters, counted by the fields of by: one row per combination of their values (a ${plural.replace(/s$/, '')} with several values of a field counts under each), in order of the values. An id's readable name is in the column after it, agencyName after agency.`,
    querystring: query,
  })

  return async (app) => {
    app.get<{ Querystring: Record<string, unknown> }>(
      `${path}/counts`,
      {
        schema: {
          ...schema(`Counts of ${plural} by fields`, `count${Plural}`),
          response: {
            200: {
              // JSON alone, as the lists declare it (decision 0041): the same table as CSV,
              // also answered here to Accept: text/csv, is its own operation at counts.csv.
              description: `One row per combination of values, with its count. The same rows as CSV at ${path}/counts.csv (or here with Accept: text/csv).`,
              content: {
                'application/json': {
                  schema: Type.Object({
                    data: Type.Array(row),
                    meta: Type.Object({ by: Type.Array(Type.String()) }),
                    links: Type.Object({ self: Type.String() }),
                  }),
                },
              },
            },
            400: invalid,
            406: problemResponse('The Accept header allows neither JSON nor CSV.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const format = preferredFormat(request.headers.accept)
        reply.header('vary', 'Accept')
        // Offered JSON and CSV alone, so a workbook is never chosen here.
        if (format !== 'json' && format !== 'csv') return notAcceptable(request, reply)
        return answer(request, reply, format)
      },
    )
    app.get<{ Querystring: Record<string, unknown> }>(
      `${path}/counts.csv`,
      {
        schema: {
          ...schema(`Counts of ${plural} by fields, as CSV`, `download${Plural}CountsCsv`),
          response: {
            200: {
              description: `${plural}-counts.csv`,
              content: { 'text/csv': { schema: CsvText } },
            },
            400: invalid,
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => answer(request, reply, 'csv'),
    )
  }
}
