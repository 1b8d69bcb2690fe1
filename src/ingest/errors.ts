/**
 * A plan text the parser refuses. The message is one line meant for a person at a terminal:
 * `file:line: reason`, or `file: reason` when no single line is to blame.
 */
export class PlanParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? `${file}: ${reason}` : `${file}:${line}: ${reason}`)
    this.name = 'PlanParseError'
  }
}
