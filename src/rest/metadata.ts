// What a data portal harvests and a newcomer reads first: the index at /, a DCAT-AP catalog at
// /catalog.jsonld (one dcat:Dataset per resource, JSON, CSV, XLSX and JSON Lines distributions, the API as a
// dcat:DataService) and a Frictionless Data Package at /datapackage.json with a table schema per
// CSV. Titles and dates come from the loaded documents; publisher and license from configuration.
import type { TObject } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { DEFAULT_LICENSE_TITLE, type MetadataOptions } from '../config.js'
import type { CatalogFacts, Store } from '../store/index.js'
import { csvColumns, LIST_SEPARATOR } from '../http/csv.js'
import { XLSX_TYPE } from '../http/xlsx.js'
import { indexRoutes } from './index-page.js'
import { Agency, Document, Finding, Section, Target, Task } from './schemas.js'

interface Dataset {
  name: DatasetName
  title: string
  description: string
  keywords: string[]
  schema: TObject
  /**
   * Columns holding one id of a dataset's records, and that dataset: the Data Package's foreign
   * keys. List columns (tasks' agencies.id, targets' taskIds) hold several ids in one cell, which
   * a Table Schema foreign key cannot say.
   */
  references?: Record<string, DatasetName>
}

type DatasetName = keyof CatalogFacts['counts']

const DATASETS: Dataset[] = [
  {
    name: 'documents',
    title: '文件 Documents',
    description:
      'The plan documents: 发文字号, issuer, titles, recipients, dates, citations, source.',
    keywords: ['政策文件', '实施方案', 'policy documents'],
    schema: Document,
  },
  {
    name: 'sections',
    title: '章节 Sections',
    description: 'The outline of each plan: parts 一、, chapters （一） and numbered action items.',
    keywords: ['重点任务', '行动计划', 'outline'],
    schema: Section,
    references: { documentId: 'documents', parentId: 'sections' },
  },
  {
    name: 'tasks',
    title: '工作任务 Tasks',
    description: 'The rows of the appended task list, with their responsible units (责任单位).',
    keywords: ['工作任务清单', '责任单位', 'tasks'],
    schema: Task,
    references: { documentId: 'documents', sectionId: 'sections' },
  },
  {
    name: 'agencies',
    title: '责任单位 Agencies',
    description: 'Responsible agencies, one per canonical name, with aliases, duties, lead, phone.',
    keywords: ['责任单位', '政府部门', 'agencies'],
    schema: Agency,
  },
  {
    name: 'targets',
    title: '目标指标 Targets',
    description: 'Quantitative commitments found in the text, with deadline, unit and source.',
    keywords: ['目标', '指标', 'targets', 'indicators'],
    schema: Target,
    references: { documentId: 'documents', sectionId: 'sections' },
  },
  {
    name: 'findings',
    title: '数据质量 Findings',
    description:
      'Data-quality findings: duplicated rows, conflicting contacts, body/task mismatches.',
    keywords: ['数据质量', 'data quality'],
    schema: Finding,
    references: { documentId: 'documents' },
  },
]

/** DCAT-AP wants IRIs for media types, file types and languages. */
const IANA = 'http://www.iana.org/assignments/media-types/'
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/'
const CHINESE = 'http://publications.europa.eu/resource/authority/language/ZHO'

/**
 * The absolute address of this service: PUBLIC_URL where the operator set it; else as the client
 * reached it, and then the answer varies with the Host header, which a cache must know.
 */
function baseUrlOf(options: MetadataOptions) {
  return (request: FastifyRequest, reply: FastifyReply): string => {
    if (options.publicUrl !== null) return options.publicUrl
    const vary = String(reply.getHeader('vary') ?? '')
    if (!/\bhost\b/i.test(vary)) reply.header('vary', vary === '' ? 'Host' : `${vary}, Host`)
    return `${request.protocol}://${request.host}`
  }
}

function publisherOf(options: MetadataOptions, facts: CatalogFacts): string {
  return options.publisher ?? (facts.issuers.join('、') || 'Plan open data API')
}

function catalog(base: string, facts: CatalogFacts, options: MetadataOptions) {
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': publisherOf(options, facts) }
  const license = {
    ...(options.licenseUrl ? { '@id': options.licenseUrl } : {}),
    '@type': 'dct:LicenseDocument',
    'rdfs:label': options.licenseTitle,
  }
  const date = (value: string | null) =>
    value === null ? undefined : { '@value': value, '@type': 'xsd:date' }
  const spatial = facts.jurisdictions.map((name) => ({
    '@type': 'dct:Location',
    'rdfs:label': name,
  }))
  const datasets = DATASETS.map((d) => ({
    '@id': `${base}/v1/${d.name}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.name,
    'dct:title': d.title,
    'dct:description': `${d.description} ${facts.counts[d.name]} records.`,
    'dct:publisher': publisher,
    'dct:issued': date(facts.firstIssued),
    'dct:modified': date(facts.lastIssued),
    'dct:license': license,
    'dcat:keyword': d.keywords,
    'dct:spatial': spatial,
    'dct:language': { '@id': CHINESE },
    'dcat:distribution': [
      // JSON is paged (follow links.next), so it has an access URL but no single download.
      {
        '@type': 'dcat:Distribution',
        'dct:title': `${d.title} (JSON)`,
        'dcat:accessURL': { '@id': `${base}/v1/${d.name}` },
        'dcat:mediaType': { '@id': `${IANA}application/json` },
        'dct:format': { '@id': `${FILE_TYPE}JSON` },
        'dct:license': license,
      },
      {
        '@type': 'dcat:Distribution',
        'dct:title': `${d.title} (CSV)`,
        'dcat:accessURL': { '@id': `${base}/v1/${d.name}.csv` },
        'dcat:downloadURL': { '@id': `${base}/v1/${d.name}.csv` },
        'dcat:mediaType': { '@id': `${IANA}text/csv` },
        'dct:format': { '@id': `${FILE_TYPE}CSV` },
        'dct:license': license,
      },
      {
        '@type': 'dcat:Distribution',
        'dct:title': `${d.title} (XLSX)`,
        'dcat:accessURL': { '@id': `${base}/v1/${d.name}.xlsx` },
        'dcat:downloadURL': { '@id': `${base}/v1/${d.name}.xlsx` },
        'dcat:mediaType': { '@id': `${IANA}${XLSX_TYPE}` },
        'dct:format': { '@id': `${FILE_TYPE}XLSX` },
        'dct:license': license,
      },
      // JSON Lines has no media type at IANA and no term in the EU's file types: its format
      // is named, and the specification it follows given.
      {
        '@type': 'dcat:Distribution',
        'dct:title': `${d.title} (JSON Lines)`,
        'dcat:accessURL': { '@id': `${base}/v1/${d.name}.jsonl` },
        'dcat:downloadURL': { '@id': `${base}/v1/${d.name}.jsonl` },
        'dct:format': { '@type': 'dct:MediaTypeOrExtent', 'rdfs:label': 'JSON Lines' },
        'dct:conformsTo': { '@id': 'https://jsonlines.org/' },
        'dct:license': license,
      },
    ],
  }))
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': 'Plan open data',
    'dct:description':
      'Policy plans published as data: documents, outline, tasks, agencies, targets, findings.',
    'dct:publisher': publisher,
    'dct:license': license,
    'dct:issued': date(facts.firstIssued),
    'dct:modified': date(facts.lastIssued),
    'dct:spatial': spatial,
    'dcat:dataset': datasets,
    'dcat:service': {
      '@id': `${base}/`,
      '@type': 'dcat:DataService',
      'dct:title': 'Plan open data API (REST)',
      'dcat:endpointURL': { '@id': `${base}/` },
      'dcat:endpointDescription': { '@id': `${base}/openapi.json` },
      'dcat:servesDataset': datasets.map((d) => ({ '@id': d['@id'] })),
    },
  }
}

/** Frictionless types: a list column is text (its values joined), a date string is a date. */
function fieldType(column: ReturnType<typeof csvColumns>[number]): string {
  if (column.list) return 'string'
  if (column.format === 'date') return 'date'
  return column.type
}

/** The table schema's foreignKeys; none at all (not an empty list, which the profile refuses). */
function foreignKeysOf(d: Dataset) {
  const references = Object.entries(d.references ?? {})
  if (references.length === 0) return {}
  return {
    foreignKeys: references.map(([field, dataset]) => ({
      fields: field,
      // The spec's name for a key into the same table is the empty string.
      reference: { resource: dataset === d.name ? '' : dataset, fields: 'id' },
    })),
  }
}

function dataPackage(base: string, facts: CatalogFacts, options: MetadataOptions) {
  return {
    profile: 'tabular-data-package',
    name: 'plan-open-data',
    title: 'Plan open data',
    description:
      "Policy plans published as data: documents, outline, tasks, agencies, targets, findings. A text cell that would start with =, +, -, @, a tab or a carriage return starts with ' instead, so that spreadsheets do not run it as a formula (OWASP's advice on CSV injection).",
    homepage: `${base}/`,
    contributors: [{ title: publisherOf(options, facts), role: 'publisher' }],
    licenses: [
      {
        // Open Definition's id for a public-domain status other than a dedication.
        name: options.licenseTitle === DEFAULT_LICENSE_TITLE ? 'other-pd' : 'other',
        title: options.licenseTitle,
        ...(options.licenseUrl ? { path: options.licenseUrl } : {}),
      },
    ],
    keywords: [...new Set(DATASETS.flatMap((d) => d.keywords))],
    resources: DATASETS.map((d) => ({
      profile: 'tabular-data-resource',
      name: d.name,
      title: d.title,
      description: d.description,
      path: `${base}/v1/${d.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      // Plain UTF-8: the CSV at this path has no byte order mark (bom=true adds one, for
      // Excel), which readers of the package would take as part of the first header. Text
      // cells that would start a formula start with ' (see the package's description).
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', header: true },
      schema: {
        fields: csvColumns(d.schema).map((column) => ({
          name: column.name,
          type: fieldType(column),
          description: [
            column.description,
            column.list ? `A list: values joined by "${LIST_SEPARATOR}".` : undefined,
          ]
            .filter(Boolean)
            .join(' '),
        })),
        primaryKey: 'id',
        ...foreignKeysOf(d),
        missingValues: [''],
      },
    })),
  }
}

export const metadataRoutes =
  (store: Store, options: MetadataOptions): FastifyPluginAsync =>
  async (app) => {
    const baseUrl = baseUrlOf(options)
    const hidden = { schema: { hide: true } }
    await app.register(
      indexRoutes({
        title: 'Plan open data API',
        description:
          'Policy plans as data: documents, their outline, task lists, agencies, targets and data-quality findings, with the source line of every record.',
        entries: [
          ...DATASETS.map((d) => ({
            name: d.name,
            path: `/v1/${d.name}`,
            description: `${d.title}: ${d.description} Also whole as CSV at /v1/${d.name}.csv, XLSX at /v1/${d.name}.xlsx and JSON Lines at /v1/${d.name}.jsonl.`,
          })),
          {
            name: 'search',
            path: '/v1/search?q=',
            description: 'Full-text search of sections, tasks and targets, from one character.',
          },
          { name: 'openapi', path: '/openapi.json', description: 'The REST API as OpenAPI 3.1.' },
          {
            name: 'docs',
            path: '/docs',
            description: 'The REST API documented, to try in the browser.',
          },
          {
            name: 'graphql',
            path: '/graphql',
            description: 'GraphQL: POST, or GET with ?query= for cacheable reads.',
          },
          {
            name: 'graphiql',
            path: '/graphiql',
            description:
              'GraphiQL, to explore the GraphQL API in the browser, with example queries.',
          },
          { name: 'schema', path: '/schema.graphql', description: 'The GraphQL schema (SDL).' },
          {
            name: 'catalog',
            path: '/catalog.jsonld',
            description: 'DCAT-AP catalog of the datasets, for data portals.',
          },
          {
            name: 'datapackage',
            path: '/datapackage.json',
            description: 'Frictionless Data Package of the CSV files.',
          },
          { name: 'health', path: '/healthz', description: 'Liveness; /readyz for readiness.' },
        ],
        baseUrl,
      }),
    )
    app.get('/catalog.jsonld', hidden, async (request, reply) => {
      reply.type('application/ld+json; charset=utf-8')
      return JSON.stringify(catalog(baseUrl(request, reply), store.catalogFacts(), options))
    })
    app.get('/datapackage.json', hidden, async (request, reply) =>
      dataPackage(baseUrl(request, reply), store.catalogFacts(), options),
    )
  }
