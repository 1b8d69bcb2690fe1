// Configuration from the environment, checked before anything starts: a bad value stops the
// start with one line naming the variable.
import type { ConnectionLimits } from './ops/connections.js'
import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import { getHeapStatistics } from 'node:v8'
import type { PressureOptions } from './ops/pressure.js'
import { configuredDatabasePath } from './paths.js'

/** Every variable the service reads; the README's table lists the same (a test holds both). */
export const ENVIRONMENT_VARIABLES = [
  'PORT',
  'HOST',
  'DB_PATH',
  'READ_ONLY',
  'LOG_LEVEL',
  'LOG_REQUESTS',
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
  'RESPONSE_CACHE_MB',
  'HOT_PATH',
  'HEADERS_TIMEOUT_SECONDS',
  'REQUEST_TIMEOUT_SECONDS',
  'MAX_CONNECTIONS_PER_CLIENT',
  'PUBLISHER',
  'LICENSE_TITLE',
  'LICENSE_URL',
  'CONTACT_EMAIL',
  'CONTACT_URL',
  'PUBLIC_URL',
  'METRICS_PORT',
  'METRICS_TOKEN',
] as const

export interface Config {
  port: number
  host: string
  dbPath: string
  logLevel: string
  /** A line per request received and answered, at info; off by default for its cost. */
  logRequests: boolean
  /** Kept answers written before the framework (true) or by its first hooks (false). */
  hotPath: boolean
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
  /** Bytes of read answers kept per process; 0 keeps none. */
  responseCacheBytes: number
  /** Time to send headers and a whole request; connections one address may hold. */
  connections: ConnectionLimits
  /** The operator port serving /metrics (on HOST); null when it is off. */
  metricsPort: number | null
  /** When set, /metrics is served on the public port too, to requests bearing it. */
  metricsToken: string | null
}

/** What the portal metadata (DCAT, Data Package) says of publisher and license. */
export interface MetadataOptions {
  /** Null: the issuers of the loaded documents. */
  publisher: string | null
  licenseTitle: string
  licenseUrl: string | null
  /** Whom to ask about the data (DCAT's contactPoint): an address, a page, or both. */
  contactEmail: string | null
  contactUrl: string | null
  /** PUBLIC_URL: the service's address in absolute links; null takes the request's Host. */
  publicUrl: string | null
}

/** An official document is outside copyright: Article 5 of the PRC Copyright Law. */
export const DEFAULT_LICENSE_TITLE =
  'Not subject to copyright: official documents of state organs (PRC Copyright Law, Article 5)'

/**
 * The license's address when LICENSE_TITLE is the default: Creative Commons' Public Domain Mark,
 * which labels a work free of known copyright (rather than waiving a right, as CC0 would).
 */
export const DEFAULT_LICENSE_URL = 'https://creativecommons.org/publicdomain/mark/1.0/'

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
  const dbPath = configuredDatabasePath(env)
  if (!existsSync(dirname(dbPath))) {
    throw new ConfigError(
      `DB_PATH must be in an existing folder; ${dirname(dbPath)} does not exist`,
    )
  }
  const max = wholeNumber(env, 'RATE_LIMIT_MAX', 1000, [1, 1e9])
  const windowSeconds = wholeNumber(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, [1, DAY])
  const writeMax = wholeNumber(env, 'WRITE_RATE_LIMIT_MAX', 60, [1, 1e9])
  return {
    port,
    host,
    dbPath,
    readOnly: readBoolean(env, 'READ_ONLY'),
    logLevel,
    logRequests: readBoolean(env, 'LOG_REQUESTS'),
    hotPath: readBoolean(env, 'HOT_PATH', true),
    rateLimit: { max, windowMs: windowSeconds * 1000 },
    writeRateLimit: { max: writeMax, windowMs: windowSeconds * 1000 },
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    pressure: {
      maxEventLoopDelayMs: wholeNumber(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, [0, 60_000]),
      maxHeapUsedBytes:
        wholeNumber(env, 'MAX_HEAP_USED_MB', defaultHeapCeilingMb(), [0, TERABYTE_IN_MB]) * MB,
      maxRssBytes: wholeNumber(env, 'MAX_RSS_MB', 0, [0, TERABYTE_IN_MB]) * MB,
      retryAfterSeconds: wholeNumber(env, 'RETRY_AFTER_SECONDS', 10, [1, HOUR]),
    },
    // Below `docker stop`'s 10 seconds, so that a drain that runs out says so before SIGKILL.
    shutdownTimeoutMs: wholeNumber(env, 'SHUTDOWN_TIMEOUT_SECONDS', 8, [1, HOUR]) * 1000,
    workers: readWorkers(env.CLUSTER_WORKERS),
    responseCacheBytes: wholeNumber(env, 'RESPONSE_CACHE_MB', 32, [0, 64 * 1024]) * MB,
    connections: {
      headersTimeoutMs: wholeNumber(env, 'HEADERS_TIMEOUT_SECONDS', 10, [1, HOUR]) * 1000,
      requestTimeoutMs: wholeNumber(env, 'REQUEST_TIMEOUT_SECONDS', 60, [1, HOUR]) * 1000,
      // Behind a proxy every connection comes from the proxy: its own limits apply instead.
      maxPerClient: wholeNumber(
        env,
        'MAX_CONNECTIONS_PER_CLIENT',
        readTrustProxy(env.TRUST_PROXY) === false ? 256 : 0,
        [0, 1e6],
      ),
    },
    metricsPort: readMetricsPort(env.METRICS_PORT, port),
    metricsToken: readMetricsToken(env.METRICS_TOKEN),
    metadata: {
      publisher: env.PUBLISHER || null,
      licenseTitle: env.LICENSE_TITLE || DEFAULT_LICENSE_TITLE,
      // Another license's address is not this one's: without LICENSE_URL it has none.
      licenseUrl: readUrl(env, 'LICENSE_URL') ?? (env.LICENSE_TITLE ? null : DEFAULT_LICENSE_URL),
      contactEmail: readEmail(env, 'CONTACT_EMAIL'),
      contactUrl: readUrl(env, 'CONTACT_URL'),
      publicUrl: readUrl(env, 'PUBLIC_URL')?.replace(/\/+$/, '') ?? null,
    },
  }
}

/**
 * A whole number within bounds that keep it meaningful (a timeout past setTimeout's range would
 * fire at once); when min is 0, 0 turns the check it sets off.
 */
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  [min, max]: [number, number],
): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    const off = min === 0 ? ' (0 turns it off)' : ''
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}${off}, not ${JSON.stringify(raw)}`,
    )
  }
  return value
}

const MB = 1024 * 1024
const TERABYTE_IN_MB = 1024 * 1024
const HOUR = 3600
const DAY = 24 * HOUR

/** Nine tenths of the heap V8 may grow to: past that, garbage collection runs nearly nonstop. */
function defaultHeapCeilingMb(): number {
  return Math.floor((getHeapStatistics().heap_size_limit * 0.9) / MB)
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, unset = false): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return unset
  if (raw === 'false' || raw === '0') return false
  if (raw === 'true' || raw === '1') return true
  throw new ConfigError(`${name} must be true or false, not ${JSON.stringify(raw)}`)
}

/** Prometheus exporters' customary port (OpenTelemetry's among them). */
const DEFAULT_METRICS_PORT = 9464

/** METRICS_PORT: a port other than PORT, or `off`. */
function readMetricsPort(raw: string | undefined, publicPort: number): number | null {
  if (raw === 'off') return null
  if (raw === undefined || raw === '') return DEFAULT_METRICS_PORT
  const value = Number(raw)
  if (
    !Number.isInteger(value) ||
    value < 0 ||
    value > 65535 ||
    (value === publicPort && value !== 0)
  ) {
    throw new ConfigError(
      `METRICS_PORT must be off or a port number from 0 to 65535 other than PORT, not ${JSON.stringify(raw)}`,
    )
  }
  return value
}

const MIN_TOKEN_LENGTH = 16

function readMetricsToken(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null
  if (raw.length < MIN_TOKEN_LENGTH || /\s/.test(raw)) {
    throw new ConfigError(
      `METRICS_TOKEN must be ${MIN_TOKEN_LENGTH} or more characters without spaces (openssl rand -hex 32 makes one), not one of ${raw.length}`,
    )
  }
  return raw
}

const MAX_WORKERS = 256

/** CLUSTER_WORKERS: a count, or `auto` for one per core this process may use. */
function readWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1
  if (raw === 'auto') return availableParallelism()
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > MAX_WORKERS) {
    throw new ConfigError(
      `CLUSTER_WORKERS must be auto or a whole number from 1 to ${MAX_WORKERS}, not ${JSON.stringify(raw)}`,
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

/** An e-mail address: something@somewhere, one address, no spaces. */
function readEmail(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]
  if (raw === undefined || raw === '') return null
  if (/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(raw)) return raw
  throw new ConfigError(`${name} must be an e-mail address, not ${JSON.stringify(raw)}`)
}

/** Names proxy-addr (Fastify's trust-proxy parser) knows for ranges of addresses. */
const ADDRESS_RANGES = ['loopback', 'linklocal', 'uniquelocal']

/** An address, or an address with a prefix length: 10.0.0.0/8, fd00::/8. */
function isAddressOrSubnet(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/')
  const version = isIP(address ?? '')
  if (version === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  const bits = Number(prefix)
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128)
}

function readTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return Number(raw)
  const parts = raw.split(',').map((p) => p.trim())
  if (parts.every((p) => ADDRESS_RANGES.includes(p) || isAddressOrSubnet(p))) return parts.join(',')
  throw new ConfigError(
    `TRUST_PROXY must be true, false, a hop count or proxy addresses, not ${JSON.stringify(raw)}`,
  )
}
