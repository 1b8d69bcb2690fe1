// Progress over REST: agencies report observations of targets and set the status of tasks with
// a bearer token; anyone reads them back, as JSON or CSV; administrators read the audit log.
import { Type, type TSchema } from '@sinclair/typebox'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  authenticate,
  changeTaskStatus,
  reportObservation,
  STATUS_OF_FAILURE,
  taskEtag,
  WriteError,
} from '../progress/writes.js'
import { allowanceSpent, type WriteAllowance } from '../progress/allowance.js'
import type { ProgressEvents } from '../progress/events.js'
import type { Page, PageRequest, Principal, Store } from '../store/index.js'
import { csvColumns, csvHeaders, csvStream } from '../http/csv.js'
import { sendStreamed } from '../http/streamed.js'
import { itemEnvelope, listEnvelope } from './envelope.js'
import { preferredFormat } from '../http/negotiation.js'
import { notAcceptable, problem, sendProblem } from '../http/problem.js'
import {
  AuditEntry,
  CsvText,
  IdParams,
  itemOf,
  listOf,
  NEEDS_TOKEN,
  Observation,
  Paging,
  problemResponse,
  StatusChange,
  Task,
  TaskStatus,
  TOO_MANY_REQUESTS,
} from './schemas.js'

/** A refused write as a problem; one the store could not take is logged, for operators. */
export function sendWriteError(request: FastifyRequest, reply: FastifyReply, error: WriteError) {
  const status = STATUS_OF_FAILURE[error.failure]
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="plan-progress"')
  if (error.retryAfterSeconds !== null) {
    reply.header('retry-after', String(error.retryAfterSeconds))
  }
  if (error.failure === 'store-not-writable') {
    request.log.error({ err: error.cause }, `a write was refused: ${error.message}`)
  }
  return sendProblem(
    reply,
    problem(status, error.failure, error.message, {
      instance: request.url,
      ...(error.invalidParams.length > 0 ? { invalidParams: error.invalidParams } : {}),
    }),
  )
}

/** Runs a write, answering its refusal as a problem. */
async function guarded(
  request: FastifyRequest,
  reply: FastifyReply,
  write: () => FastifyReply | object,
) {
  try {
    return write()
  } catch (err) {
    if (err instanceof WriteError) return sendWriteError(request, reply, err)
    throw err
  }
}

/**
 * A preHandler that counts the write against its token's allowance and answers 429 once it is
 * spent. After the body is validated: a write refused as malformed costs nothing.
 */
export function spendingAllowance(allowance: WriteAllowance) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const grant = await allowance(request, reply)
    if (grant.granted) return
    return sendProblem(
      reply,
      problem(429, 'too-many-requests', allowanceSpent(grant), { instance: request.url }),
    )
  }
}

/** A write this server cannot take: a replica's, or one its store cannot write now. */
export const WRITES_UNAVAILABLE = problemResponse(
  'A read-only replica (send writes to the primary), or a database that cannot take a write now (a read-only file, a full disk): the detail says why, Retry-After when to try again.',
)

const WRITE_ERRORS = {
  401: problemResponse('No token, or one that is unknown or revoked.'),
  403: problemResponse('The token’s agency is not a responsible unit here.'),
  404: problemResponse('No record has this id.'),
  422: problemResponse('A value the write cannot take; invalidParams names each.'),
  429: TOO_MANY_REQUESTS,
  503: WRITES_UNAVAILABLE,
}

const ListQuery = Type.Object(
  { limit: Type.Optional(Paging.limit), cursor: Type.Optional(Paging.cursor) },
  { additionalProperties: false },
)

/** A list under a record, as JSON pages or the whole list as CSV. */
function sendList<T>(
  request: FastifyRequest<{ Querystring: { limit?: number; cursor?: string } }>,
  reply: FastifyReply,
  list: {
    schema: TSchema & { properties: Record<string, TSchema> }
    file: string
    csv: boolean
    page: (limit: number, cursor?: string) => Page<T>
    all: () => Iterable<T>
    dataVersion: () => string
  },
) {
  reply.header('vary', 'Accept')
  const format = list.csv ? 'csv' : preferredFormat(request.headers.accept)
  if (format === null) return notAcceptable(request, reply)
  if (format === 'csv') {
    return sendStreamed(request, reply, {
      format: 'csv',
      headers: csvHeaders(list.file),
      body: csvStream(csvColumns(list.schema as never), list.all()),
      dataVersion: list.dataVersion(),
    })
  }
  const { limit = 50, cursor } = request.query
  return listEnvelope(request, reply, list.page(limit, cursor), limit)
}

/** A record's history (observations, status changes): JSON pages, or all of it as CSV. */
function historyRoutes<T>(
  app: FastifyInstance,
  spec: {
    path: string
    /** The names of its operations: the JSON pages, and the whole of it as CSV. */
    operationIds: { list: string; csv: string }
    summary: string
    description: string
    schema: TSchema & { properties: Record<string, TSchema> }
    noun: string
    name: (id: string) => string
    exists: (id: string) => boolean
    page: (id: string, page: PageRequest) => Page<T>
    all: (id: string) => Iterable<T>
    dataVersion: () => string
  },
) {
  for (const csv of [false, true]) {
    app.get<{ Params: { id: string }; Querystring: { limit?: number; cursor?: string } }>(
      `${spec.path}${csv ? '.csv' : ''}`,
      {
        schema: {
          tags: ['progress'],
          operationId: csv ? spec.operationIds.csv : spec.operationIds.list,
          summary: `${spec.summary}${csv ? ' as CSV' : ''}`,
          description: csv
            ? `${spec.description} All of them, unpaged.`
            : `${spec.description} All of them as CSV at ${spec.path.replace(':id', '{id}')}.csv, or here with Accept: text/csv.`,
          params: IdParams,
          querystring: ListQuery,
          response: {
            200: csv
              ? {
                  description: `${spec.summary}, as CSV.`,
                  content: { 'text/csv': { schema: CsvText } },
                }
              : {
                  description: `A page of ${spec.summary.toLowerCase()}.`,
                  content: { 'application/json': { schema: listOf(spec.schema) } },
                },
            400: problemResponse('limit or cursor is malformed, or a parameter is unknown.'),
            404: problemResponse(`No ${spec.noun} has this id.`),
            ...(csv
              ? {}
              : { 406: problemResponse('The Accept header allows neither JSON nor CSV.') }),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const id = request.params.id
        if (!spec.exists(id)) {
          const missing = new WriteError('not-found', `no ${spec.noun} with id ${id}`)
          return sendWriteError(request, reply, missing)
        }
        return sendList(request, reply, {
          schema: spec.schema,
          file: `${spec.name(id)}.csv`,
          csv,
          page: (limit, cursor) => spec.page(id, { limit, cursor }),
          all: () => spec.all(id),
          dataVersion: spec.dataVersion,
        })
      },
    )
  }
}

export const progressRoutes =
  (store: Store, allowance: WriteAllowance, events: ProgressEvents): FastifyPluginAsync =>
  async (app) => {
    const spending = spendingAllowance(allowance)

    app.post<{
      Params: { id: string }
      Body: { value: number; observedOn: string; note?: string; evidenceUrl?: string }
    }>(
      '/v1/targets/:id/observations',
      {
        preHandler: spending,
        schema: {
          tags: ['progress'],
          operationId: 'reportObservation',
          security: NEEDS_TOKEN,
          summary: 'Report an observation of a target',
          description:
            'Needs Authorization: Bearer TOKEN of an agency responsible for a task restating the target (or an admin token). A 201 means the observation is on disk.',
          params: IdParams,
          body: Type.Object(
            {
              value: Type.Number({ description: 'In the unit of the target.' }),
              observedOn: Type.String({ description: 'The date the value holds for, YYYY-MM-DD.' }),
              note: Type.Optional(Type.String({ maxLength: 2000 })),
              evidenceUrl: Type.Optional(Type.String({ maxLength: 2000 })),
            },
            { additionalProperties: false },
          ),
          response: {
            201: {
              description: 'The observation, at the URL in Location.',
              content: { 'application/json': { schema: itemOf(Observation) } },
            },
            ...WRITE_ERRORS,
          },
        },
      },
      async (request, reply) =>
        guarded(request, reply, () => {
          const principal = authenticate(store, request.headers.authorization)
          const observation = reportObservation(
            store,
            principal,
            request.params.id,
            request.body,
            events,
          )
          const self = `/v1/targets/${request.params.id}/observations/${observation.id}`
          reply.code(201).header('location', self)
          return { data: observation, links: { self } }
        }),
    )

    historyRoutes(app, {
      path: '/v1/targets/:id/observations',
      operationIds: { list: 'listObservations', csv: 'downloadObservationsCsv' },
      summary: "A target's observations",
      description: 'Newest first by the date they hold for.',
      schema: Observation,
      noun: 'target',
      name: (id) => `observations-${id}`,
      exists: (id) => store.getTarget(id) !== null,
      page: (id, page) => store.listObservations(id, page),
      all: (id) => store.eachObservation(id),
      dataVersion: () => store.dataVersion(),
    })

    app.get<{ Params: { id: string; observation: string } }>(
      '/v1/targets/:id/observations/:observation',
      {
        schema: {
          tags: ['progress'],
          operationId: 'getObservation',
          summary: 'One observation',
          description:
            'An observation of the target as reported; its URL is the Location its report was answered with.',
          params: Type.Object({
            id: Type.String({ description: 'The target’s id.' }),
            observation: Type.String({ description: 'The observation’s id.' }),
          }),
          response: {
            200: {
              description: 'The observation.',
              content: { 'application/json': { schema: itemOf(Observation) } },
            },
            404: problemResponse('No such observation of this target.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const found = store.getObservation(request.params.observation)
        if (!found || found.targetId !== request.params.id) {
          return sendWriteError(
            request,
            reply,
            new WriteError(
              'not-found',
              `no observation ${request.params.observation} of this target`,
            ),
          )
        }
        return itemEnvelope(request, found)
      },
    )

    app.put<{
      Params: { id: string }
      Body: { status: string; note?: string }
    }>(
      '/v1/tasks/:id/status',
      {
        preHandler: spending,
        schema: {
          tags: ['progress'],
          operationId: 'setTaskStatus',
          security: NEEDS_TOKEN,
          summary: 'Set the status of a task',
          description:
            'Needs Authorization: Bearer TOKEN of a responsible unit of the task (or an admin token) and If-Match with the task’s current ETag. A 200 means the change is on disk.',
          params: IdParams,
          headers: Type.Object({
            'if-match': Type.Optional(Type.String({ description: 'The task’s ETag, as read.' })),
          }),
          body: Type.Object(
            { status: TaskStatus, note: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: 'The task with its new status, and its new ETag.',
              content: { 'application/json': { schema: itemOf(Task) } },
            },
            ...WRITE_ERRORS,
            412: problemResponse('The task changed since the ETag in If-Match.'),
            428: problemResponse('If-Match is missing.'),
          },
        },
      },
      async (request, reply) =>
        guarded(request, reply, () => {
          const principal = authenticate(store, request.headers.authorization)
          const task = changeTaskStatus(
            store,
            principal,
            request.params.id,
            request.body,
            request.headers['if-match'],
            events,
          )
          reply.header('etag', taskEtag(task))
          return itemEnvelope(request, task)
        }),
    )

    historyRoutes(app, {
      path: '/v1/tasks/:id/status-history',
      operationIds: { list: 'listStatusHistory', csv: 'downloadStatusHistoryCsv' },
      summary: "A task's status changes",
      description: 'Newest first.',
      schema: StatusChange,
      noun: 'task',
      name: (id) => `status-history-${id}`,
      exists: (id) => store.getTask(id) !== null,
      page: (id, page) => store.listStatusChanges(id, page),
      all: (id) => store.eachStatusChange(id),
      dataVersion: () => store.dataVersion(),
    })

    app.get<{ Querystring: { limit?: number; cursor?: string } }>(
      '/v1/audit',
      {
        schema: {
          tags: ['progress'],
          operationId: 'listAuditEntries',
          security: NEEDS_TOKEN,
          summary: 'The audit log of every write',
          description:
            'Who wrote what, when, with the state before and after; newest first. Needs an admin token.',
          querystring: ListQuery,
          response: {
            200: {
              description: 'Audit entries.',
              content: { 'application/json': { schema: listOf(AuditEntry) } },
            },
            401: WRITE_ERRORS[401],
            403: problemResponse('The token is not an admin token.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) =>
        guarded(request, reply, () => {
          const principal: Principal = authenticate(store, request.headers.authorization)
          if (principal.role !== 'admin') {
            throw new WriteError('forbidden', 'the audit log is for administrators')
          }
          // Private to administrators: no shared cache may keep it.
          reply.header('cache-control', 'private, no-store')
          const { limit = 50, cursor } = request.query
          return listEnvelope(request, reply, store.listAudit({ limit, cursor }), limit)
        }),
    )
  }
