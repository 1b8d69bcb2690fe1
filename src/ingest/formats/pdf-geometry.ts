// The affine matrices of PDF ([a, b, c, d, e, f], as pdfjs gives them) and what the reader does
// with them: chain them, and place a point.

export type Matrix = [number, number, number, number, number, number]

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** The matrix that applies `inner` first and `outer` after it. */
export function multiply(outer: readonly number[], inner: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = outer as Matrix
  const [p, q, r, s, t, u] = inner as Matrix
  return [
    a * p + c * q,
    b * p + d * q,
    a * r + c * s,
    b * r + d * s,
    a * t + c * u + e,
    b * t + d * u + f,
  ]
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!]
}
