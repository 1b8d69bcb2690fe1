// The Frictionless Data Package at /datapackage.json: a tabular resource per CSV, each with its
// table schema (field types, primary key, foreign keys into the other tables), so that a package
// reader (frictionless, pandas via its plugins, the datapackage library) reads every table cast
// and checked. The XLSX and JSON Lines downloads of the same tables are in the DCAT catalog: a
// tabular package holds each table once.
import type { MetadataOptions } from '../config.js'
import { DEFAULT_LICENSE_TITLE } from '../config.js'
import { csvColumns, LIST_SEPARATOR, type CsvColumn } from '../http/csv.js'
import type { CatalogFacts } from '../store/index.js'
import { bothTitles, DATASETS, holdings, type Dataset } from './datasets.js'

/** Frictionless types: a list column is text (its values joined), a date string is a date. */
function fieldType(column: CsvColumn): string {
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

export function dataPackage(
  base: string,
  facts: CatalogFacts,
  options: MetadataOptions,
  publisherName: string,
) {
  return {
    profile: 'tabular-data-package',
    name: 'plan-open-data',
    title: 'Plan open data 规划开放数据',
    description:
      "Government plans published as data: documents, outline, tasks, agencies, targets, findings. A text cell that would start with =, +, -, @, a tab or a carriage return starts with ' instead, so that spreadsheets do not run it as a formula (OWASP's advice on CSV injection).",
    homepage: `${base}/`,
    contributors: [{ title: publisherName, role: 'publisher' }],
    licenses: [
      {
        // Open Definition's id for a public-domain status other than a dedication.
        name: options.licenseTitle === DEFAULT_LICENSE_TITLE ? 'other-pd' : 'other',
        title: options.licenseTitle,
        ...(options.licenseUrl ? { path: options.licenseUrl } : {}),
      },
    ],
    keywords: [...new Set(DATASETS.flatMap((d) => d.keywords.flatMap((k) => [k.zh, k.en])))],
    resources: DATASETS.map((d) => ({
      profile: 'tabular-data-resource',
      name: d.name,
      title: bothTitles(d),
      description: holdings(d, facts).en,
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
