// The straight lines a page draws, read from its operator list: the borders of its tables.
// Producers draw them in two ways: LibreOffice strokes line segments, Word and WPS fill thin
// rectangles; both become rulings here. pdfjs 5 hands each path as one constructPath operation,
// [paint operator, [path data], bounding box], the path data a flat list of drawing commands
// (moveTo x y, lineTo x y, curveTo …, closePath) in the coordinates current when it was built:
// the transformation matrix is followed through save/restore/transform and form XObjects.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { apply, IDENTITY, multiply, type Matrix } from './pdf-geometry.js'
import type { Pdfjs } from './pdf-open.js'
import type { Ruling } from './pdf-types.js'

/** pdfjs's path commands (its DrawOPS), which it does not export. */
const MOVE_TO = 0
const LINE_TO = 1
const CURVE_TO = 2
const QUADRATIC_CURVE_TO = 3
const CLOSE_PATH = 4

interface GraphicsState {
  matrix: Matrix
  strokeColor: string
  fillColor: string
}

type Point = [number, number]

/** The subpaths of a path, as point lists; a subpath with curves is left out (no border). */
function subpathsOf(data: ArrayLike<number>): { points: Point[]; closed: boolean }[] {
  const subpaths: { points: Point[]; closed: boolean }[] = []
  let current: { points: Point[]; closed: boolean; curved: boolean } | null = null
  const finish = () => {
    if (current && !current.curved && current.points.length >= 2) subpaths.push(current)
    current = null
  }
  for (let k = 0; k < data.length;) {
    const op = data[k++]
    if (op === MOVE_TO) {
      finish()
      current = { points: [[data[k]!, data[k + 1]!]], closed: false, curved: false }
      k += 2
    } else if (op === LINE_TO) {
      current ??= { points: [], closed: false, curved: false }
      current.points.push([data[k]!, data[k + 1]!])
      k += 2
    } else if (op === CURVE_TO) {
      if (current) current.curved = true
      k += 6
    } else if (op === QUADRATIC_CURVE_TO) {
      if (current) current.curved = true
      k += 4
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true
      finish()
    } else {
      break // not a path as pdfjs 5 builds them: read nothing rather than misread
    }
  }
  finish()
  return subpaths
}

/** A colour the eye does not see on paper: white borders draw an invisible table. */
function isInvisible(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)
  return m !== null && m.slice(1).every((h) => parseInt(h, 16) >= 0xf0)
}

/** A segment as a ruling, if it runs straight along an axis. */
function segmentRuling(a: Point, b: Point, straightness: number): Ruling | null {
  const dx = Math.abs(a[0] - b[0])
  const dy = Math.abs(a[1] - b[1])
  if (dy <= straightness && dx > dy) {
    return {
      horizontal: true,
      at: (a[1] + b[1]) / 2,
      from: Math.min(a[0], b[0]),
      to: Math.max(a[0], b[0]),
    }
  }
  if (dx <= straightness && dy > dx) {
    return {
      horizontal: false,
      at: (a[0] + b[0]) / 2,
      from: Math.min(a[1], b[1]),
      to: Math.max(a[1], b[1]),
    }
  }
  return null
}

/** A filled subpath as a ruling, if it is a thin rectangle along an axis. */
function filledRuling(points: Point[], thickness: number): Ruling | null {
  if (points.length < 4 || points.length > 5) return null
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  const left = Math.min(...xs)
  const right = Math.max(...xs)
  const top = Math.min(...ys)
  const bottom = Math.max(...ys)
  // Every corner on the bounding box: an upright rectangle, not a slanted shape.
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.01
  const onBox = points.every(
    (p) => (near(p[0], left) || near(p[0], right)) && (near(p[1], top) || near(p[1], bottom)),
  )
  if (!onBox) return null
  const width = right - left
  const height = bottom - top
  if (height <= thickness && width > height) {
    return { horizontal: true, at: (top + bottom) / 2, from: left, to: right }
  }
  if (width <= thickness && height > width) {
    return { horizontal: false, at: (left + right) / 2, from: top, to: bottom }
  }
  return null
}

/**
 * The rulings of a page, in the coordinates of the page as shown (`viewport`). A ruling thicker
 * than `maxThickness` is a shaded area, not a border; one shorter than `minLength` is a dot,
 * a tick or part of a drawing.
 */
export async function readRulings(
  page: PDFPageProxy,
  pdfjs: Pdfjs,
  viewport: number[],
  { maxThickness, minLength }: { maxThickness: number; minLength: number },
): Promise<Ruling[]> {
  const { OPS } = pdfjs
  const list = await page.getOperatorList()
  const rulings: Ruling[] = []
  let state: GraphicsState = { matrix: IDENTITY, strokeColor: '#000000', fillColor: '#000000' }
  const saved: GraphicsState[] = []
  const stroking = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ])
  const filling = new Set<number>([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ])
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    const args = list.argsArray[i] as unknown[] | null
    if (fn === OPS.save) saved.push(state)
    else if (fn === OPS.restore) state = saved.pop() ?? state
    else if (fn === OPS.transform && args) {
      state = { ...state, matrix: multiply(state.matrix, args as number[]) }
    } else if (fn === OPS.paintFormXObjectBegin && args) {
      saved.push(state)
      const formMatrix = args[0] as number[] | null
      if (formMatrix) state = { ...state, matrix: multiply(state.matrix, formMatrix) }
    } else if (fn === OPS.paintFormXObjectEnd) state = saved.pop() ?? state
    else if (fn === OPS.setStrokeRGBColor && args)
      state = { ...state, strokeColor: String(args[0]) }
    else if (fn === OPS.setFillRGBColor && args) state = { ...state, fillColor: String(args[0]) }
    else if (fn === OPS.constructPath && args) {
      const [paint, [data]] = args as [number, [ArrayLike<number> | null]]
      if (!data) continue
      const toPage = multiply(viewport, state.matrix)
      const stroked = stroking.has(paint) && !isInvisible(state.strokeColor)
      const filled = filling.has(paint) && !isInvisible(state.fillColor)
      if (!stroked && !filled) continue // a clipping path, or an invisible one
      for (const { points, closed } of subpathsOf(data)) {
        const placed = points.map(([x, y]) => apply(toPage, x, y))
        const found: (Ruling | null)[] = []
        if (filled) found.push(filledRuling(placed, maxThickness))
        if (stroked) {
          for (let k = 1; k < placed.length; k++) {
            found.push(segmentRuling(placed[k - 1]!, placed[k]!, maxThickness))
          }
          if (closed && placed.length > 2) {
            found.push(segmentRuling(placed.at(-1)!, placed[0]!, maxThickness))
          }
        }
        for (const ruling of found) {
          if (ruling && ruling.to - ruling.from >= minLength) rulings.push(ruling)
        }
      }
    }
  }
  return rulings
}
