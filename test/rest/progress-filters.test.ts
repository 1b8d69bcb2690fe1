// Tasks filter by status, targets by withdrawn and onTrack, alike in REST (JSON pages and the
// downloads) and GraphQL. Each answer is compared with the records themselves: the whole list
// read unfiltered, selected here by the field the filter names.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { graphql } from '../graphql/client.js'
import { buildTestApp } from '../helper.js'
import { progressDatabase } from '../progress-data.js'

interface Listed {
  id: string
  status?: string
  withdrawn?: boolean
  progress?: { onTrack: boolean | null } | null
}

/** Every record of a REST list, page by page. */
export async function restAll(app: FastifyInstance, url: string): Promise<Listed[]> {
  const records: Listed[] = []
  for (let next: string | null = url; next !== null;) {
    const res = await app.inject(next)
    if (res.statusCode !== 200) throw new Error(`${next}: ${res.statusCode} ${res.body}`)
    const body = res.json() as { data: Listed[]; links: { next: string | null } }
    records.push(...body.data)
    next = body.links.next
  }
  return records
}

const ids = (records: { id: string }[]) => records.map((r) => r.id)

t.test('tasks by status, targets by withdrawn and onTrack', async (t) => {
  const { db } = progressDatabase(t)
  const app = await buildTestApp(t, { db })
  const tasks = await restAll(app, '/v1/tasks?limit=500')
  const targets = await restAll(app, '/v1/targets?limit=500')

  const cases = [
    ...['not_started', 'in_progress', 'done', 'at_risk'].map((status) => ({
      list: 'tasks',
      filter: 'status',
      value: status,
      literal: status,
      expected: tasks.filter((task) => task.status === status),
    })),
    ...[true, false].map((withdrawn) => ({
      list: 'targets',
      filter: 'withdrawn',
      value: String(withdrawn),
      literal: String(withdrawn),
      expected: targets.filter((g) => g.withdrawn === withdrawn),
    })),
    ...[true, false].map((onTrack) => ({
      list: 'targets',
      filter: 'onTrack',
      value: String(onTrack),
      literal: String(onTrack),
      expected: targets.filter((g) => g.progress?.onTrack === onTrack),
    })),
  ]
  for (const { list, filter, value, literal, expected } of cases) {
    const query = `${filter}=${value}`
    t.ok(expected.length > 0, `some ${list} have ${query}`)
    t.ok(expected.length < (list === 'tasks' ? tasks : targets).length, `not every one`)
    const rest = await restAll(app, `/v1/${list}?${query}&limit=7`)
    t.same(ids(rest), ids(expected), `/v1/${list}?${query}: the records that have it`)

    const csv = await app.inject(`/v1/${list}.csv?${query}`)
    t.equal(csv.statusCode, 200)
    t.equal(csv.body.trim().split('\n').length, expected.length + 1, `${list}.csv?${query}`)
    const jsonl = await app.inject(`/v1/${list}.jsonl?${query}`)
    t.same(
      jsonl.body
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
      ids(expected),
      `${list}.jsonl?${query}`,
    )

    const answer = await graphql<Record<string, { totalCount: number; nodes: { id: string }[] }>>(
      app,
      `{ ${list}(first: 100, filter: { ${filter}: ${literal} }) { totalCount nodes { id } } }`,
    )
    t.same(answer.errors, undefined)
    t.equal(answer.data![list]!.totalCount, expected.length, `GraphQL ${list} ${query}`)
    t.same(ids(answer.data![list]!.nodes), ids(expected).slice(0, 100))
  }
  // Targets never observed are neither on track nor behind.
  const unjudged = targets.filter((g) => (g.progress?.onTrack ?? null) === null).length
  t.ok(unjudged > 0)
  t.equal(
    cases.filter((c) => c.filter === 'onTrack').reduce((n, c) => n + c.expected.length, 0),
    targets.length - unjudged,
  )
})

t.test('a value the filter does not take is a 400 naming it', async (t) => {
  const app = await buildTestApp(t)
  for (const [url, name] of [
    ['/v1/tasks?status=finished', 'status'],
    ['/v1/tasks.csv?status=Done', 'status'],
    ['/v1/targets?onTrack=maybe', 'onTrack'],
    ['/v1/targets.jsonl?withdrawn=2', 'withdrawn'],
  ] as const) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { invalidParams: [{ name }] }, url)
  }
  const answer = await graphql(app, '{ tasks(filter: { status: finished }) { totalCount } }')
  t.equal(answer.status, 400)
  t.match(answer.errors?.[0]?.message, /finished/)
})
