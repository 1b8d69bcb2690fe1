// The DCAT-AP 3 catalog a data portal harvests: one dcat:Dataset per resource with its JSON, CSV,
// XLSX and JSON Lines distributions, and the API as a dcat:DataService. It states what DCAT-AP
// makes mandatory and what it recommends, from the data where the data says it: titles and
// descriptions in Chinese and English with the counts, the issuers' level of government, the
// places, the dates issued and the period the plans cover. Publisher, contact and license come
// from configuration; the theme is the EU's "Government and public sector", which is what a
// government's plans are whatever they plan. Checked against DCAT-AP's SHACL shapes in
// test/rest/dcat-shacl.test.ts.
import type { MetadataOptions } from '../config.js'
import { DEFAULT_LICENSE_TITLE } from '../config.js'
import { XLSX_TYPE } from '../http/xlsx.js'
import { JSONL_TYPE } from '../http/jsonl.js'
import type { JurisdictionLevel } from '../ingest/types.js'
import type { CatalogFacts } from '../store/index.js'
import { DATASETS, holdings, type Bilingual, type Dataset } from './datasets.js'

/** A term of a vocabulary, typed as the class DCAT-AP expects of the property it fills. */
const term = (id: string, type: string) => ({ '@id': id, '@type': type })

/** A concept of a controlled vocabulary, with its label there (DCAT-AP asks for one). */
const concept = (id: string, label: string) => ({
  '@id': id,
  '@type': 'skos:Concept',
  'skos:prefLabel': { '@value': label, '@language': 'en' },
})

/** DCAT-AP wants IRIs from these vocabularies for media types, formats, themes and the like. */
const IANA = 'http://www.iana.org/assignments/media-types/'
const EU = 'http://publications.europa.eu/resource/authority/'
const FILE_TYPE = `${EU}file-type/`
const DATA_THEMES = `${EU}data-theme`
const GOVERNMENT = concept(`${DATA_THEMES}/GOVE`, 'Government and public sector')
const LANGUAGES = { zh: `${EU}language/ZHO`, en: `${EU}language/ENG` }
/** The data changes when a plan is loaded or reloaded, on no schedule. */
const IRREGULAR = `${EU}frequency/IRREG`
const STABLE = concept(`${EU}planned-availability/STABLE`, 'stable')
const PUBLIC_DOMAIN = concept('http://purl.org/adms/licencetype/PublicDomain', 'Public domain')
const OPENAPI_3_1 = 'https://spec.openapis.org/oas/v3.1.0'

/** ADMS's publisher types, by the level of government that issued the plans. */
const PUBLISHER_TYPES: Record<JurisdictionLevel, ReturnType<typeof concept>> = {
  national: concept('http://purl.org/adms/publishertype/NationalAuthority', 'National authority'),
  provincial: concept('http://purl.org/adms/publishertype/RegionalAuthority', 'Regional authority'),
  city: concept('http://purl.org/adms/publishertype/LocalAuthority', 'Local authority'),
  county: concept('http://purl.org/adms/publishertype/LocalAuthority', 'Local authority'),
}
const LEVELS_HIGHEST_FIRST: JurisdictionLevel[] = ['national', 'provincial', 'city', 'county']

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
}

/** A text in both languages, each tagged with its own (not "文件 Documents" in one literal). */
function tagged(text: Bilingual) {
  return [
    { '@value': text.zh, '@language': 'zh' },
    { '@value': text.en, '@language': 'en' },
  ]
}

/** Keywords, each in both languages, each once. */
function keywordsOf(keywords: Bilingual[]) {
  const seen = new Set<string>()
  return keywords.flatMap(tagged).filter((k) => !seen.has(k['@value']) && seen.add(k['@value']))
}

function date(value: string | null) {
  return value === null ? undefined : { '@value': value, '@type': 'xsd:date' }
}

/** A moment: when data last changed, as the change feed (/v1/changes) records it. */
function dateTime(value: string | null) {
  return value === null ? undefined : { '@value': value, '@type': 'xsd:dateTime' }
}

/** The highest level of government among the issuers, as ADMS names its kind of authority. */
function publisherType(levels: JurisdictionLevel[]) {
  const highest = LEVELS_HIGHEST_FIRST.find((level) => levels.includes(level))
  return highest === undefined ? undefined : PUBLISHER_TYPES[highest]
}

export function catalog(
  base: string,
  facts: CatalogFacts,
  options: MetadataOptions,
  publisherName: string,
) {
  const type = publisherType(facts.levels)
  const publisher = {
    '@type': 'foaf:Agent',
    'foaf:name': publisherName,
    ...(type === undefined ? {} : { 'dct:type': type }),
  }
  // Whom to ask: the configured address and page; without either, the service's own address.
  const contactUrl = options.contactUrl ?? (options.contactEmail === null ? `${base}/` : null)
  const contactPoint = {
    '@type': ['vcard:Organization', 'vcard:Kind'],
    'vcard:fn': publisherName,
    ...(options.contactEmail === null
      ? {}
      : { 'vcard:hasEmail': { '@id': `mailto:${options.contactEmail}` } }),
    ...(contactUrl === null ? {} : { 'vcard:hasURL': { '@id': contactUrl } }),
  }
  const license = {
    ...(options.licenseUrl ? { '@id': options.licenseUrl } : {}),
    '@type': 'dct:LicenseDocument',
    'rdfs:label': options.licenseTitle,
    ...(options.licenseTitle === DEFAULT_LICENSE_TITLE ? { 'dct:type': PUBLIC_DOMAIN } : {}),
  }
  const spatial = facts.jurisdictions.map((name) => ({
    '@type': 'dct:Location',
    'rdfs:label': name,
  }))
  // From the first plan's issue to the end of the last year a plan's period or target reaches.
  const temporal =
    facts.firstIssued === null
      ? undefined
      : {
          '@type': 'dct:PeriodOfTime',
          'dcat:startDate': date(facts.firstIssued),
          'dcat:endDate': date(facts.coveredUntil),
        }
  const theme = GOVERNMENT
  const languages = [term(LANGUAGES.zh, 'dct:LinguisticSystem')]
  const distribution = (
    d: Dataset,
    format: { label: string; path: string; description: Bilingual },
    rest: Record<string, unknown>,
  ) => ({
    '@type': 'dcat:Distribution',
    'dct:title': tagged({
      zh: `${d.title.zh}（${format.label}）`,
      en: `${d.title.en} (${format.label})`,
    }),
    'dct:description': tagged(format.description),
    'dcat:accessURL': { '@id': `${base}${format.path}` },
    ...rest,
    'dcatap:availability': STABLE,
    'dct:license': license,
  })
  const download = (d: Dataset, extension: string, label: string, description: Bilingual) =>
    distribution(
      d,
      { label, path: `/v1/${d.name}.${extension}`, description },
      { 'dcat:downloadURL': { '@id': `${base}/v1/${d.name}.${extension}` } },
    )
  const datasets = DATASETS.map((d) => ({
    '@id': `${base}/v1/${d.name}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.name,
    'dct:title': tagged(d.title),
    'dct:description': tagged(holdings(d, facts)),
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dcat:theme': theme,
    'dct:issued': date(facts.firstIssued),
    // The last change to its records, which a harvester compares to decide whether to read it.
    'dct:modified': dateTime(facts.lastChanged[d.name]),
    'dct:temporal': temporal,
    'dct:accrualPeriodicity': term(IRREGULAR, 'dct:Frequency'),
    'dct:license': license,
    'dcat:keyword': keywordsOf(d.keywords),
    'dct:spatial': spatial,
    'dct:language': languages,
    'dcat:distribution': [
      // JSON is paged (follow links.next), so it has an access URL but no single download.
      distribution(
        d,
        {
          label: 'JSON',
          path: `/v1/${d.name}`,
          description: {
            zh: '分页的 JSON：每页最多 500 条，links.next 指向下一页；可按字段筛选。',
            en: 'Pages of JSON, up to 500 records each, links.next to the next; filters by field.',
          },
        },
        {
          'dcat:mediaType': term(`${IANA}application/json`, 'dct:MediaType'),
          'dct:format': term(`${FILE_TYPE}JSON`, 'dct:MediaTypeOrExtent'),
        },
      ),
      {
        ...download(d, 'csv', 'CSV', {
          zh: '整张表的 CSV：UTF-8（无字节顺序标记，加 ?bom=true 则有，供 Excel 打开），列表值以“; ”连接。',
          en: 'The whole table as CSV: UTF-8 (no byte order mark; ?bom=true adds one, for Excel), list values joined by "; ".',
        }),
        'dcat:mediaType': term(`${IANA}text/csv`, 'dct:MediaType'),
        'dct:format': term(`${FILE_TYPE}CSV`, 'dct:MediaTypeOrExtent'),
      },
      {
        ...download(d, 'xlsx', 'XLSX', {
          zh: '整张表的 Excel 工作簿：与 CSV 同列，数字为数字，日期为日期。',
          en: 'The whole table as an Excel workbook: the CSV’s columns, numbers as numbers, dates as dates.',
        }),
        'dcat:mediaType': term(`${IANA}${XLSX_TYPE}`, 'dct:MediaType'),
        'dct:format': term(`${FILE_TYPE}XLSX`, 'dct:MediaTypeOrExtent'),
      },
      // JSON Lines has no media type at IANA (it is sent as application/x-ndjson) and no term
      // among the EU's file types: its format is named, and the specification it follows given.
      {
        ...download(d, 'jsonl', 'JSON Lines', {
          zh: `整张表的 JSON Lines（${JSONL_TYPE}）：每行一条记录，与 JSON 分页中的记录相同，便于流式读取。`,
          en: `The whole table as JSON Lines (${JSONL_TYPE}): one record per line, as the JSON pages hold it, for readers that stream.`,
        }),
        'dct:format': { '@type': 'dct:MediaTypeOrExtent', 'rdfs:label': 'JSON Lines' },
        'dct:conformsTo': term('https://jsonlines.org/', 'dct:Standard'),
      },
    ],
  }))
  const allKeywords = keywordsOf(DATASETS.flatMap((d) => d.keywords))
  return {
    '@context': CONTEXT,
    '@id': `${base}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': tagged({ zh: '规划开放数据', en: 'Plan open data' }),
    'dct:description': tagged({
      zh: `以数据形式发布的政府规划：${DATASETS.map((d) => d.title.zh).join('、')}。`,
      en: `Government plans published as data: ${DATASETS.map((d) => d.title.en.toLowerCase()).join(', ')}.`,
    }),
    'dct:publisher': publisher,
    'foaf:homepage': term(`${base}/`, 'foaf:Document'),
    'dct:license': license,
    'dct:language': languages,
    'dct:issued': date(facts.firstIssued),
    'dct:modified': dateTime(facts.lastChange),
    'dct:spatial': spatial,
    'dcat:themeTaxonomy': {
      ...term(DATA_THEMES, 'skos:ConceptScheme'),
      'dct:title': { '@value': 'Data theme', '@language': 'en' },
    },
    'dcat:dataset': datasets,
    'dcat:service': {
      '@id': `${base}/`,
      '@type': 'dcat:DataService',
      'dct:title': tagged({ zh: '规划开放数据 API（REST）', en: 'Plan open data API (REST)' }),
      'dct:description': tagged({
        zh: '各数据集的 REST 接口：JSON 分页与筛选，CSV、XLSX 与 JSON Lines 下载；接口以 OpenAPI 3.1 描述。',
        en: 'The REST API of the datasets: paged, filtered JSON and CSV, XLSX and JSON Lines downloads, described in OpenAPI 3.1.',
      }),
      'dct:publisher': publisher,
      'dcat:contactPoint': contactPoint,
      'dcat:theme': theme,
      'dcat:keyword': [...allKeywords, { '@value': 'API', '@language': 'en' }],
      'dct:conformsTo': term(OPENAPI_3_1, 'dct:Standard'),
      'dct:license': license,
      'dcat:endpointURL': { '@id': `${base}/` },
      'dcat:endpointDescription': { '@id': `${base}/openapi.json` },
      'dcat:servesDataset': datasets.map((d) => ({ '@id': d['@id'] })),
    },
  }
}
