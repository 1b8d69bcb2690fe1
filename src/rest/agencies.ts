import { Type } from '@sinclair/typebox'
import type { Store } from '../store/index.js'
import { resourceRoutes } from './resource.js'
import { Agency, AgencyKind } from './schemas.js'

export const agencyRoutes = (store: Store) =>
  resourceRoutes({
    resource: 'agencies',
    noun: 'agency',
    item: Agency,
    filters: {
      name: Type.Optional(
        Type.String({ description: 'Canonical name or alias, in every jurisdiction.' }),
      ),
      kind: Type.Optional(AgencyKind),
      document: Type.Optional(
        Type.String({ description: 'Agencies named in this document (id or 发文字号).' }),
      ),
    },
    list: store.listAgencies,
    each: store.eachAgency,
    groups: (filter, request) => store.groups('agencies', filter, request),
    get: store.getAgency,
    dataVersion: () => store.dataVersion(),
  })
