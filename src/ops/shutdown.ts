// Graceful shutdown: on SIGTERM or SIGINT stop accepting connections, let the requests in flight
// finish, close the database, exit 0. A request that outlives the timeout does not keep the
// process alive: it exits 1 and says so.
import type { FastifyBaseLogger } from 'fastify'

export interface ShutdownOptions {
  timeoutMs: number
  log: FastifyBaseLogger
  /**
   * A second signal ends the process at once (a person pressing Ctrl-C again). Not for a cluster
   * worker: Ctrl-C reaches it from the terminal and again from its primary.
   */
  forceOnSecondSignal: boolean
}

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const

/** Runs close() once on the first of the signals (or on shutdown(reason)), then exits. */
export function closeOnSignals(
  close: () => Promise<void>,
  options: ShutdownOptions,
): (reason: string) => void {
  let closing = false
  const shutdown = (reason: string) => {
    if (closing) {
      if (options.forceOnSecondSignal && reason !== 'disconnect') {
        options.log.warn({ reason }, 'stopping at once')
        process.exit(1)
      }
      return
    }
    closing = true
    options.log.info({ reason }, 'shutting down: finishing the requests in flight')
    const timer = setTimeout(() => {
      options.log.error(
        { timeoutMs: options.timeoutMs },
        'requests still in flight at the shutdown timeout; exiting',
      )
      process.exit(1)
    }, options.timeoutMs)
    close().then(
      () => {
        clearTimeout(timer)
        options.log.info('shut down cleanly')
        process.exit(0)
      },
      (err: unknown) => {
        options.log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => shutdown(signal))
  return shutdown
}
