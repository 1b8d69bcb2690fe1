import { Type } from '@sinclair/typebox'
import type { Store } from '../store/index.js'
import { resourceRoutes } from './resource.js'
import { Document } from './schemas.js'

export const documentRoutes = (store: Store) =>
  resourceRoutes({
    resource: 'documents',
    noun: 'document',
    item: Document,
    filters: {
      number: Type.Optional(Type.String({ description: '发文字号, e.g. 某政办〔2024〕1号' })),
    },
    list: store.listDocuments,
    each: store.eachDocument,
    groups: (filter, request) => store.groups('documents', filter, request),
    get: store.getDocument,
    dataVersion: () => store.dataVersion(),
  })
