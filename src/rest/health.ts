// Liveness and readiness for load balancers and orchestrators.
import type { FastifyPluginAsync } from 'fastify'
import type { Store } from '../store/index.js'
import { problem, sendProblem } from './problem.js'

export const healthRoutes =
  (store: Store): FastifyPluginAsync =>
  async (app) => {
    // The process answers: nothing else is checked, so a slow disk never restarts a healthy pod.
    app.get('/healthz', async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return { status: 'ok' }
    })

    app.get('/readyz', async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      if (!store.isReady()) {
        return sendProblem(
          reply,
          problem(503, 'not-ready', 'the database is not open or not migrated'),
        )
      }
      return { status: 'ready' }
    })
  }
