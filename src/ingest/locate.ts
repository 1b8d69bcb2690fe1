// Finding the line a piece of repaired text was printed on. Repair removes spaces and joins
// lines cut by a page, so text is matched in compact form against the lines of a region.
import { partitionPoint } from './sorted.js'
import { compact, type Line } from './text.js'

export interface Locator {
  /**
   * The line on which `text` (searched from the region's start, or after the last hit of the
   * same region) has its character at `at`; the region's first line when it cannot be found.
   */
  lineOf(firstLine: number, lastLine: number, text: string, at?: number): number
}

export function locator(lines: Line[]): Locator {
  /** The index of the first line numbered n or more. */
  const indexOf = (n: number) => partitionPoint(lines.length, (k) => lines[k]!.n < n)
  const regions = new Map<string, { text: string; lineAt: number[]; cursor: number }>()
  function region(first: number, last: number) {
    const key = `${first}:${last}`
    let found = regions.get(key)
    if (!found) {
      let text = ''
      const lineAt: number[] = []
      // Lines are in order of their numbers; a line cut into paragraphs repeats its number.
      for (const line of lines.slice(indexOf(first), indexOf(last + 1))) {
        const part = compact(line.text)
        text += part
        for (let i = 0; i < part.length; i++) lineAt.push(line.n)
      }
      found = { text, lineAt, cursor: 0 }
      regions.set(key, found)
    }
    return found
  }
  return {
    lineOf(firstLine, lastLine, text, at = 0) {
      const r = region(firstLine, lastLine)
      const needle = compact(text)
      let index = r.text.indexOf(needle, r.cursor)
      if (index < 0) index = r.text.indexOf(needle)
      if (index < 0) return firstLine
      r.cursor = index
      return r.lineAt[index + compact(text.slice(0, at)).length] ?? firstLine
    },
  }
}
