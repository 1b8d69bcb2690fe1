// The facet parameter of lists and the by parameter of grouped counts: names of the fields a
// resource counts by (src/resources.ts), repeated (facet=agency&facet=year, as Datasette takes
// them) or comma-separated (facet=agency,year, as sort is written here).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { problem, sendProblem } from '../http/problem.js'

/** Values shown per facet, as Datasette shows; `truncated` says when a list has more. */
export const FACET_SIZE = 30

/** The schema of a parameter naming facets: one string or several, validated by facetNames. */
export function facetsParameter(allowed: readonly string[], description: string) {
  const text = `${description} One or more of ${allowed.join(', ')}, repeated or comma-separated.`
  return Type.Union(
    [
      Type.String({ maxLength: 200 }),
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 }),
    ],
    { description: text },
  )
}

/** The names asked, in order, each once; empty when the parameter is absent. */
export function facetNames(value: unknown): string[] {
  if (value === undefined) return []
  const values = Array.isArray(value) ? (value as string[]) : [String(value)]
  const names = values.flatMap((v) => v.split(',')).map((name) => name.trim())
  return [...new Set(names.filter((name) => name !== ''))]
}

/**
 * Answers 400 naming the first name the resource does not count by, and the ones it does; null
 * when every name is known.
 */
export function refuseUnknownFacets(
  request: FastifyRequest,
  reply: FastifyReply,
  parameter: string,
  names: string[],
  allowed: readonly string[],
): FastifyReply | null {
  const unknown = names.filter((name) => !allowed.includes(name))
  if (unknown.length === 0) return null
  const reason = `${unknown.join(', ')}: not a field this list counts by; use one of ${allowed.join(', ')}`
  return sendProblem(
    reply,
    problem(400, 'invalid-parameter', `${parameter} ${reason}`, {
      instance: request.url,
      invalidParams: [{ name: parameter, reason }],
    }),
  )
}
