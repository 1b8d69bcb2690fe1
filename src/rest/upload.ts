// POST /v1/documents: an administrator loads a plan file as published (a text, a saved portal
// page, a PDF, a DOCX), as `npm run ingest` does. The file is the body, sent with its media type,
// or the `file` part of a multipart form with an optional `meta` part (the JSON of --meta). A
// file that is not a plan gets 422 with the ingest's one-line reason, and the database is left
// as it was; a file of a 发文字号 already loaded replaces that document. DELETE
// /v1/documents/{id}: an administrator removes a document.
import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { readAliasDictionary, parsePublished, suppliedMetadataOf } from '../ingest/read.js'
import { PlanParseError } from '../ingest/errors.js'
import { formatOfMediaType } from '../ingest/formats/detect.js'
import { MAX_FILE_BYTES } from '../ingest/formats/extract.js'
import type { SuppliedMetadata } from '../ingest/parse.js'
import { aliasDictionaryPath } from '../paths.js'
import { authenticate, storeWrite, WriteError } from '../progress/writes.js'
import type { Principal, Store } from '../store/index.js'
import { notFound, problem, sendProblem } from '../http/problem.js'
import {
  Document,
  IdParams,
  itemOf,
  NEEDS_TOKEN,
  problemResponse,
  TOO_MANY_REQUESTS,
} from './schemas.js'
import { sendWriteError, spendingAllowance, WRITES_UNAVAILABLE } from './progress.js'
import type { WriteAllowance } from '../progress/allowance.js'

/** Media types taken as the body itself; the format is read from the bytes all the same. */
const FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/octet-stream',
]

/**
 * The request body as OpenAPI describes it (openapi.ts adds it to the route: the body is read as
 * bytes, not validated against a schema), so that /docs offers a file to send.
 */
export const UPLOAD_REQUEST_BODY = {
  required: true,
  content: {
    ...Object.fromEntries(
      FILE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: 'The plan file.' },
          meta: {
            type: 'string',
            description: 'JSON of number, issuer, issuedOn and sourceUrl, as --meta.',
          },
        },
      },
    },
  },
}

/** Room for a multipart form's boundaries and its metadata part around the file. */
const FORM_OVERHEAD = 256 * 1024

interface Upload {
  bytes: Buffer
  file: string
  mediaType: string | null
  supplied: SuppliedMetadata | undefined
}

/** A file name from Content-Disposition (filename* first, RFC 8187), without a path. */
function fileNameOf(header: string | undefined): string | null {
  if (header === undefined) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  let name: string | null = null
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!.trim())
    } catch {
      name = null
    }
  }
  name ??=
    /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header)?.slice(1).find(Boolean) ??
    null
  const base = name?.split(/[\\/]/).pop()?.trim()
  return base ? base.slice(0, 200) : null
}

async function readForm(request: FastifyRequest): Promise<Upload> {
  let upload: Omit<Upload, 'supplied'> | null = null
  let supplied: SuppliedMetadata | undefined
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') {
      upload = {
        bytes: await part.toBuffer(),
        file: part.filename.split(/[\\/]/).pop() || 'upload',
        mediaType: part.mimetype,
      }
    } else if (part.fieldname === 'meta') {
      const text =
        part.type === 'file' ? (await part.toBuffer()).toString('utf8') : String(part.value)
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch (err) {
        throw new PlanParseError('meta', null, `not JSON (${(err as Error).message})`)
      }
      supplied = suppliedMetadataOf(data, 'meta')
    } else {
      if (part.type === 'file') await part.toBuffer()
      throw new PlanParseError(
        part.fieldname,
        null,
        'unknown part: a form has a file part and an optional meta part',
      )
    }
  }
  if (upload === null) throw new PlanParseError('form', null, 'the form has no part named file')
  return { ...upload, supplied }
}

function readBody(request: FastifyRequest<{ Querystring: Record<string, string> }>): Upload {
  const mediaType = request.headers['content-type'] ?? null
  const format = mediaType === null ? null : formatOfMediaType(mediaType)
  const file =
    fileNameOf(request.headers['content-disposition']) ??
    `upload${format === null ? '' : `.${format === 'text' ? 'txt' : format}`}`
  const query = request.query
  const supplied =
    Object.keys(query).length > 0 ? suppliedMetadataOf(query, 'the query') : undefined
  return { bytes: request.body as Buffer, file, mediaType, supplied }
}

function requireAdmin(store: Store, request: FastifyRequest): Principal {
  const principal = authenticate(store, request.headers.authorization)
  if (principal.role !== 'admin') {
    throw new WriteError('forbidden', 'only an administrator token may load documents')
  }
  if (store.isReadOnly()) {
    throw new WriteError(
      'read-only',
      'this server is a read-only replica: send writes to the primary',
    )
  }
  return principal
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  type: string,
  detail: string,
) {
  return sendProblem(reply, problem(status, type, detail, { instance: request.url }))
}

export const uploadRoutes =
  (store: Store, allowance: WriteAllowance): FastifyPluginAsync =>
  async (app) => {
    const aliases = readAliasDictionary(aliasDictionaryPath)
    await app.register(multipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 1, parts: 2, fieldSize: 64 * 1024 },
      throwFileSizeLimit: true,
    })
    app.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_request, body, done) => done(null, body),
    )

    app.post<{ Querystring: Record<string, string> }>(
      '/v1/documents',
      {
        bodyLimit: MAX_FILE_BYTES + FORM_OVERHEAD,
        preHandler: spendingAllowance(allowance),
        schema: {
          tags: ['documents'],
          operationId: 'uploadDocument',
          security: NEEDS_TOKEN,
          summary: 'Load a plan file',
          description:
            'Needs an administrator’s Authorization: Bearer TOKEN. The body is the file (a plain text, a saved web page, a PDF or a DOCX, up to 30 MB) with its media type and, optionally, `Content-Disposition: attachment; filename=…`; the query may supply `number`, `issuer`, `issuedOn` and `sourceUrl` as `npm run ingest -- --meta` does. Or a multipart/form-data form with a `file` part and an optional `meta` part holding that JSON. The format is read from the file’s bytes. 201 with the document when it is new, 200 when it replaces the document of the same 发文字号; 422 with the ingest’s one-line reason when the file is not a plan, and then nothing is loaded.',
          querystring: Type.Object(
            {
              number: Type.Optional(Type.String({ description: '发文字号 the file lacks.' })),
              issuer: Type.Optional(Type.String({ description: '发文机关 the file lacks.' })),
              issuedOn: Type.Optional(Type.String({ description: 'YYYY-MM-DD.' })),
              sourceUrl: Type.Optional(Type.String({ description: 'Where it was published.' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: 'The document it replaced, as now loaded.',
              content: { 'application/json': { schema: itemOf(Document) } },
            },
            201: {
              description: 'The document, at the URL in Location.',
              content: { 'application/json': { schema: itemOf(Document) } },
            },
            401: problemResponse('No token, or one that is unknown or revoked.'),
            403: problemResponse('Not an administrator’s token.'),
            413: problemResponse('Over 30 MB.'),
            415: problemResponse('A media type that is no plan file.'),
            422: problemResponse('Not a plan, or metadata that is not valid: the one-line reason.'),
            429: TOO_MANY_REQUESTS,
            503: WRITES_UNAVAILABLE,
          },
        },
      },
      async (request, reply) => {
        let principal: Principal
        try {
          principal = requireAdmin(store, request)
        } catch (err) {
          if (err instanceof WriteError) return sendWriteError(request, reply, err)
          throw err
        }
        try {
          let upload: Upload
          if (request.isMultipart()) upload = await readForm(request)
          else if (Buffer.isBuffer(request.body)) upload = readBody(request)
          else {
            return refuse(
              request,
              reply,
              415,
              'unsupported-media-type',
              `send the file as the body with its media type (${FILE_TYPES.slice(0, 4).join(', ')} …) or as the file part of multipart/form-data`,
            )
          }
          const mediaType = upload.mediaType
          const plan = await parsePublished(upload.bytes, {
            file: upload.file,
            aliases,
            ...(upload.supplied ? { supplied: upload.supplied } : {}),
            claim: {
              format: mediaType === null ? null : formatOfMediaType(mediaType),
              as: `Content-Type ${mediaType?.split(';')[0]}`,
            },
          })
          const result = storeWrite(() => store.loadDocument(principal, plan))
          const self = `/v1/documents/${result.documentId}`
          reply.code(result.replaced ? 200 : 201).header('location', self)
          return { data: store.getDocument(result.documentId), links: { self } }
        } catch (err) {
          if (err instanceof PlanParseError)
            return refuse(request, reply, 422, 'not-a-plan', err.message)
          if (err instanceof WriteError) return sendWriteError(request, reply, err)
          throw err
        }
      },
    )
    app.delete<{ Params: { id: string } }>(
      '/v1/documents/:id',
      {
        preHandler: spendingAllowance(allowance),
        schema: {
          tags: ['documents'],
          operationId: 'removeDocument',
          summary: 'Remove a document (administrators)',
          description:
            'Needs an administrator’s Authorization: Bearer TOKEN. Removes the document with its sections, tasks, targets and findings, and the agencies no other document names; the change feed records each as removed. Its versions, and the observations and statuses reported, stay on record. 204 when removed.',
          security: NEEDS_TOKEN,
          params: IdParams,
          response: {
            204: { description: 'Removed.' },
            401: problemResponse('No token, or one that is unknown or revoked.'),
            403: problemResponse('Not an administrator’s token.'),
            404: problemResponse('No document has this id.'),
            429: TOO_MANY_REQUESTS,
            503: WRITES_UNAVAILABLE,
          },
        },
      },
      async (request, reply) => {
        try {
          const principal = requireAdmin(store, request)
          const removed = storeWrite(() => store.removeDocument(principal, request.params.id))
          if (!removed) return notFound(request, reply, 'document', request.params.id)
          return reply.code(204).send()
        } catch (err) {
          if (err instanceof WriteError) return sendWriteError(request, reply, err)
          throw err
        }
      },
    )
  }
