// /catalog.jsonld against DCAT-AP 3.0.1's own SHACL shapes (test/fixtures/dcat-ap, offline): the
// mandatory constraints and class ranges hold with no result at all, and of the recommended ones
// only the geometry of places is missing (the data names places, it holds no coordinates).
// Taking a recommended or mandatory property away is reported, so the validation sees them.
import { join } from 'node:path'
import { Readable } from 'node:stream'
import rdf from '@zazuko/env-node'
import jsonld from 'jsonld'
import SHACLValidator from 'rdf-validate-shacl'
import t, { type Test } from 'tap'
import { readConfig } from '../../src/config.js'
import { projectRoot } from '../../src/paths.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase } from '../helper.js'

const SHAPES = join(projectRoot, 'test', 'fixtures', 'dcat-ap')
const DCAT = 'http://www.w3.org/ns/dcat#'
const SH = 'http://www.w3.org/ns/shacl#'
const DCT_LOCATION = 'http://purl.org/dc/terms/Location'
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'

type Shapes = Awaited<ReturnType<typeof shapesOf>>

async function shapesOf(...files: string[]) {
  const shapes = rdf.dataset()
  for (const file of files) await shapes.import(rdf.fromFile(join(SHAPES, file)))
  return shapes
}

const mandatory = await shapesOf('shapes.ttl', 'range.ttl')
const recommended = await shapesOf('shapes_recommended.ttl')

interface Result {
  severity: string
  path: string
  focus: string
  message: string
}

/** Validates a catalog as a portal reads it: JSON-LD turned into RDF, every shape applied. */
async function validate(catalog: object, shapes: Shapes) {
  const nquads = (await jsonld.toRDF(catalog as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
  })) as unknown as string
  const quads = rdf.formats.parsers.import('application/n-quads', Readable.from([nquads]))!
  const data = await rdf.dataset().import(quads)
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data)
  const results: Result[] = report.results.map((r) => ({
    severity: r.severity?.value.replace(SH, '') ?? '',
    path: r.path?.value ?? '',
    focus: r.focusNode?.value ?? '',
    message: r.message.map((m) => m.value).join('; '),
  }))
  const locations = new Set(
    [...data.match(null, rdf.namedNode(RDF_TYPE), rdf.namedNode(DCT_LOCATION))].map(
      (quad) => quad.subject.value,
    ),
  )
  return { results, locations }
}

const described = (results: Result[]) =>
  results.map((r) => `${r.severity} ${r.path} of ${r.focus}: ${r.message}`)

async function catalogOf(t: Test, env: Record<string, string> = {}) {
  const { db } = tempDatabase(t, [bundledPlanPath, secondPlanPath])
  const app = await buildTestApp(t, { db, metadata: readConfig(env).metadata })
  const res = await app.inject({ url: '/catalog.jsonld', headers: { host: 'api.test' } })
  t.equal(res.statusCode, 200)
  return res.json() as Record<string, unknown> & { 'dcat:dataset': Record<string, unknown>[] }
}

t.test('the catalog meets DCAT-AP: mandatory, ranges and recommended', async (t) => {
  const catalog = await catalogOf(t)
  const strict = await validate(catalog, mandatory)
  t.same(described(strict.results), [], 'no result of the mandatory shapes and class ranges')

  const { results, locations } = await validate(catalog, recommended)
  t.same(described(results.filter((r) => r.severity === 'Violation')), [], 'no violation')
  // A place is a name here: its bounding box and centroid would come from a gazetteer.
  const geometry = [`${DCAT}bbox`, `${DCAT}centroid`]
  t.same(
    described(results.filter((r) => !(geometry.includes(r.path) && locations.has(r.focus)))),
    [],
    'no recommended property missing but the geometry of places',
  )
  t.ok(locations.size > 0)
  t.equal(results.length, locations.size * geometry.length, 'only bbox and centroid, once each')
})

t.test('configured publisher, contact and license meet the mandatory shapes too', async (t) => {
  const catalog = await catalogOf(t, {
    PUBLISHER: '某市大数据管理局',
    CONTACT_EMAIL: 'opendata@example.gov.cn',
    CONTACT_URL: 'https://example.gov.cn/contact',
    LICENSE_TITLE: 'CC BY 4.0',
    LICENSE_URL: 'https://creativecommons.org/licenses/by/4.0/',
  })
  t.same(described((await validate(catalog, mandatory)).results), [])
  const { results } = await validate(catalog, recommended)
  t.notOk(
    results.some((r) => r.path.endsWith('contactPoint')),
    'every dataset and the service have a contact',
  )
})

t.test('a property taken away is reported by the shapes', async (t) => {
  const without = async (property: string, shapes: Shapes) => {
    const catalog = await catalogOf(t)
    const dataset = catalog['dcat:dataset'][0]!
    delete dataset[property]
    const { results } = await validate(catalog, shapes)
    return results.filter((r) => r.focus === dataset['@id'])
  }
  t.match(
    await without('dcat:contactPoint', recommended),
    [{ severity: 'Warning', path: `${DCAT}contactPoint` }],
    'a dataset without a contact point',
  )
  t.match(
    await without('dct:temporal', recommended),
    [{ severity: 'Warning', path: 'http://purl.org/dc/terms/temporal' }],
    'without its temporal coverage',
  )
  t.match(
    await without('dcat:theme', recommended),
    [{ severity: 'Warning', path: `${DCAT}theme` }],
    'without a theme',
  )
  t.match(
    await without('dct:description', mandatory),
    [{ severity: 'Violation', path: 'http://purl.org/dc/terms/description' }],
    'without a description: a violation',
  )
})
