// Configuration from the environment, checked before anything starts: a bad value stops the
// start with one line naming the variable.
import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { dirname, resolve } from 'node:path'
import { getHeapStatistics } from 'node:v8'
import type { PressureOptions } from './ops/pressure.js'
import { defaultDatabasePath } from './paths.js'

/** Every variable the service reads; the README's table lists the same (a test holds both). */
export const ENVIRONMENT_VARIABLES = [
  'PORT',
  'HOST',
  'DB_PATH',
  'READ_ONLY',
  'LOG_LEVEL',
  'RATE_LIMIT_MAX',
  'RATE_LIMIT_WINDOW_SECONDS',
  'WRITE_RATE_LIMIT_MAX',
  'TRUST_PROXY',
  'MAX_EVENT_LOOP_DELAY_MS',
  'MAX_HEAP_USED_MB',
  'MAX_RSS_MB',
  'RETRY_AFTER_SECONDS',
  'SHUTDOWN_TIMEOUT_SECONDS',
  'CLUSTER_WORKERS',
  'PUBLISHER',
  'LICENSE_TITLE',
  'LICENSE_URL',
] as const

export interface Config {
  port: number
  host: string
  dbPath: string
  logLevel: string
  rateLimit: { max: number; windowMs: number }
  /** Progress writes per token and window, apart from the reads' limit. */
  writeRateLimit: { max: number; windowMs: number }
  metadata: MetadataOptions
  /** TRUST_PROXY: false, true, a hop count, or addresses/CIDRs of the proxies (comma-separated). */
  trustProxy: boolean | number | string
  /** A read replica: the database is opened read-only and writes are refused with 503. */
  readOnly: boolean
  pressure: PressureOptions
  /** How long in-flight requests may take to finish after SIGTERM before the process exits. */
  shutdownTimeoutMs: number
  /** Processes serving the port; more than 1 is cluster mode. */
  workers: number
}

/** What the portal metadata (DCAT, Data Package) says of publisher and license. */
export interface MetadataOptions {
  /** Null: the issuers of the loaded documents. */
  publisher: string | null
  licenseTitle: string
  licenseUrl: string | null
}

/** An official document is outside copyright: Article 5 of the PRC Copyright Law. */
export const DEFAULT_LICENSE_TITLE =
  'Not subject to copyright: official documents of state organs (PRC Copyright Law, Article 5)'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      `PORT must be a port number from 0 to 65535, not ${JSON.stringify(env.PORT)}`,
    )
  }
  const logLevel = env.LOG_LEVEL || 'info'
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(logLevel)}`,
    )
  }
  const host = env.HOST || '127.0.0.1'
  if (isIP(host) === 0 && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(host)) {
    throw new ConfigError(`HOST must be an IP address or a host name, not ${JSON.stringify(host)}`)
  }
  const dbPath = env.DB_PATH ? resolve(env.DB_PATH) : defaultDatabasePath
  if (!existsSync(dirname(dbPath))) {
    throw new ConfigError(
      `DB_PATH must be in an existing folder; ${dirname(dbPath)} does not exist`,
    )
  }
  const max = positiveInteger(env, 'RATE_LIMIT_MAX', 1000)
  const windowSeconds = positiveInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', 60)
  const writeMax = positiveInteger(env, 'WRITE_RATE_LIMIT_MAX', 60)
  return {
    port,
    host,
    dbPath,
    readOnly: readBoolean(env, 'READ_ONLY'),
    logLevel,
    rateLimit: { max, windowMs: windowSeconds * 1000 },
    writeRateLimit: { max: writeMax, windowMs: windowSeconds * 1000 },
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    pressure: {
      maxEventLoopDelayMs: wholeNumber(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000),
      maxHeapUsedBytes: wholeNumber(env, 'MAX_HEAP_USED_MB', defaultHeapCeilingMb()) * MB,
      maxRssBytes: wholeNumber(env, 'MAX_RSS_MB', 0) * MB,
      retryAfterSeconds: positiveInteger(env, 'RETRY_AFTER_SECONDS', 10),
    },
    shutdownTimeoutMs: positiveInteger(env, 'SHUTDOWN_TIMEOUT_SECONDS', 10) * 1000,
    workers: readWorkers(env.CLUSTER_WORKERS),
    metadata: {
      publisher: env.PUBLISHER || null,
      licenseTitle: env.LICENSE_TITLE || DEFAULT_LICENSE_TITLE,
      licenseUrl: readUrl(env, 'LICENSE_URL'),
    },
  }
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(
      `${name} must be a whole number of at least 1, not ${JSON.stringify(raw)}`,
    )
  }
  return value
}

const MB = 1024 * 1024

/** Nine tenths of the heap V8 may grow to: past that, garbage collection runs nearly nonstop. */
function defaultHeapCeilingMb(): number {
  return Math.floor((getHeapStatistics().heap_size_limit * 0.9) / MB)
}

/** A whole number of 0 or more; 0 turns a check off. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(
      `${name} must be a whole number (0 turns it off), not ${JSON.stringify(raw)}`,
    )
  }
  return value
}

function readBoolean(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false
  if (raw === 'true' || raw === '1') return true
  throw new ConfigError(`${name} must be true or false, not ${JSON.stringify(raw)}`)
}

/** CLUSTER_WORKERS: a count, or `auto` for one per core this process may use. */
function readWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1
  if (raw === 'auto') return availableParallelism()
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(
      `CLUSTER_WORKERS must be auto or a whole number of at least 1, not ${JSON.stringify(raw)}`,
    )
  }
  return value
}

function readUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]
  if (raw === undefined || raw === '') return null
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL, not ${JSON.stringify(raw)}`)
}

function readTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return Number(raw)
  if (/^[\d.:a-fA-F/,\s]+$/.test(raw)) return raw
  throw new ConfigError(
    `TRUST_PROXY must be true, false, a hop count or proxy addresses, not ${JSON.stringify(raw)}`,
  )
}
