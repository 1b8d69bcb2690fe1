import { Type } from '@sinclair/typebox'
import type { Store } from '../store/index.js'
import { resourceRoutes } from './resource.js'
import { Target } from './schemas.js'

export const targetRoutes = (store: Store) =>
  resourceRoutes({
    resource: 'targets',
    noun: 'target',
    item: Target,
    filters: {
      document: Type.Optional(Type.String({ description: 'Document id or 发文字号.' })),
      year: Type.Optional(
        Type.Integer({ minimum: 1900, maximum: 2200, description: 'The deadline year.' }),
      ),
      unit: Type.Optional(Type.String({ maxLength: 20, description: 'The unit, e.g. 人 or %.' })),
      section: Type.Optional(
        Type.String({ description: 'A section id: targets in it or in sections under it.' }),
      ),
      agency: Type.Optional(
        Type.String({
          description:
            'Agency id, canonical name or alias: targets of the tasks it is responsible for.',
        }),
      ),
      withdrawn: Type.Optional(
        Type.Boolean({ description: 'true: the targets the current text no longer states.' }),
      ),
      onTrack: Type.Optional(
        Type.Boolean({
          description:
            'progress.onTrack as served: true or false as the latest observation judges it. Targets with no observation, or none that can be judged (onTrack null), match neither.',
        }),
      ),
    },
    list: store.listTargets,
    each: store.eachTarget,
    groups: (filter, request) => store.groups('targets', filter, request),
    get: store.getTarget,
    dataVersion: () => store.dataVersion(),
  })
