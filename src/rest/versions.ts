// /v1/documents/{id}/versions and …/versions/{from}/diff/{to}: the texts a document has been
// loaded from, and what changed between two of them.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { notFound } from '../http/problem.js'
import type { Store } from '../store/index.js'
import {
  Id,
  itemOf,
  listOf,
  problemResponse,
  TOO_MANY_REQUESTS,
  Version,
  VersionDiff,
} from './schemas.js'

const VersionNumber = Type.Integer({ minimum: 1, description: 'A version number.' })

export const versionRoutes =
  (store: Store): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { id: string } }>(
      '/v1/documents/:id/versions',
      {
        schema: {
          tags: ['documents'],
          operationId: 'listDocumentVersions',
          summary: 'The versions of a document',
          description:
            'Each text the document was loaded from that changed what it serves, oldest first; the last is current. A re-ingest of a changed text adds one and keeps the one before.',
          params: Type.Object({ id: Id }, { additionalProperties: false }),
          response: {
            200: {
              description: 'Every version.',
              content: { 'application/json': { schema: listOf(Version) } },
            },
            404: problemResponse('No document has this id.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const versions = store.listVersions(request.params.id)
        if (versions.length === 0) return notFound(request, reply, 'document', request.params.id)
        return {
          data: versions,
          meta: { total: versions.length, limit: versions.length },
          links: { self: request.url, next: null },
        }
      },
    )
    app.get<{ Params: { id: string; from: number; to: number } }>(
      '/v1/documents/:id/versions/:from/diff/:to',
      {
        schema: {
          tags: ['documents'],
          operationId: 'diffDocumentVersions',
          summary: 'What changed between two versions of a document',
          description:
            'The sections, tasks and targets added, removed and changed from one version to another, with the fields that changed and how.',
          params: Type.Object(
            { id: Id, from: VersionNumber, to: VersionNumber },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: 'The differences.',
              content: { 'application/json': { schema: itemOf(VersionDiff) } },
            },
            400: problemResponse('A version is not a whole number from 1.'),
            404: problemResponse('No document has this id, or it has no such version.'),
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const { id, from, to } = request.params
        const diff = store.diffVersions(id, from, to)
        if (diff === null)
          return notFound(request, reply, 'version of document', `${id} ${from}/${to}`)
        return { data: diff, links: { self: request.url } }
      },
    )
  }
