// Facets (facet=… on a list, meta.facets) and grouped counts (PATH/counts?by=…, also CSV), and
// their GraphQL equivalents (xAggregate { facets counts }). Every expected count is computed
// here from the records themselves: the whole list read as JSON, each record's values of the
// field taken from its own fields.
import t from 'tap'
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { RESOURCES, type ResourceName } from '../src/resources.js'
import { constantCase } from '../src/graphql/order.js'
import { graphql } from './graphql/client.js'
import { buildTestApp } from './helper.js'
import { progressDatabase } from './progress-data.js'

type Row = Record<string, unknown> & { id: string }
type Value = string | number | boolean | null

async function all(app: FastifyInstance, url: string): Promise<Row[]> {
  const rows: Row[] = []
  for (let next: string | null = url; next !== null;) {
    const res = await app.inject(next)
    if (res.statusCode !== 200) throw new Error(`${next}: ${res.statusCode} ${res.body}`)
    const body = res.json() as { data: Row[]; links: { next: string | null } }
    rows.push(...body.data)
    next = body.links.next
  }
  return rows
}

/** SQLite's order of values: null, then false/true and numbers, then text by code point. */
function compareValues(a: Value, b: Value): number {
  const rank = (v: Value) => (v === null ? 0 : typeof v === 'string' ? 2 : 1)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (a === null || b === null) return 0
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0
  return Number(a) - Number(b)
}

interface Expected {
  keys: Value[]
  count: number
}

/** Counts of the records by the values of these fields, as the records give them. */
function countsOf(rows: Row[], valuesOf: ((row: Row) => Value[])[]): Expected[] {
  const counts = new Map<string, Expected>()
  for (const row of rows) {
    let combinations: Value[][] = [[]]
    for (const values of valuesOf) {
      const own = [...new Set(values(row))]
      const each = own.length === 0 ? [null] : own
      combinations = combinations.flatMap((c) => each.map((v) => [...c, v]))
    }
    for (const keys of combinations) {
      const id = JSON.stringify(keys)
      const found = counts.get(id) ?? { keys, count: 0 }
      found.count += 1
      counts.set(id, found)
    }
  }
  return [...counts.values()]
}

const byValues = (a: Expected, b: Expected) =>
  a.keys.reduce<number>((order, key, i) => order || compareValues(key, b.keys[i]!), 0)
const byCount = (a: Expected, b: Expected) => b.count - a.count || byValues(a, b)

t.test('facets and grouped counts are those of the records', async (t) => {
  const { db } = progressDatabase(t)
  const app = await buildTestApp(t, { db })
  const lists = Object.fromEntries(
    await Promise.all(
      (Object.keys(RESOURCES) as ResourceName[]).map(async (name) => [
        name,
        await all(app, `${RESOURCES[name].path}?limit=500`),
      ]),
    ),
  ) as Record<ResourceName, Row[]>
  const byId = new Map(Object.values(lists).flatMap((rows) => rows.map((r) => [r.id, r])))
  const tasksOf = (target: Row) => (target.taskIds as string[]).map((id) => byId.get(id)!)
  // The documents naming each agency, as the agencies' document filter reads them.
  const documentsOf = new Map<string, string[]>()
  for (const document of lists.documents) {
    for (const agency of await all(app, `/v1/agencies?document=${document.id}&limit=500`)) {
      documentsOf.set(agency.id, [...(documentsOf.get(agency.id) ?? []), document.id])
    }
  }

  const one = (key: string) => (row: Row) => [(row[key] ?? null) as Value]
  const fields: { [R in ResourceName]: Record<string, (row: Row) => Value[]> } = {
    documents: {
      jurisdictionLevel: one('jurisdictionLevel'),
      issuer: one('issuer'),
      year: (d) => [d.issuedOn === null ? null : Number((d.issuedOn as string).slice(0, 4))],
    },
    sections: { document: one('documentId'), kind: one('kind') },
    tasks: {
      document: one('documentId'),
      agency: (task) => (task.agencies as { id: string }[]).map((a) => a.id),
      status: one('status'),
      item: (task) => task.items as string[],
    },
    agencies: {
      kind: one('kind'),
      jurisdiction: one('jurisdiction'),
      document: (agency) => documentsOf.get(agency.id) ?? [],
    },
    targets: {
      document: one('documentId'),
      year: one('deadlineYear'),
      unit: one('unit'),
      agency: (g) => tasksOf(g).flatMap((task) => fields.tasks.agency!(task)),
      onTrack: (g) => [(g.progress as { onTrack: boolean | null } | null)?.onTrack ?? null],
      withdrawn: one('withdrawn'),
    },
    findings: { document: one('documentId'), severity: one('severity'), code: one('code') },
  }
  // An id is labelled with its record's name; any other value is its own label.
  const labelOf = (value: Value): string | null => {
    if (value === null) return null
    const record = byId.get(value as string)
    if (!record) return String(value)
    if (record.id.startsWith('doc-'))
      return (record.title ?? record.planTitle ?? record.number) as string
    if (record.id.startsWith('agency-')) return record.name as string
    return `${record.label as string} ${record.heading as string}`.trim()
  }

  for (const name of Object.keys(RESOURCES) as ResourceName[]) {
    const declared = RESOURCES[name]
    const facets = Object.keys(declared.facets)
    t.same(facets.sort(), Object.keys(fields[name]).sort(), `${name}: every facet is checked`)
    // The whole list, and a document's part of it where the list filters by document.
    const filters: Record<string, string>[] = [{}]
    if ('document' in declared.filters) filters.push({ document: lists.documents[0]!.id })
    if (name === 'tasks') filters.push({ status: 'in_progress' })
    if (name === 'targets') filters.push({ onTrack: 'false' })
    for (const filter of filters) {
      const query = new URLSearchParams(filter).toString()
      const rows = await all(app, `${declared.path}?${query}&limit=500`)
      t.ok(rows.length > 0, `${name}?${query} lists records`)

      // Facets: every declared one, half repeated and half comma-separated.
      const half = Math.ceil(facets.length / 2)
      const asked = [
        ...facets.slice(0, half).map((f) => `facet=${f}`),
        `facet=${facets.slice(half).join(',')}`,
      ]
      const res = await app.inject(`${declared.path}?${query}&limit=3&${asked.join('&')}`)
      t.equal(res.statusCode, 200)
      const body = res.json() as {
        data: Row[]
        meta: { total: number; facets: Record<string, { values: unknown[]; truncated: boolean }> }
      }
      t.equal(body.data.length, Math.min(3, rows.length), 'the page is as without facets')
      t.same(Object.keys(body.meta.facets), facets, `${name}?${query}: each facet asked, in order`)
      const aggregate = await graphql<{ list: { totalCount: number; facets: unknown[] } }>(
        app,
        `query ($filter: ${declared.graphqlFilter}) { list: ${name}Aggregate(filter: $filter) {
          totalCount facets(fields: [${facets.map(constantCase).join(', ')}]) {
            field truncated values { value label count } } } }`,
        {
          filter: Object.fromEntries(
            Object.entries(filter).map(([k, v]) => [k, v === 'false' ? false : v]),
          ),
        },
      )
      t.same(aggregate.errors, undefined)
      t.equal(aggregate.data!.list.totalCount, rows.length)
      for (const facet of facets) {
        const expected = countsOf(rows, [fields[name][facet]!]).sort(byCount)
        const values = expected.slice(0, 30).map(({ keys: [value], count }) => ({
          value,
          label: labelOf(value!),
          count,
        }))
        t.same(
          body.meta.facets[facet],
          { values, truncated: expected.length > 30 },
          `${name}?${query} facet=${facet}`,
        )
        t.same(
          aggregate.data!.list.facets.find((f) => (f as { field: string }).field === facet),
          {
            field: facet,
            truncated: expected.length > 30,
            values: values.map((v) => ({ ...v, value: v.value === null ? null : String(v.value) })),
          },
          `GraphQL ${name} facets ${facet}`,
        )
      }

      // Grouped counts: each facet alone, and each with the next one.
      const groupings = facets.flatMap((facet, i) => [
        [facet],
        ...(facets.length > 1 ? [[facet, facets[(i + 1) % facets.length]!]] : []),
      ])
      for (const by of groupings) {
        const expected = countsOf(
          rows,
          by.map((facet) => fields[name][facet]!),
        ).sort(byValues)
        const url = `${declared.path}/counts?${query}&by=${by.join(',')}`
        const counts = await app.inject(url)
        t.equal(counts.statusCode, 200, url)
        const table = expected.map(({ keys, count }) => {
          const row: Record<string, unknown> = {}
          by.forEach((facet, i) => {
            row[facet] = keys[i]
            if ((declared.facets as Record<string, string>)[facet] === 'id') {
              row[`${facet}Name`] = labelOf(keys[i]!)
            }
          })
          return { ...row, count }
        })
        t.same(counts.json().data, table, url)
        const csv = await app.inject(`${declared.path}/counts.csv?${query}&by=${by.join(',')}`)
        const parsed = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[]
        t.same(
          parsed,
          table.map((row) =>
            Object.fromEntries(
              Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]),
            ),
          ),
          `${url} as CSV`,
        )
        const grouped = await graphql<{ list: { counts: unknown[] } }>(
          app,
          `query ($filter: ${declared.graphqlFilter}) { list: ${name}Aggregate(filter: $filter) {
            counts(by: [${by.map(constantCase).join(', ')}]) { count keys { field value label } } } }`,
          {
            filter: Object.fromEntries(
              Object.entries(filter).map(([k, v]) => [k, v === 'false' ? false : v]),
            ),
          },
        )
        t.same(
          grouped.data?.list.counts,
          expected.map(({ keys, count }) => ({
            count,
            keys: keys.map((value, i) => ({
              field: by[i],
              value: value === null ? null : String(value),
              label:
                (declared.facets as Record<string, string>)[by[i]!] === 'id'
                  ? labelOf(value)
                  : null,
            })),
          })),
          `GraphQL ${name} counts by ${by.join(',')}`,
        )
      }
    }
  }
})

t.test('a list without facet= answers as before; an unknown facet is a 400', async (t) => {
  const app = await buildTestApp(t)
  const plain = (await app.inject('/v1/tasks?limit=2')).json() as { meta: object }
  t.same(Object.keys(plain.meta), ['total', 'limit'], 'meta holds no facets unless asked')
  for (const url of [
    '/v1/tasks?facet=agency&facet=colour',
    '/v1/tasks?facet=agency,colour',
    '/v1/tasks/counts?by=colour',
  ]) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    const body = res.json() as { detail: string; invalidParams: { name: string; reason: string }[] }
    t.match(body.invalidParams[0]!.reason, /colour/, 'names the unknown field')
    for (const allowed of Object.keys(RESOURCES.tasks.facets)) t.match(body.detail, allowed)
  }
  // The list's path refuses it whatever the format asked.
  for (const accept of [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]) {
    const res = await app.inject({ url: '/v1/tasks?facet=colour', headers: { accept } })
    t.equal(res.statusCode, 400, `facet=colour with Accept: ${accept}`)
  }
  for (const url of ['/v1/tasks/counts', '/v1/tasks/counts?by=agency,status,item,document']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.json(), { invalidParams: [{ name: 'by' }] })
  }
  const answer = await graphql(
    app,
    '{ tasksAggregate { facets(fields: [AGENCY], size: 0) { field } } }',
  )
  t.match(answer.errors?.[0]?.message, /size/)
  // A task id is still an item, not a count.
  const task = (await app.inject('/v1/tasks?limit=1')).json().data[0] as { id: string }
  t.equal((await app.inject(`/v1/tasks/${task.id}`)).statusCode, 200)
})
