// A document's file as loaded and the text read from it. The text is what every record's
// `source.line` counts in (the text the parser read from a page, PDF or DOCX), so a reader can
// check any fact against it; the original is the file as published.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { DocumentFile, Store } from '../store/index.js'
import { notFound, problem, sendProblem } from '../http/problem.js'
import { IdParams, problemResponse, TOO_MANY_REQUESTS } from './schemas.js'

const EXTENSION: Record<DocumentFile['format'], string> = {
  text: '.txt',
  html: '.html',
  pdf: '.pdf',
  docx: '.docx',
}

/** Content-Disposition with the file's own name, UTF-8 safe (RFC 6266, RFC 8187). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/** The file name to save as: the name it was loaded under, with its format's extension. */
function saveAs(file: DocumentFile, suffix = ''): string {
  const base = file.file.replace(/\.[A-Za-z0-9]{1,5}$/, '')
  return `${base}${suffix}${EXTENSION[file.format]}`
}

function fileOrProblem(
  store: Store,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): DocumentFile | FastifyReply {
  const id = request.params.id
  if (store.getDocument(id) === null) return notFound(request, reply, 'document', id)
  const file = store.getDocumentFile(id)
  if (file !== null) return file
  return sendProblem(
    reply,
    problem(
      404,
      'no-file-kept',
      `document ${id} was loaded before files were kept with their documents: ingest it again`,
      { instance: request.url },
    ),
  )
}

const NOT_FOUND = problemResponse('No document has this id, or its file was not kept.')

export const documentFileRoutes =
  (store: Store): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { id: string } }>(
      '/v1/documents/:id/source',
      {
        schema: {
          tags: ['documents'],
          operationId: 'getDocumentSource',
          summary: 'The text the parser read',
          description:
            'The plan text as the parser read it (extracted from a page, PDF or DOCX): every `source.line` of the document’s records is a line of this text, 1-based. For a PDF, `source.page` gives the page as well.',
          params: IdParams,
          response: {
            200: {
              description: 'The text, UTF-8.',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            404: NOT_FOUND,
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const file = fileOrProblem(store, request, reply)
        if (!('text' in file)) return file
        return (
          reply
            .type('text/plain; charset=utf-8')
            .header(
              'content-disposition',
              disposition('inline', saveAs({ ...file, format: 'text' }, '.source')),
            )
            .header('link', `</v1/documents/${request.params.id}>; rel="describes"`)
            // The text of an uploaded page may hold markup: never let a browser read it as HTML.
            .header('x-content-type-options', 'nosniff')
            .send(file.text)
        )
      },
    )

    app.get<{ Params: { id: string } }>(
      '/v1/documents/:id/original',
      {
        schema: {
          tags: ['documents'],
          operationId: 'getDocumentOriginal',
          summary: 'The file as loaded',
          description:
            'The plan file as it was loaded (text, web page, PDF or DOCX), byte for byte, with its media type; its sha256 is the document’s `source.sha256`.',
          params: IdParams,
          response: {
            200: {
              description: 'The file.',
              content: {
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                  schema: { type: 'string', format: 'binary' },
                },
                'text/html': { schema: { type: 'string', format: 'binary' } },
                'text/plain': { schema: { type: 'string', format: 'binary' } },
              },
            },
            404: NOT_FOUND,
            429: TOO_MANY_REQUESTS,
          },
        },
      },
      async (request, reply) => {
        const file = fileOrProblem(store, request, reply)
        if (!('text' in file)) return file
        // A page loaded by anyone must not run as this site's page: it is a download, and a
        // sandbox keeps its scripts from this origin even when a browser shows it.
        return reply
          .type(file.mediaType)
          .header('content-disposition', disposition('attachment', saveAs(file)))
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('x-content-type-options', 'nosniff')
          .send(file.original)
      },
    )
  }
