// Where the project's own files are, whether running from src/ (tsx) or from dist/src (node).
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json above ${from}`)
    dir = parent
  }
  return dir
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))
export const migrationsDir = join(projectRoot, 'migrations')
export const sourcesDir = join(projectRoot, 'db', 'sources')
export const aliasDictionaryPath = join(projectRoot, 'db', 'agency-aliases.json')
export const defaultDatabasePath = join(projectRoot, 'db', 'plan.db')
/** DB_PATH when set, as the server and the commands read it: one database unless told otherwise. */
export const configuredDatabasePath = (env: NodeJS.ProcessEnv = process.env) =>
  env.DB_PATH ? resolve(env.DB_PATH) : defaultDatabasePath
export const graphqlSchemaPath = join(projectRoot, 'schema.graphql')
