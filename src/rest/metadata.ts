// What a data portal harvests and a newcomer reads first: the index at /, the DCAT-AP catalog at
// /catalog.jsonld (dcat.ts) and the Frictionless Data Package at /datapackage.json
// (datapackage.ts), both describing the datasets of datasets.ts from the loaded documents and
// the configuration.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { MetadataOptions } from '../config.js'
import type { CatalogFacts, Store } from '../store/index.js'
import { dataPackage } from './datapackage.js'
import { bothTitles, DATASETS } from './datasets.js'
import { catalog } from './dcat.js'
import { examplesOf } from './index-examples.js'
import { indexRoutes, PLANS_NAMED } from './index-page.js'

/**
 * The absolute address of this service: PUBLIC_URL where the operator set it; else as the client
 * reached it, and then the answer varies with the Host header, which a cache must know.
 */
export function baseUrlOf(options: MetadataOptions) {
  return (request: FastifyRequest, reply: FastifyReply): string => {
    if (options.publicUrl !== null) return options.publicUrl
    const vary = String(reply.getHeader('vary') ?? '')
    if (!/\bhost\b/i.test(vary)) reply.header('vary', vary === '' ? 'Host' : `${vary}, Host`)
    return `${request.protocol}://${request.host}`
  }
}

/** The configured publisher, else the loaded documents' issuers. */
export function publisherOf(options: MetadataOptions, facts: CatalogFacts): string {
  return options.publisher ?? (facts.issuers.join('、') || 'Plan open data API')
}

export const metadataRoutes =
  (store: Store, options: MetadataOptions): FastifyPluginAsync =>
  async (app) => {
    const baseUrl = baseUrlOf(options)
    const hidden = { schema: { hide: true } }
    await app.register(
      indexRoutes({
        title: 'Plan open data API',
        description:
          'Policy plans as data: documents, their outline, task lists, agencies, targets and data-quality findings, with the source line of every record.',
        entries: [
          ...DATASETS.map((d) => ({
            name: d.name,
            path: `/v1/${d.name}`,
            description: `${bothTitles(d)}: ${d.description.en} Also whole as CSV at /v1/${d.name}.csv, XLSX at /v1/${d.name}.xlsx and JSON Lines at /v1/${d.name}.jsonl.`,
          })),
          {
            name: 'search',
            path: '/v1/search?q=',
            description:
              'Full-text search of sections, tasks, targets, agencies and documents: words of any length from one character, each required.',
            takesValue: true,
          },
          {
            name: 'changes',
            path: '/v1/changes',
            description:
              'Every change to the data in order, since=SEQ for what came after one already read; the latest as Atom at /changes.atom.',
          },
          {
            name: 'changesAtom',
            path: '/changes.atom',
            description: 'The latest changes as Atom.',
          },
          { name: 'openapi', path: '/openapi.json', description: 'The REST API as OpenAPI 3.1.' },
          {
            name: 'docs',
            path: '/docs',
            description: 'The REST API documented, to try in the browser.',
          },
          {
            name: 'graphql',
            path: '/graphql',
            description: 'GraphQL: POST, or GET with ?query= for cacheable reads.',
          },
          {
            name: 'graphiql',
            path: '/graphiql',
            description:
              'GraphiQL, to explore the GraphQL API in the browser, with example queries.',
          },
          { name: 'schema', path: '/schema.graphql', description: 'The GraphQL schema (SDL).' },
          {
            name: 'catalog',
            path: '/catalog.jsonld',
            description: 'DCAT-AP catalog of the datasets, for data portals.',
          },
          {
            name: 'datapackage',
            path: '/datapackage.json',
            description: 'Frictionless Data Package of the CSV files.',
          },
          { name: 'health', path: '/healthz', description: 'Liveness; /readyz for readiness.' },
        ],
        baseUrl,
        content: () => ({ plans: store.planSummaries(PLANS_NAMED), examples: examplesOf(store) }),
        dataVersion: () => store.dataVersion(),
      }),
    )
    app.get('/catalog.jsonld', hidden, async (request, reply) => {
      reply.type('application/ld+json; charset=utf-8')
      const facts = store.catalogFacts()
      const base = baseUrl(request, reply)
      return JSON.stringify(catalog(base, facts, options, publisherOf(options, facts)))
    })
    app.get('/datapackage.json', hidden, async (request, reply) => {
      const facts = store.catalogFacts()
      return dataPackage(baseUrl(request, reply), facts, options, publisherOf(options, facts))
    })
  }
