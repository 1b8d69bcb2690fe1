import { Type } from '@sinclair/typebox'
import type { Store } from '../store/index.js'
import { resourceRoutes } from './resource.js'
import { Finding, Severity } from './schemas.js'

export const findingRoutes = (store: Store) =>
  resourceRoutes({
    resource: 'findings',
    noun: 'finding',
    item: Finding,
    filters: {
      document: Type.Optional(Type.String({ description: 'Document id or 发文字号.' })),
      severity: Type.Optional(Severity),
      code: Type.Optional(Type.String({ maxLength: 50, description: 'e.g. shared-phone.' })),
    },
    list: store.listFindings,
    each: store.eachFinding,
    groups: (filter, request) => store.groups('findings', filter, request),
    get: store.getFinding,
    dataVersion: () => store.dataVersion(),
  })
