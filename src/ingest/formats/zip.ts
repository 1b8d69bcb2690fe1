// Reading a few named entries out of a ZIP archive held in memory, and nothing else: an Office
// file is a ZIP, and a ZIP is the easiest way to hand a server a bomb (a kilobyte that inflates
// to gigabytes) or a central directory that lies about its sizes. Each wanted entry is refused
// when it declares more than the limit, and read into a buffer of the size it declares, so that
// whatever the archive claims, no more than the limit is ever inflated or held, one entry at a
// time.
import yauzl from 'yauzl'
import { PlanParseError } from '../errors.js'

export interface ZipLimits {
  /** The most bytes one entry may inflate to. */
  maxEntryBytes: number
}

/** The wanted entries of an archive, each read when asked for. */
export interface ZipEntries {
  has(name: string): boolean
  /** The entry's bytes: at most the limit, and no more than it declares. */
  read(name: string): Promise<Buffer>
  close(): void
}

/**
 * Finds the wanted entries of an archive and checks what they declare (size, encryption,
 * compression), refusing an entry over the limit before anything is inflated; the entries are
 * then read one at a time, so that no more than one is held. Null when the bytes are not a ZIP
 * archive at all; a ZIP that cannot be read (cut short, its directory broken) is refused. Entry
 * names are matched without regard to case, as OPC part names are.
 */
export async function openZipEntries(
  bytes: Uint8Array,
  file: string,
  wanted: readonly string[],
  limits: ZipLimits,
): Promise<ZipEntries | null> {
  const zip = await openZip(bytes, file)
  if (zip === null) return null
  try {
    const found = await findEntries(zip, wanted, file)
    for (const [name, entry] of found) checkEntry(entry, name, file, limits)
    return {
      has: (name) => found.has(name),
      read: (name) => {
        const entry = found.get(name)
        if (!entry) return Promise.reject(new Error(`${name} is not in the archive`))
        return readEntry(zip, entry, name, file)
      },
      close: () => zip.close(),
    }
  } catch (err) {
    zip.close()
    throw err
  }
}

/** What every ZIP archive begins with: the header of its first entry. */
const LOCAL_HEADER_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]

function openZip(bytes: Uint8Array, file: string): Promise<yauzl.ZipFile | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const looksLikeZip = LOCAL_HEADER_SIGNATURE.every((b, k) => bytes[k] === b)
  return new Promise((resolve, reject) => {
    // lazyEntries: the central directory is read one entry at a time, as asked, so a directory
    // of a million entries costs nothing once the wanted ones are found.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (!err) resolve(zip)
      // A ZIP cut short (a download that stopped) has lost its directory, which is at the end.
      else if (looksLikeZip) reject(damaged(file, err))
      else resolve(null)
    })
  })
}

function damaged(file: string, err: Error): PlanParseError {
  return new PlanParseError(
    file,
    null,
    `a damaged or truncated ZIP archive (${oneLine(err.message)})`,
  )
}

function findEntries(
  zip: yauzl.ZipFile,
  wanted: readonly string[],
  file: string,
): Promise<Map<string, yauzl.Entry>> {
  const byLowerName = new Map(wanted.map((name) => [name.toLowerCase(), name]))
  const found = new Map<string, yauzl.Entry>()
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = byLowerName.get(entry.fileName.toLowerCase())
      // The first of two entries with one name wins, as in most readers.
      if (name !== undefined && !found.has(name)) found.set(name, entry)
      if (found.size === byLowerName.size) resolve(found)
      else zip.readEntry()
    })
    zip.on('end', () => resolve(found))
    zip.on('error', (err: Error) => reject(damaged(file, err)))
    zip.readEntry()
  })
}

function entryRefusal(file: string, name: string, reason: string): PlanParseError {
  return new PlanParseError(file, null, `${name} ${reason}`)
}

function checkEntry(entry: yauzl.Entry, name: string, file: string, limits: ZipLimits): void {
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw entryRefusal(
      file,
      name,
      `would inflate to ${megabytes(entry.uncompressedSize)}, ` +
        `over the ${megabytes(limits.maxEntryBytes)} allowed`,
    )
  }
  if (entry.isEncrypted()) throw entryRefusal(file, name, 'is encrypted')
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw entryRefusal(file, name, `uses compression method ${entry.compressionMethod}`)
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, file: string) {
  const refuse = (reason: string) => entryRefusal(file, name, reason)
  // The buffer has the declared size, which checkEntry held to the limit; bytes beyond it stop
  // the read here, whether or not yauzl's own check (validateEntrySizes) caught them first.
  const content = Buffer.allocUnsafe(entry.uncompressedSize)
  let filled = 0
  return new Promise<Buffer>((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(refuse(`cannot be read (${oneLine(err.message)})`))
      let settled = false
      const fail = (reason: string) => {
        if (settled) return
        settled = true
        stream.destroy()
        reject(refuse(reason))
      }
      stream.on('data', (chunk: Buffer) => {
        if (settled) return
        if (filled + chunk.length > content.length) {
          fail(`inflates to more than the ${megabytes(content.length)} it declares`)
          return
        }
        chunk.copy(content, filled)
        filled += chunk.length
      })
      stream.on('error', (e: Error) =>
        fail(
          /too many bytes/.test(e.message)
            ? `inflates to more than the ${megabytes(content.length)} it declares`
            : `is damaged (${oneLine(e.message)})`,
        ),
      )
      stream.on('end', () => {
        if (settled) return
        settled = true
        if (filled !== content.length) reject(refuse('is shorter than it declares'))
        else resolve(content)
      })
    })
  })
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim()
}
