// The index, the DCAT-AP catalog a portal harvests, and the Data Package that describes each CSV.
import { parse } from 'csv-parse/sync'
import jsonld from 'jsonld'
import t from 'tap'
import { DEFAULT_LICENSE_TITLE, DEFAULT_LICENSE_URL, readConfig } from '../../src/config.js'
import { Store } from '../../src/store/index.js'
import { bundledPlanPath, buildTestApp, secondPlanPath, tempDatabase } from '../helper.js'

const DCAT = 'http://www.w3.org/ns/dcat#'
const DCT = 'http://purl.org/dc/terms/'
const FOAF = 'http://xmlns.com/foaf/0.1/'
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#'
const VCARD = 'http://www.w3.org/2006/vcard/ns#'

type Node = Record<string, { '@value'?: string; '@id'?: string }[]> & {
  '@id'?: string
  '@type'?: string[]
}

t.test('the index links every resource and every description of the API', async (t) => {
  const app = await buildTestApp(t)
  const index = (await app.inject({ url: '/', headers: { host: 'data.example.gov.cn' } })).json()
  for (const name of ['documents', 'sections', 'tasks', 'agencies', 'targets', 'findings']) {
    t.equal(index.links[name], `http://data.example.gov.cn/v1/${name}`)
    t.equal((await app.inject(new URL(index.links[name]).pathname)).statusCode, 200)
  }
  for (const key of ['openapi', 'docs', 'graphiql', 'schema', 'catalog', 'datapackage', 'health']) {
    const res = await app.inject(new URL(index.links[key]).pathname)
    t.ok([200, 302].includes(res.statusCode), key)
    t.ok(index.descriptions[key], `${key} has a line on what it is`)
  }
  const graphql = await app.inject(`${new URL(index.links.graphql).pathname}?query={__typename}`)
  t.same(graphql.json(), { data: { __typename: 'Query' } })
})

t.test('a browser gets the index as a page linking every entry point', async (t) => {
  const app = await buildTestApp(t)
  const json = (await app.inject('/')).json() as { links: Record<string, string> }
  const res = await app.inject({
    url: '/',
    headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
  })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8')
  t.equal(
    res.headers.vary,
    'Accept, Accept-Encoding',
    'the page is sent compressed to whom accepts it',
  )
  t.match(res.headers['content-security-policy'], /default-src 'none'/)
  for (const link of Object.values(json.links)) {
    const path = new URL(link).pathname + new URL(link).search
    // A path ending in a parameter to fill in is shown, not linked: its link would answer 400.
    const shown = path.endsWith('=') ? `<code>${path}</code>` : `href="${path}"`
    t.ok(res.body.includes(shown), `shows ${path}`)
  }
  t.notMatch(res.body, /<script/i)
})

t.test(
  '/catalog.jsonld is DCAT: a dataset per resource with JSON and CSV distributions',
  async (t) => {
    const app = await buildTestApp(t, { files: [bundledPlanPath, secondPlanPath] })
    const res = await app.inject({ url: '/catalog.jsonld', headers: { host: 'api.test' } })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8')
    // Expanding with a JSON-LD processor proves the document well-formed and its terms IRIs.
    const expanded = (await jsonld.expand(res.json())) as Node[]
    const catalog = expanded.find((n) => n['@type']?.includes(`${DCAT}Catalog`))!
    t.ok(catalog, 'a dcat:Catalog')
    const datasets = catalog[`${DCAT}dataset`] as unknown as Node[]
    t.equal(datasets.length, 6)
    const tasks = datasets.find((d) => d['@id'] === 'http://api.test/v1/tasks')!
    const value = (node: Node, key: string) => node[key]?.map((v) => v['@value'] ?? v['@id'])
    const inLanguages = (node: Node, key: string) =>
      Object.fromEntries(
        (node[key] as unknown as { '@value': string; '@language': string }[]).map((v) => [
          v['@language'],
          v['@value'],
        ]),
      )
    t.same(
      inLanguages(tasks, `${DCT}title`),
      { zh: '工作任务', en: 'Tasks' },
      'a title per language',
    )
    // What it holds, counted in words from the data.
    const total = (await app.inject('/v1/tasks')).json().meta.total as number
    const description = inLanguages(tasks, `${DCT}description`)
    t.match(description.en, `It holds ${total} tasks from 2 documents.`)
    t.match(description.zh, `共 ${total} 项任务，出自 2 份文件。`)
    t.notMatch(description.en, /records/)
    t.same(value(tasks, `${DCT}issued`), ['2023-08-28'], 'the earliest 印发日期')
    // The last change to tasks, as the change feed has it.
    const feed = (await app.inject('/v1/changes?limit=500')).json().data as {
      at: string
      record: { type: string }
    }[]
    const lastTaskChange = feed.filter((c) => c.record.type === 'task').at(-1)!.at
    t.same(value(tasks, `${DCT}modified`), [lastTaskChange], 'when a task last changed')
    t.ok(value(tasks, `${DCAT}keyword`)!.includes('责任单位'))
    const spatial = (tasks[`${DCT}spatial`] as unknown as Node[]).map(
      (n) => value(n, `${RDFS}label`)![0],
    )
    t.same(spatial.sort(), ['新郑市', '洛阳市'].sort(), 'the jurisdictions of the loaded plans')
    const publisher = (tasks[`${DCT}publisher`] as unknown as Node[])[0]!
    t.same(value(publisher, `${FOAF}name`), ['新郑市人民政府办公室、洛阳市人民政府办公室'])
    const license = (tasks[`${DCT}license`] as unknown as Node[])[0]!
    t.same(value(license, `${RDFS}label`), [DEFAULT_LICENSE_TITLE])
    const distributions = tasks[`${DCAT}distribution`] as unknown as Node[]
    const byType = Object.fromEntries(
      distributions.map((d) => [
        value(d, `${DCAT}mediaType`)?.[0] ?? value(d, `${DCT}conformsTo`)![0],
        [value(d, `${DCAT}accessURL`)![0], value(d, `${DCAT}downloadURL`)?.[0] ?? null],
      ]),
    )
    t.same(byType, {
      'http://www.iana.org/assignments/media-types/application/json': [
        'http://api.test/v1/tasks',
        null,
      ],
      'http://www.iana.org/assignments/media-types/text/csv': [
        'http://api.test/v1/tasks.csv',
        'http://api.test/v1/tasks.csv',
      ],
      'http://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
        ['http://api.test/v1/tasks.xlsx', 'http://api.test/v1/tasks.xlsx'],
      'https://jsonlines.org/': [
        'http://api.test/v1/tasks.jsonl',
        'http://api.test/v1/tasks.jsonl',
      ],
    })
    for (const [access] of Object.values(byType) as [string, string | null][]) {
      t.equal((await app.inject(new URL(access).pathname)).statusCode, 200, `${access} answers`)
    }
    t.same(value(tasks, `${DCT}language`), [
      'http://publications.europa.eu/resource/authority/language/ZHO',
    ])
    t.same(value(tasks, `${DCAT}theme`), [
      'http://publications.europa.eu/resource/authority/data-theme/GOVE',
    ])
    t.same(value(tasks, `${DCT}accrualPeriodicity`), [
      'http://publications.europa.eu/resource/authority/frequency/IRREG',
    ])
    // From the first plan issued to the end of the latest year a target is due.
    const targets = (await app.inject('/v1/targets?limit=500')).json().data as {
      deadlineYear: number | null
    }[]
    const latest = Math.max(...targets.flatMap((x) => x.deadlineYear ?? []))
    const temporal = (tasks[`${DCT}temporal`] as unknown as Node[])[0]!
    t.same(value(temporal, `${DCAT}startDate`), ['2023-08-28'])
    t.same(value(temporal, `${DCAT}endDate`), [`${latest}-12-31`])
    t.equal(license['@id'], DEFAULT_LICENSE_URL, 'the Public Domain Mark, by default')
    t.same(value(publisher, `${DCT}type`), ['http://purl.org/adms/publishertype/LocalAuthority'])
    const contact = (tasks[`${DCAT}contactPoint`] as unknown as Node[])[0]!
    t.same(value(contact, `${VCARD}hasURL`), ['http://api.test/'], 'the service, by default')
    const service = (catalog[`${DCAT}service`] as unknown as Node[])[0]!
    t.ok(service['@type']!.includes(`${DCAT}DataService`))
    t.same(value(service, `${DCAT}endpointDescription`), ['http://api.test/openapi.json'])
    t.equal((service[`${DCAT}servesDataset`] as unknown as Node[]).length, 6)
  },
)

t.test('publisher and license come from the configuration', async (t) => {
  const config = readConfig({
    PUBLISHER: '某市大数据管理局',
    LICENSE_TITLE: 'CC BY 4.0',
    LICENSE_URL: 'https://creativecommons.org/licenses/by/4.0/',
    CONTACT_EMAIL: 'opendata@example.gov.cn',
  })
  const { db } = tempDatabase(t, [bundledPlanPath])
  const app = await buildTestApp(t, { db, metadata: config.metadata })
  const catalog = (await app.inject('/catalog.jsonld')).json()
  t.equal(catalog['dct:publisher']['foaf:name'], '某市大数据管理局')
  t.same(catalog['dct:license'], {
    '@id': 'https://creativecommons.org/licenses/by/4.0/',
    '@type': 'dct:LicenseDocument',
    'rdfs:label': 'CC BY 4.0',
  })
  const pkg = (await app.inject('/datapackage.json')).json()
  t.same(pkg.licenses, [
    { name: 'other', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  ])
  t.throws(() => readConfig({ LICENSE_URL: 'ftp://x' }), /LICENSE_URL must be an http\(s\) URL/)
  t.same(catalog['dcat:dataset'][0]['dcat:contactPoint'], {
    '@type': ['vcard:Organization', 'vcard:Kind'],
    'vcard:fn': '某市大数据管理局',
    'vcard:hasEmail': { '@id': 'mailto:opendata@example.gov.cn' },
  })
  t.equal(
    readConfig({ LICENSE_TITLE: 'CC BY 4.0' }).metadata.licenseUrl,
    null,
    'another license has not the default one’s address',
  )
  t.throws(() => readConfig({ CONTACT_EMAIL: 'x' }), /CONTACT_EMAIL must be an e-mail address/)
})

t.test('/datapackage.json describes each CSV: its fields, types and descriptions', async (t) => {
  const app = await buildTestApp(t)
  const pkg = (await app.inject({ url: '/datapackage.json', headers: { host: 'api.test' } })).json()
  t.equal(pkg.profile, 'tabular-data-package')
  t.equal(pkg.resources.length, 6)
  for (const resource of pkg.resources as {
    name: string
    path: string
    encoding: string
    schema: { fields: { name: string; type: string; description: string }[]; primaryKey: string }
  }[]) {
    t.equal(resource.path, `http://api.test/v1/${resource.name}.csv`)
    t.equal(resource.encoding, 'utf-8')
    const csv = (await app.inject(new URL(resource.path).pathname)).body
    const [header, ...rows] = parse(csv, { bom: true }) as string[][]
    t.same(
      header,
      resource.schema.fields.map((f) => f.name),
      `${resource.name}: fields in order`,
    )
    t.equal(resource.schema.primaryKey, 'id')
    // Each value parses as its declared type.
    resource.schema.fields.forEach((field, i) => {
      const bad = rows.find((row) => {
        const v = row[i]!
        if (v === '') return false
        if (field.type === 'integer') return !/^-?\d+$/.test(v)
        if (field.type === 'number') return Number.isNaN(Number(v))
        if (field.type === 'date') return !/^\d{4}-\d{2}-\d{2}$/.test(v)
        return false
      })
      if (bad) t.fail(`${resource.name}.${field.name} is not ${field.type}: ${bad[i]}`)
    })
  }
  const tasks = pkg.resources.find((r: { name: string }) => r.name === 'tasks')
  const agencies = tasks.schema.fields.find((f: { name: string }) => f.name === 'agencies.name')
  t.match(agencies, { type: 'string', description: /joined by "; "/ })
  const documents = pkg.resources.find((r: { name: string }) => r.name === 'documents')
  t.match(
    documents.schema.fields.find((f: { name: string }) => f.name === 'issuedOn'),
    {
      type: 'date',
    },
  )
})

t.test(
  'absolute links: PUBLIC_URL when set; else the Host, and the answer varies with it',
  async (t) => {
    const { db } = tempDatabase(t, [bundledPlanPath])
    const store = new Store(db)
    const attacker = { host: 'evil.example', accept: 'application/json' }

    const configured = await buildTestApp(t, {
      store,
      metadata: readConfig({ PUBLIC_URL: 'https://data.example.gov.cn/' }).metadata,
    })
    for (const url of ['/', '/catalog.jsonld', '/datapackage.json']) {
      const res = await configured.inject({ url, headers: attacker })
      t.notMatch(res.body, 'evil.example', `${url}: a forged Host never reaches the links`)
      t.match(res.body, 'https://data.example.gov.cn/', url)
      t.notMatch(String(res.headers.vary ?? ''), /host/i, `${url}: nothing varies with Host`)
    }

    const unset = await buildTestApp(t, { store })
    for (const url of ['/', '/catalog.jsonld', '/datapackage.json']) {
      const res = await unset.inject({ url, headers: attacker })
      t.match(res.body, 'http://evil.example/', `${url}: links follow the Host`)
      t.match(String(res.headers.vary), /\bHost\b/, `${url}: and say so to caches`)
    }
  },
)
