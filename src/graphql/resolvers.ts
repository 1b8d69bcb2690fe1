// The root fields, and the fields that are not links (links are loaders, in loaders.ts). They
// call the same store queries as the REST routes.
import type { IResolvers, MercuriusContext } from 'mercurius'
import type { Page, PageRequest, Store } from '../store/index.js'
import { badInput, connectionOf, pageRequest, readPage, type PageArgs } from './connection.js'
import {
  agencyFilter,
  documentFilter,
  findingFilter,
  searchText,
  sectionFilter,
  targetFilter,
  taskFilter,
} from './filters.js'
import { taskEtag } from '../progress/writes.js'
import { snippetHtml } from '../html.js'
import { nodesByIds, typeNameOf } from './nodes.js'
import { sortOfOrder, type OrderInput } from './order.js'
import { aggregateOf, aggregateResolvers } from './aggregates.js'
import type { ResourceName } from '../resources.js'

/** A root list: the store's page for the filter, in the order asked, as a connection. */
function rootList<Input, Filter, T>(
  resource: ResourceName,
  filterOf: (input: Input | null | undefined) => Filter,
  read: (store: Store, filter: Filter, page: PageRequest) => Page<T>,
) {
  return (
    _root: unknown,
    args: PageArgs & { filter?: Input | null; orderBy?: OrderInput[] | null },
    { store }: MercuriusContext,
  ) => {
    const page = { ...pageRequest(args), sort: sortOfOrder(resource, args.orderBy) }
    return connectionOf(
      readPage(() => read(store, filterOf(args.filter), page)),
      args,
    )
  }
}

export const resolvers: IResolvers = {
  Query: {
    documents: rootList('documents', documentFilter, (store, filter, page) =>
      store.listDocuments(filter, page),
    ),
    document: (_root, { id, number }, { store }) => {
      if (!id && !number) throw badInput('give the id or the number of the document')
      const found = id
        ? store.getDocument(id)
        : (store.listDocuments({ number: number! }, { limit: 1 }).items[0] ?? null)
      return found && (!number || found.number === number) ? found : null
    },
    sections: rootList('sections', sectionFilter, (store, filter, page) =>
      store.listSections(filter, page),
    ),
    tasks: rootList('tasks', taskFilter, (store, filter, page) => store.listTasks(filter, page)),
    agencies: rootList('agencies', agencyFilter, (store, filter, page) =>
      store.listAgencies(filter, page),
    ),
    agency: (_root, { id, name }, { store }) => {
      if (!id && !name) throw badInput('give the id or a name of the agency')
      if (id) {
        const found = store.getAgency(id)
        return found && (!name || found.name === name || found.aliases.includes(name))
          ? found
          : null
      }
      // A name may stand for an agency in each of several jurisdictions.
      const matches = store.listAgencies({ name: name! }, { limit: 10 })
      if (matches.total > 1) {
        const which = matches.items.map((a) => `${a.jurisdiction} ${a.name} (${a.id})`)
        throw badInput(
          `${matches.total} agencies go by ${name}: ${which.join(', ')}; ask by id, or list them with agencies(filter: {name})`,
          { argument: 'name', candidates: matches.items.map((a) => a.id) },
        )
      }
      return matches.items[0] ?? null
    },
    targets: rootList('targets', targetFilter, (store, filter, page) =>
      store.listTargets(filter, page),
    ),
    findings: rootList('findings', findingFilter, (store, filter, page) =>
      store.listFindings(filter, page),
    ),
    documentsAggregate: aggregateOf('documents', documentFilter),
    sectionsAggregate: aggregateOf('sections', sectionFilter),
    tasksAggregate: aggregateOf('tasks', taskFilter),
    agenciesAggregate: aggregateOf('agencies', agencyFilter),
    targetsAggregate: aggregateOf('targets', targetFilter),
    findingsAggregate: aggregateOf('findings', findingFilter),
    search: (_root, args, { store }) => {
      const query = {
        q: searchText(args.q, 'q'),
        type: args.type ?? undefined,
        document: args.document ?? undefined,
      }
      const page = readPage(() => store.search(query, pageRequest(args)))
      return Object.assign(connectionOf(page, args), {
        totalCountIsLowerBound: page.totalIsLowerBound,
      })
    },
    node: (_root, { id }, { store }) => nodesByIds(store, [id]).get(id) ?? null,
  },
  ...aggregateResolvers,
  Node: {
    resolveType: (record: { id: string }) => typeNameOf(record),
  },
  Task: {
    etag: (task) => taskEtag(task),
  },
  SearchHit: {
    snippet: (hit) => snippetHtml(hit.excerpt),
  },
}
