// Credentials in a URL's query string are redacted by name; nothing else in the URL changes.
import t from 'tap'
import { redactUrl } from '../../src/ops/redact.js'

t.test('values of credential parameters are replaced, names and the rest kept', async (t) => {
  t.equal(redactUrl('/v1/tasks'), '/v1/tasks')
  t.equal(redactUrl('/v1/tasks?limit=5&q=就业'), '/v1/tasks?limit=5&q=就业')
  t.equal(
    redactUrl('/v1/tasks?access_token=abc&limit=5&TOKEN=def&api-key=g#top'),
    '/v1/tasks?access_token=[redacted]&limit=5&TOKEN=[redacted]&api-key=[redacted]#top',
  )
  t.equal(redactUrl('/x?access%5Ftoken=abc'), '/x?access%5Ftoken=[redacted]', 'an encoded name')
  t.equal(redactUrl('/x?token'), '/x?token=[redacted]', 'a name without a value')
  t.equal(redactUrl('/x?tokens=1&monkey=2'), '/x?tokens=1&monkey=2', 'names that only look alike')
  t.equal(redactUrl('/x?%E0%A4%A=1'), '/x?%E0%A4%A=1', 'a malformed escape is left as it is')
})
