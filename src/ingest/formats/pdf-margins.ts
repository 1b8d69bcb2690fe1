// Running heads and feet: what a page prints in its top and bottom margins that is not the plan's
// text. Page numbers (— 3 —, - 3 -, 第 3 页, 3/24, a bare 3) and any line that stands at the same
// height on most pages (a running header, a document number in the footer) are dropped before
// paragraphs are rebuilt, so that a paragraph cut by a page break joins up again.
import type { TextLine } from './pdf-types.js'

/** The share of the page's height, at its top and at its bottom, that counts as margin. */
const MARGIN_SHARE = 0.15
/** A line printed on at least this share of the pages (and on two at least) is a running one. */
const RUNNING_SHARE = 0.4

/** Page numbers as printed: — 3 —, - 3 -, —3—, ·3·, 第 3 页 (共 24 页), 3/24, 3 / 24, Page 3. */
const PAGE_NUMBER = [
  /^[-—–－―·•‐‑_~]+\s*\d{1,4}\s*[-—–－―·•‐‑_~]+$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(?:共\s*\d{1,4}\s*页\s*[,，、/]?\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
]

export function isPageNumberLine(text: string): boolean {
  const t = text.trim()
  return PAGE_NUMBER.some((re) => re.test(t))
}

/** Where a line stands for comparing pages: its height on the page, and its text without digits. */
function runningKey(line: TextLine): string {
  return line.text.replace(/\s+/g, '').replace(/\d+/g, '#')
}

export interface PageLines {
  page: number
  height: number
  lines: TextLine[]
}

/**
 * The pages' lines without their running heads, feet and page numbers. `isContent` tells lines
 * that repeat at the top of pages as content, not as a running head: the header row of a
 * borderless table that goes on over several pages.
 */
export function dropMargins(
  pages: PageLines[],
  isContent: (line: TextLine) => boolean = () => false,
): PageLines[] {
  const inMargin = (line: TextLine, height: number) =>
    line.y < height * MARGIN_SHARE || line.y - line.size > height * (1 - MARGIN_SHARE)
  // Lines in a margin, by their text without digits: on which pages, at which height.
  const seen = new Map<string, { page: number; y: number; size: number }[]>()
  for (const { page, height, lines } of pages) {
    for (const line of lines) {
      if (!inMargin(line, height)) continue
      const key = runningKey(line)
      const places = seen.get(key) ?? []
      places.push({ page, y: line.y, size: line.size })
      seen.set(key, places)
    }
  }
  // For each text, the heights it stands at (within half a line) on enough different pages.
  const needed = Math.max(2, Math.ceil(pages.length * RUNNING_SHARE))
  const runningBands = new Map<string, { from: number; to: number }[]>()
  for (const [key, places] of seen) {
    places.sort((a, b) => a.y - b.y)
    let band = [places[0]!]
    const close = () => {
      if (new Set(band.map((p) => p.page)).size >= needed) {
        const bands = runningBands.get(key) ?? []
        bands.push({ from: band[0]!.y, to: band.at(-1)!.y })
        runningBands.set(key, bands)
      }
    }
    for (const place of places.slice(1)) {
      if (place.y - band.at(-1)!.y <= place.size * 0.5) band.push(place)
      else {
        close()
        band = [place]
      }
    }
    close()
  }
  const isRunning = (line: TextLine) =>
    (runningBands.get(runningKey(line)) ?? []).some((b) => line.y >= b.from && line.y <= b.to)
  return pages.map(({ page, height, lines }) => ({
    page,
    height,
    lines: lines.filter(
      (line) =>
        !(
          inMargin(line, height) &&
          (isPageNumberLine(line.text) || (isRunning(line) && !isContent(line)))
        ),
    ),
  }))
}
