// Progress writes over GraphQL: the same rules as REST (src/progress/writes.ts), with the same
// bearer token, and errors that carry REST's status and a code a GraphQL client can switch on.
import type { FastifyReply } from 'fastify'
import mercurius, { type IResolvers } from 'mercurius'
import { allowanceSpent, type WriteAllowance } from '../progress/allowance.js'
import type { ProgressEvents } from '../progress/events.js'
import {
  authenticate,
  changeTaskStatus,
  reportObservation,
  STATUS_OF_FAILURE,
  WriteError,
  type WriteFailure,
} from '../progress/writes.js'

const CODE_OF_FAILURE: Record<WriteFailure, string> = {
  unauthorized: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'precondition-required': 'PRECONDITION_REQUIRED',
  'precondition-failed': 'PRECONDITION_FAILED',
  'invalid-value': 'BAD_USER_INPUT',
  'read-only': 'READ_ONLY_REPLICA',
  'store-not-writable': 'STORE_NOT_WRITABLE',
}

/**
 * A refusal as the GraphQL error of its status; one the store could not take also sets
 * Retry-After and is logged, as over REST.
 */
function asGraphQLError(reply: FastifyReply, err: unknown): unknown {
  if (!(err instanceof WriteError)) return err
  if (err.retryAfterSeconds !== null) reply.header('retry-after', String(err.retryAfterSeconds))
  if (err.failure === 'store-not-writable') {
    reply.request.log.error({ err: err.cause }, `a write was refused: ${err.message}`)
  }
  return new mercurius.ErrorWithProps(
    err.message,
    {
      code: CODE_OF_FAILURE[err.failure],
      ...(err.invalidParams.length > 0 ? { invalidParams: err.invalidParams } : {}),
    },
    STATUS_OF_FAILURE[err.failure],
  )
}

async function write<T>(reply: FastifyReply, allowance: WriteAllowance, run: () => T) {
  const grant = await allowance(reply.request, reply)
  if (!grant.granted) {
    throw new mercurius.ErrorWithProps(allowanceSpent(grant), { code: 'RATE_LIMITED' }, 429)
  }
  try {
    return run()
  } catch (err) {
    throw asGraphQLError(reply, err)
  }
}

export function mutationResolvers(allowance: WriteAllowance, events: ProgressEvents): IResolvers {
  return {
    Mutation: {
      reportObservation: (_root, { targetId, input }, { store, reply }) =>
        write(reply, allowance, () =>
          reportObservation(
            store,
            authenticate(store, reply.request.headers.authorization),
            targetId,
            input,
            events,
          ),
        ),
      setTaskStatus: (_root, { taskId, status, note, ifMatch }, { store, reply }) =>
        write(reply, allowance, () =>
          changeTaskStatus(
            store,
            authenticate(store, reply.request.headers.authorization),
            taskId,
            { status, note },
            ifMatch,
            events,
          ),
        ),
    },
  }
}
