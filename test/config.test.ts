// The configuration: every variable read is documented in the README, and a bad value of any of
// them stops the start with one line naming it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { ConfigError, ENVIRONMENT_VARIABLES, readConfig } from '../src/config.js'
import { projectRoot } from '../src/paths.js'
import { cacheOfSize } from '../src/http/answer-cache.js'

/** The variables readConfig asks the environment for. */
function variablesRead(): string[] {
  const asked = new Set<string>()
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, name) => {
      if (typeof name === 'string') asked.add(name)
      return undefined
    },
  })
  readConfig(env)
  return [...asked].sort()
}

/** The variables in the first column of the README's configuration table. */
function variablesDocumented(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const section = readme.split('## Configuration')[1]!.split('\n## ')[0]!
  return [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]!).sort()
}

t.test('the README documents exactly the variables the service reads', async (t) => {
  t.same(variablesRead(), [...ENVIRONMENT_VARIABLES].sort())
  t.same(variablesDocumented(), [...ENVIRONMENT_VARIABLES].sort())
})

const BAD_VALUES: Record<(typeof ENVIRONMENT_VARIABLES)[number], string | null> = {
  PORT: '70000',
  HOST: 'not a host!',
  DB_PATH: '/no/such/folder/plan.db',
  READ_ONLY: 'yes please',
  LOG_LEVEL: 'loud',
  LOG_REQUESTS: 'sometimes',
  HOT_PATH: 'off',
  RATE_LIMIT_MAX: '0',
  RATE_LIMIT_WINDOW_SECONDS: '1.5',
  WRITE_RATE_LIMIT_MAX: 'many',
  TRUST_PROXY: 'abc',
  MAX_EVENT_LOOP_DELAY_MS: '-5',
  MAX_HEAP_USED_MB: 'half',
  MAX_RSS_MB: '1e3.5',
  RETRY_AFTER_SECONDS: '0',
  SHUTDOWN_TIMEOUT_SECONDS: '3000000',
  CLUSTER_WORKERS: '100000',
  RESPONSE_CACHE_MB: '-1',
  HEADERS_TIMEOUT_SECONDS: '0',
  REQUEST_TIMEOUT_SECONDS: 'forever',
  MAX_CONNECTIONS_PER_CLIENT: '-3',
  LICENSE_URL: 'ftp://example.org/license',
  CONTACT_EMAIL: 'open data at example.gov.cn',
  CONTACT_URL: 'mailto:opendata@example.gov.cn',
  PUBLIC_URL: 'data.example.gov.cn',
  METRICS_PORT: 'on',
  METRICS_TOKEN: 'short',
  // Free text: any value is valid.
  PUBLISHER: null,
  LICENSE_TITLE: null,
}

t.test('a bad value of any variable is one line that names it', async (t) => {
  for (const [name, bad] of Object.entries(BAD_VALUES)) {
    if (bad === null) continue
    try {
      readConfig({ [name]: bad })
      t.fail(`${name}=${bad} was accepted`)
    } catch (err) {
      t.type(err, ConfigError)
      const message = (err as Error).message
      t.ok(message.startsWith(`${name} `), `${name}: ${message}`)
      t.notOk(message.includes('\n'), 'one line')
    }
  }
})

t.test('values past what makes sense are refused too', async (t) => {
  const refused = {
    SHUTDOWN_TIMEOUT_SECONDS: 'never',
    RATE_LIMIT_WINDOW_SECONDS: '100000000',
    MAX_EVENT_LOOP_DELAY_MS: '1e9',
    CLUSTER_WORKERS: '0',
    TRUST_PROXY: '10.0.0.0/33',
  }
  for (const [name, bad] of Object.entries(refused)) {
    t.throws(() => readConfig({ [name]: bad }), new RegExp(`^${name} must be`), `${name}=${bad}`)
  }
})

t.test('good values are read as meant', async (t) => {
  const config = readConfig({
    HOST: '0.0.0.0',
    READ_ONLY: 'true',
    CLUSTER_WORKERS: '3',
    SHUTDOWN_TIMEOUT_SECONDS: '25',
  })
  t.equal(config.host, '0.0.0.0')
  t.equal(config.readOnly, true)
  t.equal(config.workers, 3)
  t.equal(config.shutdownTimeoutMs, 25_000)
  t.ok(readConfig({ CLUSTER_WORKERS: 'auto' }).workers >= 1, 'auto: one per core')
  t.equal(readConfig({}).workers, 1, 'one process by default')
  t.equal(readConfig({}).readOnly, false)
  t.equal(readConfig({}).shutdownTimeoutMs, 8000, 'below docker stop’s 10 seconds')
  t.equal(readConfig({}).hotPath, true, 'kept answers before the framework by default')
  t.equal(readConfig({ HOT_PATH: 'false' }).hotPath, false)
  t.equal(
    readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy,
    'loopback,10.0.0.0/8,fd00::/8',
  )
})

t.test('RESPONSE_CACHE_MB bounds the answer cache; 0 keeps none', async (t) => {
  t.equal(readConfig({}).responseCacheBytes, 32 * 1024 * 1024)
  t.equal(cacheOfSize(readConfig({ RESPONSE_CACHE_MB: '0' }).responseCacheBytes), false)
  t.same(cacheOfSize(readConfig({ RESPONSE_CACHE_MB: '2' }).responseCacheBytes), {
    maxBytes: 2 * 1024 * 1024,
    maxAnswerBytes: 2 * 1024 * 1024,
  })
  t.same(cacheOfSize(readConfig({ RESPONSE_CACHE_MB: '64' }).responseCacheBytes), {
    maxBytes: 64 * 1024 * 1024,
    maxAnswerBytes: 4 * 1024 * 1024,
  })
})

t.test(
  '/metrics is on an operator port by default, on the public port only with a token',
  async (t) => {
    t.equal(readConfig({}).metricsPort, 9464)
    t.equal(readConfig({}).metricsToken, null)
    t.equal(readConfig({ METRICS_PORT: 'off' }).metricsPort, null)
    t.equal(readConfig({ METRICS_PORT: '0' }).metricsPort, 0, 'any free port')
    t.throws(() => readConfig({ PORT: '8080', METRICS_PORT: '8080' }), /^METRICS_PORT must be/)
    const token = 'a'.repeat(32)
    t.equal(readConfig({ METRICS_TOKEN: token }).metricsToken, token)
    try {
      readConfig({ METRICS_TOKEN: 'secret-but-short' + ' x' })
      t.fail('a token with a space was accepted')
    } catch (err) {
      t.notMatch((err as Error).message, /secret/, 'the refusal does not echo the token')
    }
  },
)
