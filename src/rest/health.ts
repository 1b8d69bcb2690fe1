// Liveness and readiness for load balancers and orchestrators. Ready means able to do the work:
// the database open and migrated and, on a primary, able to take a write; a replica opened
// READ_ONLY is read-only on purpose and stays ready.
import type { FastifyPluginAsync } from 'fastify'
import type { Store } from '../store/index.js'
import { Type } from '@sinclair/typebox'
import { problem, sendProblem } from '../http/problem.js'
import { problemResponse } from './schemas.js'
import { LIVENESS_PATH, READINESS_PATH } from '../ops/operator-routes.js'

export const healthRoutes =
  (store: Store): FastifyPluginAsync =>
  async (app) => {
    // The process answers: nothing else is checked, so a slow disk never restarts a healthy pod.
    app.get(
      LIVENESS_PATH,
      {
        schema: {
          tags: ['health'],
          operationId: 'checkLiveness',
          summary: 'Liveness: the process answers',
          description:
            'For an orchestrator: 200 while the process answers. Nothing else is checked, and it is never rate limited.',
          response: {
            200: Type.Object({ status: Type.Literal('ok') }, { description: 'The process is up.' }),
          },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store')
        return { status: 'ok' as const }
      },
    )

    app.get(
      READINESS_PATH,
      {
        schema: {
          tags: ['health'],
          operationId: 'checkReadiness',
          summary: 'Readiness: the database is open, migrated and, unless READ_ONLY, writable',
          description:
            'For a load balancer: 200 when this server can do its work, else 503 with the reason. Never rate limited.',
          response: {
            200: Type.Object(
              { status: Type.Literal('ready') },
              { description: 'Ready to answer queries.' },
            ),
            503: problemResponse(
              'The database is not open or not migrated, or cannot take a write (a read-only file, a full disk): the detail says why.',
            ),
          },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store')
        if (!store.isReady()) {
          return sendProblem(
            reply,
            problem(503, 'not-ready', 'the database is not open or not migrated'),
          )
        }
        const notWritable = store.reasonNotWritable()
        if (notWritable !== null) {
          return sendProblem(
            reply,
            problem(503, 'store-not-writable', `the database cannot take a write: ${notWritable}`),
          )
        }
        return { status: 'ready' as const }
      },
    )
  }
