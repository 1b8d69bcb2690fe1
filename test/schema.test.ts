// REST and GraphQL expose the same resources with the same field names: the SDL in
// schema.graphql and the TypeBox schemas of the REST routes must agree field for field.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TObject, TSchema } from '@sinclair/typebox'
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { Agency, Document, Finding, Section, Target, Task } from '../src/rest/schemas.js'

const schema = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'))

/** Field paths of a GraphQL type, nested objects expanded: numberParts.year, source.line. */
function graphqlFields(type: GraphQLObjectType, prefix = ''): string[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type)
    const path = `${prefix}${field.name}`
    return isObjectType(named) ? [path, ...graphqlFields(named, `${path}.`)] : [path]
  })
}

/** Field paths of a TypeBox object schema, nested objects (and arrays of them) expanded. */
function restFields(schema: TObject, prefix = ''): string[] {
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    const path = `${prefix}${name}`
    const inner = objectOf(property)
    return inner ? [path, ...restFields(inner, `${path}.`)] : [path]
  })
}

function objectOf(schema: TSchema): TObject | null {
  if (schema.type === 'object') return schema as TObject
  if (schema.type === 'array') return objectOf(schema.items as TSchema)
  if (Array.isArray(schema.anyOf)) {
    for (const option of schema.anyOf as TSchema[]) {
      const found = objectOf(option)
      if (found) return found
    }
  }
  return null
}

for (const [name, rest] of [
  ['Document', Document],
  ['Section', Section],
  ['Task', Task],
  ['Agency', Agency],
  ['Target', Target],
  ['Finding', Finding],
] as const) {
  t.test(`${name} has the same fields in GraphQL and REST`, async (t) => {
    const type = schema.getType(name)
    t.ok(type && isObjectType(type), `${name} is in schema.graphql`)
    t.same(graphqlFields(type as GraphQLObjectType).sort(), restFields(rest).sort())
  })
}

t.test('every type and field of the SDL is described', async (t) => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue
    t.ok(type.description, `${type.name} has a description`)
    for (const field of Object.values(type.getFields())) {
      t.ok(field.description, `${type.name}.${field.name} has a description`)
    }
  }
})
