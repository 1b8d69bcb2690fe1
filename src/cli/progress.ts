// What a long ingest says while it works, on stderr so that stdout stays the list of what was
// loaded (a script may read it). On a terminal one line is redrawn as a bar; elsewhere (a log, a
// CI job, a pipe) each file gets a line of its own, since a redrawn line is noise in a file.

/** The part of a stream the reporter needs: a test passes its own. */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface FileProgress {
  /** A file is about to be read: shows its name while it is parsed (on a terminal). */
  reading(file: string): void
  /** A file was read and parsed. */
  read(file: string, milliseconds: number): void
  /** Every file is read; the load into the database begins. */
  loading(): void
  /** Clears the bar, so that what follows starts on a clean line. */
  done(): void
}

const BAR_WIDTH = 24

/** `[#########...............] 37/150 name`, cut to the terminal's width. */
export function barLine(done: number, total: number, file: string, columns: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH)
  const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${file}`
  // Wider than the terminal, the line would wrap and \r would redraw only its last row.
  return [...line].slice(0, Math.max(columns - 1, 0)).join('')
}

export function fileProgress(stream: ProgressStream, total: number): FileProgress {
  let done = 0
  if (stream.isTTY) {
    const columns = () => stream.columns ?? 80
    const draw = (text: string) => stream.write(`\r\x1b[2K${text}`)
    return {
      reading: (file) => draw(barLine(done, total, file, columns())),
      read: (file) => {
        done++
        draw(barLine(done, total, file, columns()))
      },
      loading: () => draw(barLine(done, total, 'loading into the database…', columns())),
      done: () => draw(''),
    }
  }
  return {
    reading: () => {},
    read: (file, milliseconds) => {
      done++
      stream.write(`read ${done}/${total} ${file} (${Math.round(milliseconds)} ms)\n`)
    },
    loading: () => stream.write(`loading ${total} ${total === 1 ? 'plan' : 'plans'}\n`),
    done: () => {},
  }
}

/** For --quiet. */
export const NO_PROGRESS: FileProgress = {
  reading: () => {},
  read: () => {},
  loading: () => {},
  done: () => {},
}
