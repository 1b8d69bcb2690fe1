// Cluster mode (CLUSTER_WORKERS > 1): the primary process prepares the database once, then forks
// workers that share the port; Node hands each new connection to a worker in turn. Reads need
// nothing from each other, but three things are machine-wide and pass through the primary:
// /metrics (the primary sums every worker's figures), the progressReported subscription (a write
// on one worker reaches subscribers on all), and shutdown (a signal to the primary drains every
// worker). A worker that dies is replaced.
import cluster, { type Worker } from 'node:cluster'
import { AggregatorRegistry } from 'prom-client'
import type { FastifyBaseLogger } from 'fastify'
import type { ProgressEvent, ProgressEvents } from '../progress/events.js'
import type { Metrics, MetricsSource } from './metrics.js'
import { SHUTDOWN_SIGNALS } from './shutdown.js'

const METRICS_REQUEST = 'plan:metrics-request'
const METRICS_RESPONSE = 'plan:metrics-response'
const PROGRESS = 'plan:progress'

type Message =
  | { type: typeof METRICS_REQUEST; id: number }
  | { type: typeof METRICS_RESPONSE; id: number; text?: string; error?: string }
  | { type: typeof PROGRESS; event: ProgressEvent }

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).type === 'string'
}

/** A worker that dies sooner than this after its start counts as failing to start. */
const EARLY_DEATH_MS = 5000
/** After this many early deaths in a row the primary gives up rather than fork forever. */
const MAX_EARLY_DEATHS = 3

export interface PrimaryOptions {
  workers: number
  shutdownTimeoutMs: number
  log: FastifyBaseLogger
}

/** Runs in the primary once the database is ready: forks, replaces, relays, and drains. */
export function runPrimary({ workers, shutdownTimeoutMs, log }: PrimaryOptions): void {
  const aggregator = new AggregatorRegistry()
  let stopping = false
  let earlyDeaths = 0
  const startedAt = new Map<Worker, number>()
  let listening = 0

  const fork = () => {
    const worker = cluster.fork()
    startedAt.set(worker, Date.now())
    worker.once('listening', (address) => {
      listening += 1
      if (listening === workers) {
        log.info({ workers, port: address.port }, `cluster ready: ${workers} workers listening`)
      }
    })
  }

  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage(message)) return
    if (message.type === METRICS_REQUEST) {
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_RESPONSE, id: message.id, text }),
        (err: Error) => worker.send({ type: METRICS_RESPONSE, id: message.id, error: err.message }),
      )
    } else if (message.type === PROGRESS) {
      for (const other of Object.values(cluster.workers ?? {})) {
        if (other && other !== worker && other.isConnected()) other.send(message)
      }
    }
  })

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0)
    startedAt.delete(worker)
    if (stopping) return
    earlyDeaths = lived < EARLY_DEATH_MS ? earlyDeaths + 1 : 0
    if (earlyDeaths >= MAX_EARLY_DEATHS) {
      log.fatal({ code, signal }, 'workers keep dying at start; the cluster stops')
      stopping = true
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
      process.exitCode = 1
      return
    }
    log.error({ pid: worker.process.pid, code, signal }, 'a worker died; starting another')
    fork()
  })

  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'stopping the cluster: each worker finishes its requests in flight')
    let failed = false
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined)
    // A worker may have exited already (Ctrl-C reaches every process of the terminal's group).
    const exits = running.map(
      (worker) =>
        new Promise<void>((resolve) => {
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
    }, shutdownTimeoutMs + 2000)
    void Promise.all(exits).then(() => {
      clearTimeout(guard)
      log.info({ failed }, 'cluster stopped')
      process.exit(failed ? 1 : 0)
    })
  }
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => stop(signal))

  for (let i = 0; i < workers; i += 1) fork()
}

/** In a worker: let the primary gather this worker's metrics for every /metrics answer. */
export function shareMetricsWithPrimary(metrics: Metrics): MetricsSource {
  AggregatorRegistry.setRegistries([metrics.registry])
  // Constructing it registers the worker's answer to the primary's requests for figures.
  new AggregatorRegistry()
  let nextId = 0
  const pending = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>()
  process.on('message', (message: unknown) => {
    if (!isMessage(message) || message.type !== METRICS_RESPONSE) return
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if (message.text !== undefined) waiting?.resolve(message.text)
    else waiting?.reject(new Error(`the primary could not gather metrics: ${message.error}`))
  })
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      process.send!({ type: METRICS_REQUEST, id } satisfies Message)
    })
}

/** In a worker: writes announced here reach the other workers' subscribers, and theirs arrive. */
export function shareProgressWithWorkers(events: ProgressEvents): void {
  const arrived = new WeakSet<ProgressEvent>()
  events.listen((event) => {
    if (!arrived.has(event)) process.send!({ type: PROGRESS, event } satisfies Message)
  })
  process.on('message', (message: unknown) => {
    if (!isMessage(message) || message.type !== PROGRESS) return
    arrived.add(message.event)
    events.report(message.event)
  })
}
