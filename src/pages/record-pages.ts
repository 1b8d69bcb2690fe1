// What a browser gets for a REST item (/v1/tasks/{id} …) when it asks for HTML, as Datasette
// answers a row: a document's page is its plan's, an agency's is its agency page, and any other
// record is shown field by field, ids linked to their pages, with a link to its JSON.
import type { ResourceName } from '../resources.js'
import type { Store } from '../store/index.js'
import { agencyPage, readAgency } from './agency-page.js'
import { html, type SafeHtml } from './html.js'
import { pageDocument } from './layout.js'
import { planTitleOf, sourceLink } from './parts.js'
import { planPage, readPlan } from './plan-page.js'

type Fields = Record<string, unknown>

/** Fields holding ids of other records, and where a person reads those records. */
const LINKED: Record<string, (id: string) => string> = {
  documentId: (id) => `/plans/${id}`,
  sectionId: (id) => `/v1/sections/${id}`,
  parentId: (id) => `/v1/sections/${id}`,
  items: (id) => `/v1/sections/${id}`,
  taskIds: (id) => `/v1/tasks/${id}`,
  targetId: (id) => `/v1/targets/${id}`,
}

/** The anchor of a record on its plan's page. */
const ANCHOR: Partial<Record<ResourceName, string>> = {
  sections: 'sec',
  tasks: 'task',
  targets: 'target',
  findings: 'finding',
}

function titleOf(resource: ResourceName, record: Fields): string {
  switch (resource) {
    case 'sections':
      return `${String(record.label)}${String(record.heading)}`
    case 'tasks':
      return `任务 ${String(record.number)}`
    case 'targets':
      return String(record.indicator)
    case 'findings':
      return `检查结果 ${String(record.code)}`
    default:
      return String(record.id)
  }
}

function valueOf(key: string, value: unknown, record: Fields): SafeHtml | string {
  if (value === null || value === undefined || value === '') return '—'
  const link = LINKED[key]
  if (link && typeof value === 'string') return html`<a href="${link(value)}">${value}</a>`
  if (Array.isArray(value)) {
    if (value.length === 0) return '—'
    return html`<ul class="units">
      ${value.map((v) => html`<li>${valueOf(key, v, record)}</li>`)}
    </ul>`
  }
  if (key === 'source' && typeof value === 'object' && typeof record.documentId === 'string') {
    const source = value as { line?: number; startLine?: number }
    const line = source.line ?? source.startLine
    if (typeof line === 'number') return sourceLink(record.documentId, line)
  }
  if (typeof value === 'object') {
    const fields = value as Fields
    // An agency of a task: its page, with its role.
    if (key === 'agencies' && typeof fields.id === 'string') {
      return html`<a href="/agencies/${fields.id}">${String(fields.name)}</a>
        <small>${String(fields.role ?? '')}</small>`
    }
    return fieldList(fields, record)
  }
  return String(value)
}

function fieldList(fields: Fields, record: Fields): SafeHtml {
  return html`<dl class="facts">
    ${Object.entries(fields).map(
      ([key, value]) =>
        html`<dt>${key}</dt>
          <dd>${valueOf(key, value, record)}</dd>`,
    )}
  </dl>`
}

function recordPage(
  store: Store,
  resource: ResourceName,
  record: Fields & { id: string },
): SafeHtml {
  const documentId = typeof record.documentId === 'string' ? record.documentId : null
  const document = documentId === null ? null : store.getDocument(documentId)
  const anchor = ANCHOR[resource]
  const onPlan =
    document === null || anchor === undefined
      ? null
      : `/plans/${document.id}${resource === 'targets' ? '/targets' : ''}#${anchor}-${record.id}`
  const json = `/v1/${resource}/${record.id}.json`
  return pageDocument({
    title: titleOf(resource, record),
    json,
    trail:
      document === null ? [] : [{ href: `/plans/${document.id}`, text: planTitleOf(document) }],
    main: html`<p class="data-links">
        ${onPlan ? html`<a href="${onPlan}">在规划中查看</a> · ` : ''}数据：<a href="${json}"
          >JSON</a
        >
      </p>
      ${fieldList(record, record)}`,
  })
}

/**
 * The page of an item for a browser, from the record the item's route read: a document's is its
 * plan page, an agency's its agency page, any other record's its fields.
 */
export function itemPage(
  store: Store,
  resource: ResourceName,
  record: { id: string },
  today: string,
): SafeHtml {
  switch (resource) {
    case 'documents':
      return planPage(readPlan(store, record.id, today)!)
    case 'agencies':
      return agencyPage(readAgency(store, record.id, today)!)
    default:
      return recordPage(store, resource, record as Fields & { id: string })
  }
}
