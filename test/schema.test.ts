// REST and GraphQL expose the same resources with the same field names: the SDL in
// schema.graphql and the TypeBox schemas of the REST routes must agree field for field.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TObject, TSchema } from '@sinclair/typebox'
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLObjectType,
} from 'graphql'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { Agency, Document, Finding, Section, Target, Task } from '../src/rest/schemas.js'
import { GRAPHQL_ONLY, isLink } from './graphql/client.js'

const schema = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'))

/** Links that REST gives as ids under the same name: Task.items is a list of section ids. */
const LINKS_WITH_REST_IDS = new Set(['Task.items'])

/** Field paths of a GraphQL type, nested objects expanded (numberParts.year), links left out. */
function graphqlFields(type: GraphQLObjectType, prefix = ''): string[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const path = `${prefix}${field.name}`
    if (LINKS_WITH_REST_IDS.has(`${type.name}.${field.name}`)) return [path]
    if (GRAPHQL_ONLY.has(`${type.name}.${field.name}`)) return []
    if (isLink(type, field.name)) return []
    const named = getNamedType(field.type)
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

t.test('objects link both ways, as API.md lists', async (t) => {
  const links = Object.fromEntries(
    ['Document', 'Section', 'Task', 'TaskAgency', 'Agency', 'Target', 'Finding'].map((name) => {
      const type = schema.getType(name) as GraphQLObjectType
      return [name, Object.keys(type.getFields()).filter((f) => isLink(type, f))]
    }),
  )
  t.same(links, {
    Document: ['sections', 'tasks', 'agencies', 'targets', 'findings'],
    Section: ['document', 'parent', 'children', 'tasks', 'targets'],
    Task: ['section', 'items', 'document', 'targets', 'statusHistory'],
    TaskAgency: ['agency'],
    Agency: ['tasks', 'targets'],
    Target: ['document', 'section', 'tasks', 'observations'],
    Finding: ['document'],
  })
  // Every list that can grow with the data is a connection with first and after.
  for (const [typeName, fields] of Object.entries(links)) {
    const type = schema.getType(typeName) as GraphQLObjectType
    for (const name of fields) {
      const field = type.getFields()[name]!
      if (!getNamedType(field.type).name.endsWith('Connection')) continue
      t.same(
        field.args.slice(0, 2).map((a) => [a.name, a.type.toString(), a.defaultValue]),
        [
          ['first', 'Int', 20],
          ['after', 'String', undefined],
        ],
        `${typeName}.${name} pages with first and after`,
      )
    }
  }
})

t.test('every type, field and argument of the SDL is described', async (t) => {
  let described = 0
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isScalarType(type)) continue
    t.ok(type.description, `${type.name} has a description`)
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue
    for (const field of Object.values(type.getFields())) {
      t.ok(field.description, `${type.name}.${field.name} has a description`)
      described++
      for (const arg of 'args' in field ? field.args : []) {
        t.ok(arg.description, `${type.name}.${field.name}(${arg.name}) has a description`)
      }
    }
  }
  t.ok(described > 150, `${described} fields, so the loop saw the schema`)
})
