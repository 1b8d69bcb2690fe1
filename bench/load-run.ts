// A bounded load over loopback: every read path in turn (REST item, list, CSV, search, GraphQL
// by POST and GET), many connections at once. Used by npm run bench:load (20 s, 100 connections)
// and by test/load.test.ts (a short run in npm test).
import autocannon from 'autocannon'
import { sampleTask } from './compiled-server.js'

export interface LoadResult {
  requests: number
  errors: number
  timeouts: number
  /** Answers by status code. */
  statuses: Record<string, number>
  rps: number
  p99: number
}

/** The request mix, found from the data so that it runs on any plan. */
export async function requestMix(url: string) {
  const task = await sampleTask(url)
  const nested = '{ tasks(first: 50) { nodes { id agencies { agency { name } } items { id } } } }'
  return [
    { method: 'GET' as const, path: `/v1/tasks/${task.id}` },
    { method: 'GET' as const, path: '/v1/tasks?limit=50' },
    { method: 'GET' as const, path: '/v1/tasks.csv' },
    { method: 'GET' as const, path: `/v1/search?q=${encodeURIComponent(task.word)}` },
    {
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: nested }),
    },
    { method: 'GET' as const, path: `/graphql?query=${encodeURIComponent(nested)}` },
  ]
}

export async function runLoad(
  url: string,
  { seconds, connections }: { seconds: number; connections: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: await requestMix(url),
  })
  const statuses: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = (stat as { count: number }).count
  }
  return {
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    rps: result.requests.average,
    p99: result.latency.p99,
  }
}
