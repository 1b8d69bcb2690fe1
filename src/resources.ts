// One declaration per resource: where REST serves it, what GraphQL calls it, the filters it
// takes (by their REST names, with the kind of value each takes) and the fields its lists sort
// by. The store's list specs are typed against it (their sort keys must be these), the REST
// routes take their path and sorts from it and refuse to start with other filters, and
// test/resources.test.ts holds the GraphQL filter inputs and the store's filters to it, and
// checks that every declared filter narrows a list through both interfaces.

/** The value a filter takes: free text, a record id, a whole number, true or false, or one of an enum. */
export type FilterKind = 'text' | 'id' | 'integer' | 'boolean' | { enum: string }

export interface ResourceDeclaration {
  /** The REST collection. */
  path: string
  /** The GraphQL object type, and the input its lists are filtered with. */
  graphqlType: string
  graphqlFilter: string
  filters: Record<string, FilterKind>
  /** Other GraphQL names of a filter, to its REST name (GraphQL's search is REST's q). */
  graphqlAliases?: Record<string, string>
  /** Fields the REST list sorts by (sort=field,-other). */
  sorts: readonly string[]
  /**
   * Fields the list counts its records by (facet=field, and PATH/counts?by=field): `id` for a
   * field whose values are ids of other records, labelled with their names; else `value`.
   */
  facets: Record<string, 'id' | 'value'>
}

export const RESOURCES = {
  documents: {
    path: '/v1/documents',
    graphqlType: 'Document',
    graphqlFilter: 'DocumentFilter',
    filters: { number: 'text' },
    sorts: ['issuedOn', 'number'],
    facets: { jurisdictionLevel: 'value', issuer: 'value', year: 'value' },
  },
  sections: {
    path: '/v1/sections',
    graphqlType: 'Section',
    graphqlFilter: 'SectionFilter',
    filters: { document: 'text', kind: { enum: 'SectionKind' }, number: 'integer', parent: 'id' },
    sorts: [],
    facets: { document: 'id', kind: 'value' },
  },
  tasks: {
    path: '/v1/tasks',
    graphqlType: 'Task',
    graphqlFilter: 'TaskFilter',
    filters: {
      document: 'text',
      agency: 'text',
      item: 'text',
      q: 'text',
      status: { enum: 'TaskStatus' },
    },
    graphqlAliases: { search: 'q' },
    sorts: ['number'],
    facets: { document: 'id', agency: 'id', status: 'value', item: 'id' },
  },
  agencies: {
    path: '/v1/agencies',
    graphqlType: 'Agency',
    graphqlFilter: 'AgencyFilter',
    filters: { name: 'text', kind: { enum: 'AgencyKind' }, document: 'text' },
    sorts: ['name', 'taskCount'],
    facets: { kind: 'value', jurisdiction: 'value', document: 'id' },
  },
  targets: {
    path: '/v1/targets',
    graphqlType: 'Target',
    graphqlFilter: 'TargetFilter',
    filters: {
      document: 'text',
      year: 'integer',
      unit: 'text',
      section: 'id',
      agency: 'text',
      withdrawn: 'boolean',
      onTrack: 'boolean',
    },
    sorts: ['deadlineYear', 'value'],
    facets: {
      document: 'id',
      year: 'value',
      unit: 'value',
      agency: 'id',
      onTrack: 'value',
      withdrawn: 'value',
    },
  },
  findings: {
    path: '/v1/findings',
    graphqlType: 'Finding',
    graphqlFilter: 'FindingFilter',
    filters: { document: 'text', severity: { enum: 'Severity' }, code: 'text' },
    sorts: ['severity'],
    facets: { document: 'id', severity: 'value', code: 'value' },
  },
} as const satisfies Record<string, ResourceDeclaration>

export type ResourceName = keyof typeof RESOURCES

/** The names a resource's lists sort by, as a type: the store's sort keys must be exactly these. */
export type SortName<R extends ResourceName> = (typeof RESOURCES)[R]['sorts'][number]

/** The names a resource's lists are counted by, as a type. */
export type FacetName<R extends ResourceName> = keyof (typeof RESOURCES)[R]['facets'] & string

/** The names of a resource's filters, as a type. */
export type FilterName<R extends ResourceName> = keyof (typeof RESOURCES)[R]['filters'] & string
