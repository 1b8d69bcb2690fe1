// Liveness and readiness for load balancers and orchestrators.
import type { FastifyPluginAsync } from 'fastify'
import type { Store } from '../store/index.js'
import { Type } from '@sinclair/typebox'
import { problem, sendProblem } from './problem.js'
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
          summary: 'Liveness: the process answers',
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
          summary: 'Readiness: the database is open and migrated',
          response: {
            200: Type.Object(
              { status: Type.Literal('ready') },
              { description: 'Ready to answer queries.' },
            ),
            503: problemResponse('The database is not open or not migrated.'),
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
        return { status: 'ready' as const }
      },
    )
  }
