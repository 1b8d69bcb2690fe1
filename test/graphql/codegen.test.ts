// The resolver and loader types are generated from schema.graphql: a change to the SDL without
// `npm run codegen` fails here instead of leaving the types to drift from the schema.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { generatedTypesPath, generateSchemaTypes } from '../../scripts/codegen.mjs'

t.test('src/graphql/schema-types.ts is what codegen makes of schema.graphql', async (t) => {
  const generated = await generateSchemaTypes()
  t.ok(generated.includes('export type TaskResolvers'), 'the generator ran')
  t.equal(
    readFileSync(generatedTypesPath, 'utf8'),
    generated,
    'schema-types.ts is stale: run npm run codegen',
  )
})
