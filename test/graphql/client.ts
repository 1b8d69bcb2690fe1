// A small GraphQL client over app.inject, and record selections built from the SDL, so that a
// test asks for every field a record has without spelling them out.
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type GraphQLObjectType,
} from 'graphql'
import { graphqlSchemaPath } from '../../src/paths.js'

export const schema = buildSchema(readFileSync(graphqlSchemaPath, 'utf8'))

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number
  data: T | null
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[]
}

export async function graphql<T = Record<string, unknown>>(
  app: FastifyInstance,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query, ...(variables ? { variables } : {}) },
  })
  const body = res.json() as Omit<GraphQLResponse<T>, 'status'>
  return { status: res.statusCode, ...body }
}

/** The data of a query that must succeed. */
export async function data<T = Record<string, unknown>>(
  app: FastifyInstance,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await graphql<T>(app, query, variables)
  if (res.errors || res.status !== 200 || !res.data) {
    throw new Error(`query failed (${res.status}): ${JSON.stringify(res.errors)}`)
  }
  return res.data
}

/** A link: a field returning a record (Node) or a connection; REST has ids there, or nothing. */
export function isLink(type: GraphQLObjectType, name: string): boolean {
  const field = type.getFields()[name]!
  const named = getNamedType(field.type)
  return (
    field.args.length > 0 ||
    named.name.endsWith('Connection') ||
    (isObjectType(named) && named.getInterfaces().some((i) => i.name === 'Node')) ||
    isInterfaceType(named)
  )
}

/** Fields GraphQL adds because it has no headers: REST sends a task's ETag as a header. */
export const GRAPHQL_ONLY = new Set(['Task.etag'])

/** The fields of a record as REST serves them: links left out, nested objects expanded. */
export function recordSelection(typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType
  return Object.values(type.getFields())
    .filter((field) => !isLink(type, field.name) && !GRAPHQL_ONLY.has(`${typeName}.${field.name}`))
    .map((field) => {
      const named = getNamedType(field.type)
      return isObjectType(named) ? `${field.name} { ${recordSelection(named.name)} }` : field.name
    })
    .join(' ')
}
