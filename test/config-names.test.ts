// Misspelt variables are found, with the one meant; the environment's usual others are not.
import t from 'tap'
import { misspeltVariables } from '../src/config-names.js'

t.test('a name within two edits of ours is misspelt', async (t) => {
  t.same(misspeltVariables({ RATE_LIMT_MAX: '5' }), [
    { name: 'RATE_LIMT_MAX', meant: 'RATE_LIMIT_MAX' },
  ])
  t.same(misspeltVariables({ rate_limit_max: '5' }), [
    { name: 'rate_limit_max', meant: 'RATE_LIMIT_MAX' },
  ])
  t.same(misspeltVariables({ RESPONSE_CACHE_BM: '8' }), [
    { name: 'RESPONSE_CACHE_BM', meant: 'RESPONSE_CACHE_MB' },
  ])
  t.same(misspeltVariables({ METRIC_PORT: '9000' }), [
    { name: 'METRIC_PORT', meant: 'METRICS_PORT' },
  ])
})

t.test('ours and the usual others are not', async (t) => {
  const usual = {
    RATE_LIMIT_MAX: '5',
    PORT: '1',
    PATH: '/usr/bin',
    HOME: '/root',
    HOSTNAME: 'vm',
    HOSTTYPE: 'x86_64',
    LOGNAME: 'root',
    TMPDIR: '/tmp',
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    npm_config_cache: '/root/.npm',
    DEBIAN_FRONTEND: 'noninteractive',
    PWD: '/work',
    SHELL: '/bin/bash',
    TERM: 'xterm',
    LANG: 'C.UTF-8',
    CI: 'true',
  }
  t.same(misspeltVariables(usual), [])
})
