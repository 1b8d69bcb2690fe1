// The OpenAPI 3 document at /openapi.json, generated from the routes' TypeBox schemas, and the
// human docs at /docs: Swagger UI served from this server's own files, so that it works on an
// intranet with no internet (no CDN, no online validator).
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../paths.js'
import { TOKEN_SCHEME } from './schemas.js'
import { UPLOAD_REQUEST_BODY } from './upload.js'

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string
}

const DESCRIPTION = `Open data of a city's policy plans: the documents, their outline (parts, chapters,
action items), the task list with its responsible agencies, the quantitative targets found in the
text, and data-quality findings. Every record has a stable id and the source line it comes from.

Lists are paged with \`limit\` and the opaque \`cursor\` of \`links.next\` (also in a \`Link\`
header) and are also served whole as CSV (\`PATH.csv\` or \`Accept: text/csv\`) and as JSON Lines
(\`PATH.jsonl\`). Errors are \`application/problem+json\` (RFC 9457). Reads carry strong ETags.

Reads are public. Writes, and the audit log, need \`Authorization: Bearer TOKEN\` with a token
from \`npm run token\`: in these docs, give it to Authorize.

The same records, linked to each other, are also served over GraphQL at \`/graphql\`: explore it
in GraphiQL at \`/graphiql\`; its schema is at \`/schema.graphql\`.`

/** Registered before the routes, so that every route is in the document. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    // A route whose body is bytes (an uploaded file) has no body schema to generate from.
    transformObject: (documents) => {
      if (!('openapiObject' in documents)) return documents.swaggerObject
      const upload = documents.openapiObject.paths?.['/v1/documents']?.post
      if (upload) upload.requestBody = UPLOAD_REQUEST_BODY as typeof upload.requestBody
      return documents.openapiObject
    },
    // Components are named by the schemas' $id (Task, Target, Problem), not def-0, def-1.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    openapi: {
      openapi: '3.1.0',
      // Relative, so true behind any host, scheme or port: Swagger UI and OpenAPI tools resolve
      // it against the address /openapi.json was read from, as the API's own links are relative.
      // A generated client is given its base URL anyway (openapi-fetch's baseUrl).
      servers: [{ url: '/', description: 'The server this document was read from.' }],
      // Public unless an operation says otherwise: the writes and the audit log name the token.
      security: [],
      info: {
        title: 'Plan open data API',
        version: pkg.version,
        description: DESCRIPTION,
        license: {
          name: 'Official documents are not subject to copyright (PRC Copyright Law, Article 5)',
        },
      },
      components: {
        securitySchemes: {
          [TOKEN_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A token from `npm run token -- create` (an agency’s, or --admin for uploads and the audit log), sent as Authorization: Bearer TOKEN.',
          },
        },
      },
      tags: [
        { name: 'documents', description: 'Plan documents (the notice and the plan it issues).' },
        { name: 'sections', description: 'Parts 一、, chapters （一） and action items 1.' },
        { name: 'tasks', description: 'Rows of the task list (工作任务清单).' },
        { name: 'agencies', description: 'Responsible units (责任单位), one per canonical name.' },
        { name: 'targets', description: 'Quantitative commitments found in the text.' },
        { name: 'findings', description: 'Data-quality findings, with the lines they concern.' },
        { name: 'search', description: 'Full-text search, Chinese queries of any length.' },
        {
          name: 'progress',
          description:
            'Progress the responsible agencies report: observations of targets, status of tasks, and the audit log. Writes need Authorization: Bearer TOKEN.',
        },
        {
          name: 'changes',
          description: 'Every change to the data in order, for harvesters that keep a copy.',
        },
        { name: 'health', description: 'Liveness and readiness.' },
      ],
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, validatorUrl: null },
    // The page may load only from this server: no font or style from https:, no online
    // validator badge, so that it renders the same with no internet.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/ https:/g, '')
        .replace(/ validator\.swagger\.io/g, '')
        // An intranet serves plain http: upgrading the page's requests would leave it blank.
        .replace(/ ?upgrade-insecure-requests;?/g, '')
        // Swagger UI's logo carries this one inline <style>; its hash admits it and nothing else.
        .replace(
          "style-src 'self'",
          "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
        ),
  })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
