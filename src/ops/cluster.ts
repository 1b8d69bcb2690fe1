// Cluster mode (CLUSTER_WORKERS > 1): the primary process prepares the database once, then forks
// workers that share the port; Node hands each new connection to a worker in turn. Reads need
// nothing from each other, but three things are machine-wide and pass through the primary:
// /metrics (the primary gathers every ready worker's figures), the progressReported subscription
// (a write on one worker reaches subscribers on all), and shutdown (a signal to the primary
// drains every worker). A worker that dies is replaced in its slot.
import cluster, { type Worker } from 'node:cluster'
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client'
import type { FastifyBaseLogger } from 'fastify'
import type { ProgressEvent, ProgressEvents } from '../progress/events.js'
import type { Metrics, MetricsSource } from './metrics.js'
import { SHUTDOWN_SIGNALS } from './shutdown.js'

type WorkerMetrics = MetricObjectWithValues<MetricValue<string>>[]

/** Worker to primary: its figures can be asked for; a /metrics request; a committed write. */
type ToPrimary =
  | { type: 'plan:metrics-ready' }
  | { type: 'plan:metrics-request'; id: number }
  | { type: 'plan:figures'; id: number; figures: WorkerMetrics }
  | { type: 'plan:progress'; event: ProgressEvent }

/** Primary to worker: the machine's metrics text; a request for its figures; a relayed write. */
type ToWorker =
  | { type: 'plan:metrics-response'; id: number; text: string }
  | { type: 'plan:figures-request'; id: number }
  | { type: 'plan:progress'; event: ProgressEvent }

function isMessage<T extends { type: string }>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && typeof (value as T).type === 'string'
}

/** The slot of a worker: its replacement takes the same one, and its series keep their label. */
export const WORKER_SLOT_VARIABLE = 'PLAN_WORKER_SLOT'

/** A worker that dies sooner than this after its start counts as failing to start. */
const EARLY_DEATH_MS = 5000
/** After this many early deaths in a row the primary gives up rather than fork forever. */
const MAX_EARLY_DEATHS = 3
/** How long the primary waits for a worker's figures; one that is late is left out. */
const FIGURES_TIMEOUT_MS = 2000

export interface PrimaryOptions {
  workers: number
  shutdownTimeoutMs: number
  log: FastifyBaseLogger
}

/** Runs in the primary once the database is ready: forks, replaces, relays, and drains. */
export function runPrimary({ workers, shutdownTimeoutMs, log }: PrimaryOptions): void {
  let stopping = false
  let earlyDeaths = 0
  let listening = 0
  const slots = new Map<Worker, { slot: number; startedAt: number }>()
  /** Workers that have said their figures can be asked for (a booting one cannot answer). */
  const measurable = new Set<Worker>()
  const waitingForFigures = new Map<number, (figures: WorkerMetrics | null) => void>()
  let nextFiguresId = 0

  /** A send that never throws: a worker may die between a check and a send. */
  const tell = (worker: Worker, message: ToWorker) => {
    if (!worker.isConnected()) return
    worker.send(message, (err: Error | null) => {
      if (err) log.warn({ err, workerPid: worker.process.pid }, 'a worker could not be told')
    })
  }

  const fork = (slot: number) => {
    const worker = cluster.fork({ [WORKER_SLOT_VARIABLE]: String(slot) })
    slots.set(worker, { slot, startedAt: Date.now() })
    // An IPC error (the channel closed under a send) must not end the primary.
    worker.on('error', (err) => log.warn({ err, workerPid: worker.process.pid }, 'worker IPC'))
    worker.once('listening', (address) => {
      listening += 1
      if (listening === workers) {
        log.info({ workers, port: address.port }, `cluster ready: ${workers} workers listening`)
      }
    })
  }

  /** One worker's figures, or null when it does not answer in time. */
  const figuresOf = (worker: Worker) =>
    new Promise<WorkerMetrics | null>((resolve) => {
      const id = nextFiguresId++
      const timer = setTimeout(() => done(null), FIGURES_TIMEOUT_MS)
      const done = (figures: WorkerMetrics | null) => {
        clearTimeout(timer)
        waitingForFigures.delete(id)
        resolve(figures)
      }
      waitingForFigures.set(id, done)
      tell(worker, { type: 'plan:figures-request', id })
    })

  const machineMetrics = async (): Promise<string> => {
    const answers = await Promise.all([...measurable].map(figuresOf))
    const figures = answers.filter((a): a is WorkerMetrics => a !== null)
    return AggregatorRegistry.aggregate(figures).metrics()
  }

  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage<ToPrimary>(message)) return
    if (message.type === 'plan:metrics-ready') {
      measurable.add(worker)
    } else if (message.type === 'plan:figures') {
      waitingForFigures.get(message.id)?.(message.figures)
    } else if (message.type === 'plan:metrics-request') {
      void machineMetrics().then((text) =>
        tell(worker, { type: 'plan:metrics-response', id: message.id, text }),
      )
    } else if (message.type === 'plan:progress') {
      for (const other of Object.values(cluster.workers ?? {})) {
        if (other && other !== worker) tell(other, message)
      }
    }
  })

  cluster.on('exit', (worker, code, signal) => {
    measurable.delete(worker)
    const { slot, startedAt } = slots.get(worker)!
    slots.delete(worker)
    if (stopping) return
    earlyDeaths = Date.now() - startedAt < EARLY_DEATH_MS ? earlyDeaths + 1 : 0
    if (earlyDeaths >= MAX_EARLY_DEATHS) {
      log.fatal({ code, signal }, 'workers keep dying at start; the cluster stops')
      stopping = true
      for (const other of slots.keys()) other.process.kill('SIGTERM')
      process.exitCode = 1
      return
    }
    log.error(
      { workerPid: worker.process.pid, slot, code, signal },
      'a worker died; starting another',
    )
    fork(slot)
  })

  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: stop now, as a single process does.
      log.warn({ signal }, 'stopping at once')
      for (const worker of slots.keys()) worker.process.kill('SIGKILL')
      process.exit(1)
    }
    stopping = true
    log.info({ signal }, 'stopping the cluster: each worker finishes its requests in flight')
    let failed = false
    const running = [...slots.keys()]
    const exits = running.map(
      (worker) =>
        new Promise<void>((resolve) => {
          // A worker may have exited already (Ctrl-C reaches every process of the terminal).
          if (worker.isDead()) return resolve()
          worker.once('exit', (code) => {
            if (code !== 0) failed = true
            resolve()
          })
          worker.process.kill('SIGTERM')
        }),
    )
    // Workers exit on their own timeout; this one only guards against a worker that hangs.
    const guard = setTimeout(() => {
      log.error('workers still running after the shutdown timeout; killing them')
      for (const worker of running) worker.process.kill('SIGKILL')
      process.exit(1)
    }, shutdownTimeoutMs + 1000)
    void Promise.all(exits).then(() => {
      clearTimeout(guard)
      log.info({ failed }, 'cluster stopped')
      process.exit(failed ? 1 : 0)
    })
  }
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => stop(signal))

  for (let slot = 0; slot < workers; slot += 1) fork(slot)
}

/** A send to the primary that never throws: it may be gone while this worker drains. */
function tellPrimary(message: ToPrimary): boolean {
  if (!process.connected) return false
  process.send!(message, undefined, {}, () => {})
  return true
}

/**
 * In a worker: label this worker's series with its slot, answer the primary's requests for its
 * figures, and get the machine's /metrics text from the primary.
 */
export function shareMetricsWithPrimary(metrics: Metrics): MetricsSource {
  // Per-slot series: when a worker is replaced its counters restart in their own series, which
  // Prometheus reads as a reset, instead of dropping a machine-wide sum.
  metrics.registry.setDefaultLabels({ worker: process.env[WORKER_SLOT_VARIABLE] ?? '0' })
  let nextId = 0
  const pending = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>()
  const failAll = (reason: string) => {
    for (const waiting of pending.values()) waiting.reject(new Error(reason))
    pending.clear()
  }
  process.on('disconnect', () => failAll('the cluster primary is gone'))
  process.on('message', (message: unknown) => {
    if (!isMessage<ToWorker>(message)) return
    if (message.type === 'plan:figures-request') {
      void metrics.registry
        .getMetricsAsJSON()
        .then((figures) => tellPrimary({ type: 'plan:figures', id: message.id, figures }))
    } else if (message.type === 'plan:metrics-response') {
      pending.get(message.id)?.resolve(message.text)
      pending.delete(message.id)
    }
  })
  tellPrimary({ type: 'plan:metrics-ready' })
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new Error('the cluster primary did not answer for the metrics'))
      }, FIGURES_TIMEOUT_MS * 2)
      pending.set(id, {
        resolve: (text) => {
          clearTimeout(timer)
          resolve(text)
        },
        reject: (err) => {
          clearTimeout(timer)
          reject(err)
        },
      })
      if (!tellPrimary({ type: 'plan:metrics-request', id })) {
        pending.get(id)!.reject(new Error('the cluster primary is gone'))
        pending.delete(id)
      }
    })
}

/** In a worker: writes announced here reach the other workers' subscribers, and theirs arrive. */
export function shareProgressWithWorkers(events: ProgressEvents): void {
  const arrived = new WeakSet<ProgressEvent>()
  events.listen((event) => {
    if (!arrived.has(event)) tellPrimary({ type: 'plan:progress', event })
  })
  process.on('message', (message: unknown) => {
    if (!isMessage<ToWorker>(message) || message.type !== 'plan:progress') return
    arrived.add(message.event)
    events.report(message.event)
  })
}
