// Writes src/graphql/schema-types.ts, the TypeScript types of the resolvers and loaders, from
// schema.graphql. Run `npm run codegen` after changing the SDL; a test fails while they differ.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSchema } from 'graphql'
import { generateCode } from 'mercurius-codegen'
import { format, resolveConfig } from 'prettier'
import { projectRoot } from '../src/paths.js'

export const generatedTypesPath = join(projectRoot, 'src', 'graphql', 'schema-types.ts')

/** The store's records are what resolvers of each GraphQL type receive as their parent. */
const STORE = '../store/index.js'

export async function generateSchemaTypes(): Promise<string> {
  const schema = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'))
  const code = await generateCode(
    schema,
    {
      mappers: {
        Document: `${STORE}#DocumentRecord`,
        Section: `${STORE}#SectionRecord`,
        Task: `${STORE}#TaskRecord`,
        TaskAgency: `${STORE}#TaskAgency as TaskAgencyRecord`,
        Agency: `${STORE}#AgencyRecord`,
        Target: `${STORE}#TargetRecord`,
        Finding: `${STORE}#FindingRecord`,
        SearchHit: `${STORE}#SearchHit as SearchHitRecord`,
        Observation: `${STORE}#ObservationRecord`,
        StatusChange: `${STORE}#StatusChangeRecord`,
        // What an aggregate's fields count: the resource and its filter (aggregates.ts).
        ...Object.fromEntries(
          ['Document', 'Section', 'Task', 'Agency', 'Target', 'Finding'].map((type) => [
            `${type}Aggregate`,
            './aggregates.js#Aggregate',
          ]),
        ),
      },
      // Loaders receive the same parents as resolvers do.
      loadersCustomParentTypes: {
        Document: 'DocumentRecord',
        Section: 'SectionRecord',
        Task: 'TaskRecord',
        TaskAgency: 'TaskAgencyRecord',
        Agency: 'AgencyRecord',
        Target: 'TargetRecord',
        Finding: 'FindingRecord',
        SearchHit: 'SearchHitRecord',
        Observation: 'ObservationRecord',
        StatusChange: 'StatusChangeRecord',
      },
      // Resolvers return what the schema says, not any partial object of it.
      customResolverFn:
        '(parent: TParent, args: TArgs, context: TContext, info: GraphQLResolveInfo) => Promise<TResult> | TResult',
      // Enum values are the store's own strings: no mapping between two spellings.
      enumsAsTypes: true,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    },
    '// Generated from schema.graphql by `npm run codegen`; do not edit.\n',
    true,
  )
  // Formatted as the rest of the code is, so that the lint passes on it unchanged.
  return format(code, { ...(await resolveConfig(generatedTypesPath)), parser: 'typescript' })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(generatedTypesPath, await generateSchemaTypes())
  console.log(`wrote ${generatedTypesPath}`)
}
