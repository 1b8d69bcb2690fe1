// The start-up build from db/sources: missing texts are loaded, and texts an older parser loaded
// are loaded again, so an upgraded service never serves data without its targets.
import t from 'tap'
import { loadMissingSources } from '../src/sources.js'
import { sourcesDir } from '../src/paths.js'
import { tempDatabase } from './helper.js'

const count = (db: ReturnType<typeof tempDatabase>['db'], table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

t.test('bundled texts are loaded once', async (t) => {
  const { db } = tempDatabase(t)
  t.match(loadMissingSources(db, sourcesDir), [{ replaced: false }])
  t.same(loadMissingSources(db, sourcesDir), [], 'nothing to do the second time')
  t.equal(count(db, 'targets'), 19)
})

t.test('a document loaded by an older parser is loaded again', async (t) => {
  const { db } = tempDatabase(t)
  loadMissingSources(db, sourcesDir)
  // What a database built before targets existed looks like after migration 0002.
  db.exec('DELETE FROM findings; DELETE FROM targets; UPDATE documents SET parser_version = 1')
  t.match(loadMissingSources(db, sourcesDir), [{ replaced: true }])
  t.equal(count(db, 'targets'), 19)
  t.ok(count(db, 'findings') > 0)
  t.equal(count(db, 'documents'), 1, 'replaced, not duplicated')
})
