// Configuration from the environment, checked before anything starts: a bad value stops the
// start with one line naming the variable.
import { resolve } from 'node:path'
import { defaultDatabasePath } from './paths.js'

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
  const max = positiveInteger(env, 'RATE_LIMIT_MAX', 1000)
  const windowSeconds = positiveInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', 60)
  const writeMax = positiveInteger(env, 'WRITE_RATE_LIMIT_MAX', 60)
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dbPath: env.DB_PATH ? resolve(env.DB_PATH) : defaultDatabasePath,
    logLevel,
    rateLimit: { max, windowMs: windowSeconds * 1000 },
    writeRateLimit: { max: writeMax, windowMs: windowSeconds * 1000 },
    trustProxy: readTrustProxy(env.TRUST_PROXY),
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
