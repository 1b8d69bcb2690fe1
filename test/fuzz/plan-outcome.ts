// What parsing any text must come to: a plan whose records stand on lines of the text, or a
// refusal (PlanParseError) of one line. Any other exception is thrown on.
import { PlanParseError } from '../../src/ingest/errors.js'
import { parsePlan } from '../../src/ingest/parse.js'
import type { PlanDocument } from '../../src/ingest/types.js'
import { aliases } from '../helper.js'

export function readPlan(bytes: Uint8Array): PlanDocument | PlanParseError {
  try {
    return parsePlan(bytes, { file: 'fuzz.txt', aliases })
  } catch (err) {
    if (err instanceof PlanParseError) return err
    throw err
  }
}

/** What is wrong with an outcome: a refusal of several lines, a record off the text's lines. */
export function problemsOf(input: Uint8Array, outcome: PlanDocument | PlanParseError): string[] {
  if (outcome instanceof PlanParseError) {
    return /[\r\n]/.test(outcome.message) ? [`a refusal of several lines: ${outcome.message}`] : []
  }
  const lineCount = new TextDecoder().decode(input).split(/\r\n|\r|\n/).length
  const lines = [
    ...outcome.sections.flatMap((s) => [s.startLine, s.endLine]),
    ...outcome.tasks.flatMap((task) => [task.line, ...task.units.map((u) => u.line)]),
    ...outcome.targets.map((target) => target.line),
    ...outcome.findings.flatMap((f) => f.lines),
  ]
  return lines
    .filter((n) => !Number.isInteger(n) || n < 1 || n > lineCount)
    .slice(0, 3)
    .map((n) => `a record on line ${n} of ${lineCount}`)
}
