// Example requests for the index page, made from the data served, so that each one answers with
// records whatever plans are loaded: the agency with the most tasks, a word a target states, a
// year targets are due. A fixed example would answer nothing on another city's plans.
import type { Store } from '../store/index.js'

export interface Example {
  description: string
  /** A path with its query, percent-encoded: it works pasted into curl as it is. */
  path: string
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString()

/** A word of the text, cut before punctuation: a search for it finds at least its own record. */
function leadingWord(text: string, length: number): string {
  return [...text.split(/[\s\p{P}]/u)[0]!].slice(0, length).join('')
}

const GRAPHQL_EXAMPLE = `{
  documents(first: 5) {
    totalCount
    nodes { number planTitle tasks(first: 3) { nodes { number text agencies { name role } } } }
  }
}`

/** How a plan is named in a sentence: its 发文字号, else its title, else its id. */
const nameOf = (plan: { id: string; number: string | null; title: string | null }) =>
  plan.number ?? plan.title ?? plan.id

export function examplesOf(store: Store): Example[] {
  const newest = store.listDocuments(
    {},
    { limit: 1, sort: [{ field: 'issuedOn', descending: true }] },
  ).items[0]
  if (newest === undefined) return []
  const examples: Example[] = []
  const busiest = store.listAgencies(
    {},
    { limit: 1, sort: [{ field: 'taskCount', descending: true }] },
  ).items[0]
  if (busiest !== undefined && busiest.taskCount > 0) {
    examples.push({
      description: `The tasks of ${busiest.name}, by name (an id or an alias works too).`,
      path: `/v1/tasks?${query({ agency: busiest.name })}`,
    })
  }
  const target = store.listTargets({}, { limit: 1 }).items[0]
  const word = target ? leadingWord(target.indicator, 4) : ''
  if (word !== '') {
    examples.push({
      description: `Search for ${word}: the sections, tasks, targets, agencies and documents that contain it, best first.`,
      path: `/v1/search?${query({ q: word })}`,
    })
  }
  const due = store.listTargets(
    {},
    { limit: 1, sort: [{ field: 'deadlineYear', descending: true }] },
  ).items[0]
  if (due !== undefined && due.deadlineYear !== null) {
    examples.push({
      description: `The targets due in ${due.deadlineYear}.`,
      path: `/v1/targets?${query({ year: String(due.deadlineYear) })}`,
    })
  }
  examples.push(
    {
      description: `The task list of ${nameOf(newest)} as CSV.`,
      path: `/v1/tasks.csv?${query({ document: newest.id })}`,
    },
    {
      description: `The text of ${nameOf(newest)} as the parser read it: every record's source line is in it.`,
      path: `/v1/documents/${encodeURIComponent(newest.id)}/source`,
    },
    {
      description: 'GraphQL by GET: the newest plans with their first tasks and units.',
      path: `/graphql?${query({ query: GRAPHQL_EXAMPLE })}`,
    },
  )
  return examples
}
