// How GraphQL errors reach a client: with the status of what went wrong, and with nothing of our
// internals. Mercurius' own formatter answers 200 to many a refused request (several validation
// errors, an operation that cannot be chosen, variables graphql-jit rejects), and passes on the
// message of any exception a resolver meets.
import { GraphQLError, type ExecutionResult } from 'graphql'
import mercurius, { type MercuriusContext } from 'mercurius'

type FailedExecution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>

/**
 * The HTTP status an error carries on purpose: a client error's 4xx (a validation wrapper's
 * too), or 503 when this server declines the request (a read-only replica asked to write, or a
 * primary whose database cannot take a write now).
 */
function statusOf(error: GraphQLError): number | undefined {
  const status = (error.originalError as { statusCode?: unknown } | undefined)?.statusCode
  if (typeof status !== 'number') return undefined
  return (status >= 400 && status < 500) || status === 503 ? status : undefined
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
 * An error meant for the client: one that carries its status (the client's mistake, or the
 * server declining), or one about the request as a whole (no path: parsing, validation,
 * choosing the operation, coercing variables) that is not ours.
 */
function isIntendedForClient(error: GraphQLError): boolean {
  return statusOf(error) !== undefined || (error.path === undefined && !isUnexpected(error))
}

/**
 * The code of a client's error that graphql-js leaves without one, named as Apollo Server names
 * them: a syntax error; a variable whose value cannot be coerced to its type; any other
 * mistake of the document (a field or argument the schema lacks, a variable never used).
 */
function codeOfRequestError(error: { message: string }): string {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED'
  if (
    /^Variable "\$\w+" (got invalid value|of required type|of non-null type)/.test(error.message)
  ) {
    return 'BAD_USER_INPUT'
  }
  return 'GRAPHQL_VALIDATION_FAILED'
}

/** Errors as a client may see them: an unexpected one is logged, and sent as an internal error. */
export function withoutInternals(
  errors: readonly GraphQLError[],
  log: { error(details: object, message: string): void } | undefined,
): GraphQLError[] {
  return errors.map((error) => {
    if (!isUnexpected(error)) return error
    log?.error({ err: error.originalError }, 'a GraphQL resolver failed')
    return new GraphQLError('internal error', {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    })
  })
}

/**
 * The reply as mercurius' formatter sees it: its log takes an error's message, code and path,
 * not the error with its stack (unexpected errors were logged whole by withoutInternals).
 */
function withPlainErrorLog(reply: MercuriusContext['reply']): MercuriusContext['reply'] {
  const log = {
    info: ({ err }: { err?: GraphQLError }) => {
      // Validation errors come wrapped, each of the document's mistakes inside.
      const inner = (err?.originalError as { errors?: unknown } | undefined)?.errors
      const messages = Array.isArray(inner)
        ? inner.map((e) => String((e as { message?: unknown }).message))
        : [String(err?.message)]
      const graphqlError = { messages, code: err?.extensions?.code, path: err?.path }
      reply.log.info({ graphqlError }, messages.join('; '))
    },
  }
  return Object.assign(Object.create(reply) as MercuriusContext['reply'], { log })
}

export function formatErrors(execution: FailedExecution, context: MercuriusContext) {
  const errors = withoutInternals(execution.errors, context.reply?.log)
  // An answer with errors may differ on the next request: no cache keeps it.
  context.reply?.header('cache-control', 'no-store')
  // Mercurius logs each error with its stack; a client's mistake is logged as what it said.
  const formatted = mercurius.defaultErrorFormatter(
    { ...execution, errors },
    { ...context, reply: context.reply && withPlainErrorLog(context.reply) },
  )
  for (const error of formatted.response.errors ?? []) {
    if (error.path === undefined && error.extensions?.code === undefined) {
      Object.assign(error, { extensions: { ...error.extensions, code: codeOfRequestError(error) } })
    }
  }
  if (formatted.response.data) return formatted
  // Nothing to serve: the status meant (400 by default), or 500 when something failed, so that
  // monitoring sees it.
  if (execution.errors.every(isIntendedForClient)) {
    const status = execution.errors.map(statusOf).find((s) => s !== undefined)
    return { ...formatted, statusCode: status ?? 400 }
  }
  return { ...formatted, statusCode: 500 }
}
