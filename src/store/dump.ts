// A logical dump of the database: every table's rows in key order, as text. Two databases that
// hold the same data give the same dump, whatever order the rows were written in, which is how
// the tests prove that ingesting is deterministic.
import type { Database } from './database.js'

export function dumpDatabase(db: Database): string {
  const tables = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'
         AND name NOT LIKE 'search_pairs%'
         -- rowids of search_index, which follow the order documents were loaded in
         AND name <> 'search_agencies'
         -- the history of the loads (the change feed, superseded versions): their order and
         -- times are those of the loading, not of the data
         AND name NOT IN ('changes', 'document_versions')
       ORDER BY name`,
    )
    .all() as { name: string; sql: string }[]
  const out: string[] = []
  for (const { name, sql } of tables) {
    out.push(sql)
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]
    )
      .map((c) => `"${c.name}"`)
      .join(', ')
    for (const row of db
      .prepare(`SELECT ${columns} FROM "${name}" ORDER BY ${columns}`)
      .raw()
      .all()) {
      out.push(`${name}\t${JSON.stringify(row)}`)
    }
  }
  return `${out.join('\n')}\n`
}
