import { Type } from '@sinclair/typebox'
import { taskEtag } from '../progress/writes.js'
import type { Store } from '../store/index.js'
import { resourceRoutes } from './resource.js'
import { SearchText, Task, TaskStatusFilter } from './schemas.js'

export const taskRoutes = (store: Store) =>
  resourceRoutes({
    resource: 'tasks',
    noun: 'task',
    item: Task,
    filters: {
      document: Type.Optional(Type.String({ description: 'Document id or 发文字号.' })),
      agency: Type.Optional(
        Type.String({ description: 'A responsible unit: agency id, canonical name or alias.' }),
      ),
      item: Type.Optional(
        Type.String({ description: 'An action item the task restates: section id or number.' }),
      ),
      q: Type.Optional(
        SearchText('Text the task contains; words separated by spaces are each required.'),
      ),
      status: Type.Optional(TaskStatusFilter),
    },
    list: store.listTasks,
    each: store.eachTask,
    groups: (filter, request) => store.groups('tasks', filter, request),
    get: store.getTask,
    dataVersion: () => store.dataVersion(),
    // PUT /v1/tasks/{id}/status compares If-Match with this tag.
    etagOf: taskEtag,
  })
