// JSON Lines (https://jsonlines.org): a whole list with one record per line, each the JSON the
// list's pages hold, for readers that stream a table rather than hold it (jq, pandas'
// read_json(lines=True), DuckDB's read_json). UTF-8 without a byte order mark, lines ended by \n.
import { Readable } from 'node:stream'

/** The media type most tools know JSON Lines by (Elasticsearch, DuckDB, NDJSON's spec). */
export const JSONL_TYPE = 'application/x-ndjson'

/** Records are sent in chunks of about this many characters rather than one write each. */
const CHUNK = 64 * 1024

function* chunks(records: Iterable<unknown>): Generator<string> {
  let buffer = ''
  for (const record of records) {
    buffer += `${JSON.stringify(record)}\n`
    if (buffer.length >= CHUNK) {
      yield buffer
      buffer = ''
    }
  }
  if (buffer !== '') yield buffer
}

/** The whole list as a stream of lines, each record written as it is read. */
export function jsonlStream(records: Iterable<unknown>): Readable {
  return Readable.from(chunks(records))
}

/** The content headers of a JSON Lines download named `file`. */
export function jsonlHeaders(file: string): Record<string, string> {
  return {
    'content-type': `${JSONL_TYPE}; charset=utf-8`,
    'content-disposition': `attachment; filename="${file}"`,
  }
}
