// Searching sorted lists by halves: the parser's lists of spans, markers, lines and tasks are in
// order, and a search through them for each of thousands of places must not read them whole.

/**
 * The first index at which `before` stops holding, or `length` if it never does. `before` holds
 * for the indexes of a first stretch of the list and for none after it (as "ends before x" does
 * for a sorted list).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const mid = (low + high) >> 1
    if (before(mid)) low = mid + 1
    else high = mid
  }
  return low
}
