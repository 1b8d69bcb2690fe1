// A whole filtered list as one download: CSV (plain, or with a byte order mark for Excel), JSON
// Lines or XLSX. With no filter or sort it is a
// whole table, kept per data version on the export shelf (src/http/exports.ts); otherwise it is
// streamed as it is read, under an ETag of the data version and the request.
import type { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TObject } from '@sinclair/typebox'
import { csvColumns, csvHeaders, csvStream } from '../http/csv.js'
import { sendKept, type ExportShelf } from '../http/exports.js'
import { jsonlHeaders, jsonlStream } from '../http/jsonl.js'
import { sendStreamed } from '../http/streamed.js'
import { xlsxHeaders, xlsxStream } from '../http/xlsx.js'

/** csv-bom is the CSV opened with a byte order mark, for Excel: same name, its own export. */
export type DownloadFormat = 'csv' | 'csv-bom' | 'jsonl' | 'xlsx'

export interface DownloadSource<Filter> {
  /** The collection's last path segment (tasks): the file is named after it. */
  plural: string
  /** The schema of a record: CSV columns follow its fields. */
  item: TObject
  /** Every record the filter selects, in the order asked, read as the download is written. */
  each: (filter: Filter, sort: string | undefined) => Iterable<unknown>
  dataVersion: () => string
}

/** Answers a download of a resource's list in a format: kept when whole, else streamed. */
export function downloadsOf<Filter>(source: DownloadSource<Filter>) {
  const columns = csvColumns(source.item)
  const formats = {
    csv: {
      extension: 'csv',
      headers: csvHeaders,
      stream: (records: Iterable<unknown>) => csvStream(columns, records),
    },
    'csv-bom': {
      extension: 'csv',
      headers: csvHeaders,
      stream: (records: Iterable<unknown>) => csvStream(columns, records, { bom: true }),
    },
    jsonl: { extension: 'jsonl', headers: jsonlHeaders, stream: jsonlStream },
    xlsx: {
      extension: 'xlsx',
      headers: xlsxHeaders,
      stream: (records: Iterable<unknown>) => xlsxStream(columns, records, source.plural),
    },
  } satisfies Record<DownloadFormat, unknown>
  const fileOf = (format: DownloadFormat) => `${source.plural}.${formats[format].extension}`

  const streamed = (
    request: FastifyRequest,
    reply: FastifyReply,
    format: DownloadFormat,
    { sort, ...filter }: Record<string, unknown>,
  ) =>
    sendStreamed(request, reply, {
      format,
      headers: formats[format].headers(fileOf(format)),
      body: formats[format].stream(source.each(filter as Filter, sort as string | undefined)),
      dataVersion: source.dataVersion(),
      // The zip inside an XLSX file records when each part was written: the same list made
      // twice is the same content in other bytes.
      weak: format === 'xlsx',
    })

  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    format: DownloadFormat,
    query: Record<string, unknown>,
    shelf: ExportShelf | undefined,
  ) => {
    if (shelf === undefined || Object.values(query).some((value) => value !== undefined)) {
      return streamed(request, reply, format, query)
    }
    // Kept under the format's name: the CSV with and without a byte order mark are two files.
    const file = `${source.plural}.${format}`
    const contents = (): Readable => formats[format].stream(source.each({} as Filter, undefined))
    try {
      const headers = formats[format].headers(fileOf(format))
      const kept = await shelf.kept(file, source.dataVersion(), headers, contents)
      return await sendKept(request, reply, shelf, kept)
    } catch (err) {
      // A folder that cannot be written, or a file removed under us, costs speed, not the
      // download; the export is made again later.
      shelf.forget(file)
      request.log.warn({ err }, `${file} could not be sent as kept; it is streamed`)
      return streamed(request, reply, format, query)
    }
  }
}
