// Shared test fixtures: the bundled plan, hand-written plans, and apps on temporary databases.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions } from '../src/app.js'
import { readAliasDictionary, readPlanFile } from '../src/ingest/read.js'
import { parsePlan } from '../src/ingest/parse.js'
import type { PlanDocument } from '../src/ingest/types.js'
import { aliasDictionaryPath, projectRoot, sourcesDir } from '../src/paths.js'
import { openDatabase, type Database } from '../src/store/database.js'
import { Store } from '../src/store/index.js'
import { loadDocuments } from '../src/store/load.js'

export const aliases = readAliasDictionary(aliasDictionaryPath)
export const bundledPlanPath = join(sourcesDir, '000_c064bf4d175dcab6.txt')
export const fixturesDir = join(projectRoot, 'test', 'fixtures', 'plans')
export const secondPlanPath = join(fixturesDir, 'second-plan.txt')
export const thirdPlanPath = join(fixturesDir, 'third-plan.txt')

export function readPlan(path: string): PlanDocument {
  return readPlanFile(path, aliases)
}

/** Parses a text written in the test itself. */
export function parseText(text: string, file = 'snippet.txt'): PlanDocument {
  return parsePlan(Buffer.from(text, 'utf8'), { file, aliases })
}

/** A temporary folder removed when the test ends. */
export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A migrated database file in a temporary folder, loaded with the given plan texts. */
export function tempDatabase(t: Test, files: string[] = []): { db: Database; path: string } {
  const path = join(tempDir(t), 'plan.db')
  const db = openDatabase(path)
  t.teardown(() => db.close())
  if (files.length > 0) loadDocuments(db, files.map(readPlan))
  return { db, path }
}

export interface TestAppOptions extends Partial<AppOptions> {
  /** Plan texts loaded into a new temporary database; the bundled plan by default. */
  files?: string[]
  /** A database to serve instead (made with tempDatabase, say, to write to it in the test). */
  db?: Database
}

/**
 * An app with these options over a temporary database holding the bundled plan (or `files`, or
 * the given `db` or `store`), closed when the test ends.
 */
export async function buildTestApp(t: Test, options: TestAppOptions = {}) {
  const app = await appOver(t, options)
  t.teardown(() => app.close())
  return app
}

function appOver(
  t: Test,
  { files = [bundledPlanPath], db, ...options }: TestAppOptions,
): Promise<FastifyInstance> {
  return buildApp({
    ...options,
    store: options.store ?? new Store(db ?? tempDatabase(t, files).db),
  })
}

/**
 * The same app listening on a loopback port (for what app.inject does not pass through: the HTTP
 * server, the hot path, sockets). Connections still open are closed with it, so that an unread
 * answer cannot hold the close for the keep-alive timeout.
 */
export async function listenTestApp(
  t: Test,
  options: TestAppOptions = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await appOver(t, options)
  t.teardown(async () => {
    const closing = app.close()
    app.server.closeAllConnections()
    await closing
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url }
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}
