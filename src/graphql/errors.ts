// How GraphQL errors reach a client: with the status of what went wrong, and with nothing of our
// internals. Mercurius' own formatter answers 200 to a request refused with several validation
// errors, and passes on the message of any exception a resolver meets.
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

export function formatErrors(execution: FailedExecution, context: MercuriusContext) {
  const errors = execution.errors.map((error) => {
    if (!isUnexpected(error)) return error
    context.reply?.log.error({ err: error.originalError }, 'a GraphQL resolver failed')
    return new GraphQLError('internal error', {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    })
  })
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, context)
  // Nothing to serve because of our own failure: a 5xx, so that monitoring sees it.
  if (!formatted.response.data && execution.errors.every(isUnexpected)) {
    return { ...formatted, statusCode: 500 }
  }
  // Nothing to serve, and the client is at fault: say so however many errors there are.
  const clientStatus = execution.errors.map(statusOf).find((s) => s !== undefined)
  if (!formatted.response.data && formatted.statusCode === 200 && clientStatus !== undefined) {
    return { ...formatted, statusCode: clientStatus }
  }
  return formatted
}
