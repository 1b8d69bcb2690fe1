// How GraphQL errors reach a client: with the status of what went wrong, and with nothing of our
// internals. Mercurius' own formatter answers 200 to many a refused request (several validation
// errors, an operation that cannot be chosen, variables graphql-jit rejects), and passes on the
// message of any exception a resolver meets.
import { GraphQLError, type ExecutionResult } from 'graphql'
import mercurius, { type MercuriusContext } from 'mercurius'

type FailedExecution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>

/** The HTTP status an error carries: a client error's 4xx, or a validation wrapper's. */
function statusOf(error: GraphQLError): number | undefined {
  const status = (error.originalError as { statusCode?: unknown } | undefined)?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

/**
 * An error our code did not mean for the client (a failed statement, a bug) is logged and
 * answered as an internal error; the client's own mistakes keep their messages.
 */
function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError
  return (
    original !== undefined &&
    original !== null &&
    !(original instanceof GraphQLError) &&
    !(original instanceof mercurius.ErrorWithProps) &&
    statusOf(error) === undefined &&
    !Array.isArray((original as { errors?: unknown }).errors)
  )
}

/**
 * The client's mistake: an error that says so with a 4xx, or one about the request as a whole
 * (no path: parsing, validation, choosing the operation, coercing variables) that is not ours.
 */
function isClientError(error: GraphQLError): boolean {
  return statusOf(error) !== undefined || (error.path === undefined && !isUnexpected(error))
}

export function formatErrors(execution: FailedExecution, context: MercuriusContext) {
  const errors = execution.errors.map((error) => {
    if (!isUnexpected(error)) return error
    context.reply?.log.error({ err: error.originalError }, 'a GraphQL resolver failed')
    return new GraphQLError('internal error', {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    })
  })
  // An answer with errors may differ on the next request: no cache keeps it.
  context.reply?.header('cache-control', 'no-store')
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, context)
  if (formatted.response.data) return formatted
  // Nothing to serve: a 4xx when the client is at fault, else a 5xx, so that monitoring sees it.
  if (execution.errors.every(isClientError)) {
    const status = execution.errors.map(statusOf).find((s) => s !== undefined)
    return { ...formatted, statusCode: status ?? 400 }
  }
  return { ...formatted, statusCode: 500 }
}
