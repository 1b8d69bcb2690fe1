// Full-text matching over sections and tasks (the search_index table). The trigram index answers
// queries of three or more characters; one- and two-character queries, common in Chinese
// (教育, 农), scan the same table with LIKE, which is exact and, at the size of plans, fast.

const TRIGRAM = 3

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** An FTS5 phrase: the query's characters in this order, whatever they are. */
function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`
}

/**
 * A condition on search_index rows (aliased `si`) that holds where the text contains q.
 * Returns the clause and its parameters.
 */
export function textMatch(q: string): { clause: string; params: string[] } {
  if ([...q].length >= TRIGRAM) {
    return { clause: 'search_index MATCH ?', params: [`text : ${ftsPhrase(q)}`] }
  }
  return { clause: "text LIKE ? ESCAPE '\\'", params: [`%${escapeLike(q)}%`] }
}

/** Ids of records of one kind whose text contains q, as a subquery. */
export function matchingIds(
  kind: 'section' | 'task' | 'target',
  q: string,
): { sql: string; params: string[] } {
  const m = textMatch(q)
  return {
    sql: `(SELECT ref_id FROM search_index WHERE kind = ? AND ${m.clause})`,
    params: [kind, ...m.params],
  }
}
