// The example queries GraphiQL opens with: valid against schema.graphql, free of any one plan's
// values, and answered with data from the bundled plan.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSchema, Kind, parse, print, validate, type OperationDefinitionNode } from 'graphql'
import t from 'tap'
import { EXAMPLE_QUERIES } from '../../src/graphql/examples.js'
import { projectRoot } from '../../src/paths.js'
import { bundledPlanPath, buildTestApp, readPlan } from '../helper.js'

const schema = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'))

/** Three or more Chinese characters in a row: a name, a title, a document number. */
const CJK_RUN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]{3,}/u
/** The shape of every record id: a type prefix and a hash. */
const RECORD_ID = /\b(?:doc|sec|task|agency|target|finding)-[0-9a-f]{12}/

function operationOf(query: string): OperationDefinitionNode {
  const operations = parse(query).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  if (operations.length !== 1) throw new Error(`${operations.length} operations`)
  return operations[0]!
}

t.test('every example is a valid, named operation of the schema', async (t) => {
  t.ok(EXAMPLE_QUERIES.length >= 4, 'there are examples to open')
  for (const { title, query, variables } of EXAMPLE_QUERIES) {
    const errors = validate(schema, parse(query)).map((e) => e.message)
    t.same(errors, [], `${title} validates`)
    const operation = operationOf(query)
    t.equal(operation.operation, 'query', `${title} is a query`)
    t.ok(operation.name, `${title} is named, so its tab has a title`)
    const declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value)
    for (const name of Object.keys(JSON.parse(variables ?? '{}') as object)) {
      t.ok(declared.includes(name), `${title} declares $${name}`)
    }
    for (const v of operation.variableDefinitions ?? []) {
      t.ok(
        v.defaultValue || v.type.kind !== Kind.NON_NULL_TYPE,
        `${title} runs as it is: $${v.variable.name.value} has a default or may be left out`,
      )
    }
    const [english, ...rest] = query.split('\n')
    t.match(english, /^# [A-Z][a-z]/, `${title} starts with what it shows, in English`)
    const comments = rest.slice(
      0,
      rest.findIndex((line) => !line.startsWith('#')),
    )
    t.ok(
      comments.some((line) => CJK_RUN.test(line)),
      `${title} says what it shows in Chinese too`,
    )
  }
})

t.test('no example holds a value of one particular plan', async (t) => {
  const plan = readPlan(bundledPlanPath)
  const planValues = [
    plan.number,
    plan.numberParts?.agencyCode,
    plan.jurisdiction,
    plan.issuer,
    plan.title,
    ...plan.agencies.flatMap((a) => [a.name, ...a.aliases]),
  ].filter((value): value is string => value !== null && value !== undefined && value.length >= 2)
  t.ok(planValues.length > 10, 'the bundled plan has names to look for')

  for (const { title, query, variables = '' } of EXAMPLE_QUERIES) {
    // Comments may describe in Chinese; what runs may hold at most a generic word of two.
    const executable = `${print(parse(query))}\n${variables}`
    t.notMatch(executable, CJK_RUN, `${title}: no Chinese name or number outside comments`)
    t.notMatch(query + variables, RECORD_ID, `${title}: no record id`)
    t.same(
      planValues.filter((value) => (query + variables).includes(value)),
      [],
      `${title} names nothing of the bundled plan`,
    )
  }
})

t.test('every example answers with data from the bundled plan', async (t) => {
  const app = await buildTestApp(t)
  for (const { title, query, variables } of EXAMPLE_QUERIES) {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, variables: variables ? JSON.parse(variables) : undefined },
    })
    t.equal(res.statusCode, 200, `${title} is answered`)
    const body = res.json() as { data?: Record<string, { totalCount?: number }>; errors?: unknown }
    t.notOk(body.errors, `${title} has no errors`)
    const [root] = Object.values(body.data ?? {})
    t.ok((root?.totalCount ?? 0) > 0, `${title} finds records`)
  }
})
