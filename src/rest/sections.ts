import { Type } from '@sinclair/typebox'
import type { Store } from '../store/index.js'
import { resourceRoutes } from './resource.js'
import { Section, SectionKind } from './schemas.js'

export const sectionRoutes = (store: Store) =>
  resourceRoutes({
    resource: 'sections',
    noun: 'section',
    item: Section,
    filters: {
      document: Type.Optional(Type.String({ description: 'Document id or 发文字号.' })),
      kind: Type.Optional(SectionKind),
      number: Type.Optional(Type.Integer({ minimum: 0, description: 'The number as printed.' })),
      parent: Type.Optional(Type.String({ description: "The parent section's id." })),
    },
    list: store.listSections,
    each: store.eachSection,
    groups: (filter, request) => store.groups('sections', filter, request),
    get: store.getSection,
    dataVersion: () => store.dataVersion(),
  })
