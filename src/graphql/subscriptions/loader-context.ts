// A context for running a document outside a request, with the loaders mercurius installs on the
// schema: its resolvers look up their batch loaders on `context.reply` under a symbol of
// mercurius' own, which it does not export, so it is read from the module that defines it.
import type { FastifyInstance } from 'fastify'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { kLoaders, kFactory } = require('mercurius/lib/symbols.js') as {
  kLoaders: symbol
  kFactory: symbol
}

interface LoaderFactory {
  create(context: object): unknown
}

/** A fresh context over `base`: one run's batches and caches, shared with no other run. */
export function loaderContext<T extends object>(app: FastifyInstance, base: T): T {
  const factory = (app as unknown as Record<symbol, LoaderFactory | undefined>)[kFactory]
  if (factory === undefined) throw new Error('mercurius has no loaders defined on this app')
  const context = { ...base, app, reply: { log: app.log } as Record<string | symbol, unknown> }
  context.reply[kLoaders] = factory.create(context)
  return context
}
