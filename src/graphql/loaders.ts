// Every link between records is a loader: mercurius hands it all the parents that ask for the
// link in one query, and the store answers them in one or two statements, so 50 tasks with their
// agencies, items and targets cost a handful of statements, not one per task.
import type { MercuriusContext } from 'mercurius'
import type { Page, PageRequest, SearchHit, Store } from '../store/index.js'
import {
  badInput,
  connectionOf,
  nestedCursor,
  pageRequest,
  readNestedCursor,
  readPage,
  type Connection,
  type PageArgs,
} from './connection.js'
import { agencyFilter, findingFilter, sectionFilter, targetFilter, taskFilter } from './filters.js'
import { nodesByIds } from './nodes.js'
import type * as Schema from './schema-types.js'

interface Query<Parent, Args> {
  obj: Parent
  params: Args
}

/**
 * A linked list for each parent, as a connection. Parents asking with the same arguments (all
 * of them, unless aliases ask with others) are read together; a mistake in one alias's arguments
 * fails that alias only. A cursor continues the list of the parent that issued it and is refused
 * under any other.
 */
function linkedPages<Args extends PageArgs, T>(
  read: (store: Store, parents: string[], args: Args, page: PageRequest) => Map<string, Page<T>>,
) {
  return async (queries: Query<{ id: string }, Args>[], { store }: MercuriusContext) => {
    const groups = new Map<string, { args: Args; parents: string[] }>()
    for (const { obj, params } of queries) {
      const key = JSON.stringify(params)
      const group = groups.get(key) ?? { args: params, parents: [] }
      group.parents.push(obj.id)
      groups.set(key, group)
    }
    const answers = new Map<string, (parent: string) => Connection<T> | Error>()
    for (const [key, { args, parents }] of groups) {
      answers.set(key, answerGroup(store, read, args, parents))
    }
    return queries.map(({ obj, params }) => answers.get(JSON.stringify(params))!(obj.id))
  }
}

function answerGroup<Args extends PageArgs, T>(
  store: Store,
  read: (store: Store, parents: string[], args: Args, page: PageRequest) => Map<string, Page<T>>,
  args: Args,
  parents: string[],
): (parent: string) => Connection<T> | Error {
  try {
    const after = args.after ? readNestedCursor(args.after) : null
    const page = pageRequest({ first: args.first, after: after?.cursor })
    const pages = readPage(() =>
      read(store, after ? parents.filter((p) => p === after.parent) : parents, args, page),
    )
    return (parent) =>
      pages.has(parent)
        ? connectionOf(pages.get(parent)!, args, (cursor) => nestedCursor(parent, cursor))
        : badInput("after: the cursor continues another record's list", { argument: 'after' })
  } catch (err) {
    // Returned, not thrown: GraphQL fails the fields of this group and no other.
    return () => err as Error
  }
}

/** One linked record for each parent, by the id the parent holds (null where it holds none). */
function linkedRecord<Parent, T extends { id: string }>(
  idOf: (parent: Parent) => string | null,
  byIds: (store: Store, ids: string[]) => T[],
) {
  return async (queries: Query<Parent, unknown>[], { store }: MercuriusContext) => {
    const ids = queries.map(({ obj }) => idOf(obj)).filter((id): id is string => id !== null)
    const found = new Map(byIds(store, ids).map((record) => [record.id, record]))
    return queries.map(({ obj }) => {
      const id = idOf(obj)
      return id === null ? null : (found.get(id) ?? null)
    })
  }
}

/** The records of the ids a parent lists, in its order. */
function linkedRecords<Parent, T extends { id: string }>(
  idsOf: (parent: Parent) => string[],
  byIds: (store: Store, ids: string[]) => T[],
) {
  return async (queries: Query<Parent, unknown>[], { store }: MercuriusContext) => {
    const ids = queries.flatMap(({ obj }) => idsOf(obj))
    const found = new Map(byIds(store, ids).map((record) => [record.id, record]))
    return queries.map(({ obj }) => idsOf(obj).flatMap((id) => found.get(id) ?? []))
  }
}

const documentOf = linkedRecord(
  (parent: { documentId: string }) => parent.documentId,
  (store, ids) => store.documentsByIds(ids),
)

/**
 * The generated Loaders type names each link's type and field; its return types are the SDL's
 * own types, which mercurius-codegen does not map to the store's records (Task.items is a list of
 * Section there and of ids in TaskRecord), so returns are checked by connectionOf and the store.
 */
type LoaderFields = {
  [Type in keyof Schema.Loaders]: { [Field in keyof NonNullable<Schema.Loaders[Type]>]?: unknown }
}

export const loaders = {
  Document: {
    sections: linkedPages((store, parents, args: Schema.DocumentsectionsArgs, page) =>
      store.sectionsOf('document', parents, sectionFilter(args.filter), page),
    ),
    tasks: linkedPages((store, parents, args: Schema.DocumenttasksArgs, page) =>
      store.tasksOf('document', parents, taskFilter(args.filter), page),
    ),
    agencies: linkedPages((store, parents, args: Schema.DocumentagenciesArgs, page) =>
      store.agenciesOf('document', parents, agencyFilter(args.filter), page),
    ),
    targets: linkedPages((store, parents, args: Schema.DocumenttargetsArgs, page) =>
      store.targetsOf('document', parents, targetFilter(args.filter), page),
    ),
    findings: linkedPages((store, parents, args: Schema.DocumentfindingsArgs, page) =>
      store.findingsOf('document', parents, findingFilter(args.filter), page),
    ),
  },
  Section: {
    document: documentOf,
    parent: linkedRecord(
      (section: { parentId: string | null }) => section.parentId,
      (store, ids) => store.sectionsByIds(ids),
    ),
    children: linkedPages((store, parents, _args: Schema.SectionchildrenArgs, page) =>
      store.sectionsOf('parent', parents, {}, page),
    ),
    tasks: linkedPages((store, parents, _args: Schema.SectiontasksArgs, page) =>
      store.tasksOf('section', parents, {}, page),
    ),
    targets: linkedPages((store, parents, _args: Schema.SectiontargetsArgs, page) =>
      store.targetsOf('section', parents, {}, page),
    ),
  },
  Task: {
    document: documentOf,
    section: linkedRecord(
      (task: { sectionId: string | null }) => task.sectionId,
      (store, ids) => store.sectionsByIds(ids),
    ),
    items: linkedRecords(
      (task: { items: string[] }) => task.items,
      (store, ids) => store.sectionsByIds(ids),
    ),
    targets: linkedPages((store, parents, _args: Schema.TasktargetsArgs, page) =>
      store.targetsOf('task', parents, {}, page),
    ),
    statusHistory: linkedPages((store, parents, _args: Schema.TaskstatusHistoryArgs, page) =>
      store.statusChangesOf(parents, page),
    ),
  },
  TaskAgency: {
    agency: linkedRecord(
      (unit: { id: string }) => unit.id,
      (store, ids) => store.agenciesByIds(ids),
    ),
  },
  Agency: {
    tasks: linkedPages((store, parents, args: Schema.AgencytasksArgs, page) =>
      store.tasksOf('agency', parents, taskFilter(args.filter), page),
    ),
    targets: linkedPages((store, parents, args: Schema.AgencytargetsArgs, page) =>
      store.targetsOf('agency', parents, targetFilter(args.filter), page),
    ),
  },
  Target: {
    document: documentOf,
    section: linkedRecord(
      (target: { sectionId: string | null }) => target.sectionId,
      (store, ids) => store.sectionsByIds(ids),
    ),
    tasks: linkedPages((store, parents, _args: Schema.TargettasksArgs, page) =>
      store.tasksOf('target', parents, {}, page),
    ),
    observations: linkedPages((store, parents, _args: Schema.TargetobservationsArgs, page) =>
      store.observationsOf(parents, page),
    ),
  },
  Observation: {
    target: linkedRecord(
      (observation: { targetId: string }) => observation.targetId,
      (store, ids) => store.targetsByIds(ids),
    ),
  },
  Finding: {
    document: documentOf,
  },
  SearchHit: {
    node: linkedRecord(
      (hit: SearchHit) => hit.id,
      (store, ids) => [...nodesByIds(store, ids).values()],
    ),
  },
} satisfies LoaderFields
