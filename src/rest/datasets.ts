// The datasets the portal metadata describes, one per resource: their titles and descriptions in
// Chinese and English, the noun their records are counted in, keywords, the schema their CSV
// columns follow, and the columns that hold another dataset's ids. The catalog (dcat.ts), the
// Data Package (datapackage.ts) and the index page all describe the data from here.
import type { TObject } from '@sinclair/typebox'
import type { CatalogFacts } from '../store/index.js'
import { Agency, Document, Finding, Section, Target, Task } from './schemas.js'

export type DatasetName = keyof CatalogFacts['counts']

/** A text in both languages the metadata speaks. */
export interface Bilingual {
  zh: string
  en: string
}

export interface Dataset {
  name: DatasetName
  title: Bilingual
  description: Bilingual
  /** What one record is, in Chinese with its measure word (份文件), in English singular and plural. */
  noun: { zh: string; en: [string, string] }
  keywords: Bilingual[]
  schema: TObject
  /**
   * Columns holding one id of a dataset's records, and that dataset: the Data Package's foreign
   * keys. List columns (tasks' agencies.id, targets' taskIds) hold several ids in one cell, which
   * a Table Schema foreign key cannot say.
   */
  references?: Record<string, DatasetName>
}

export const DATASETS: Dataset[] = [
  {
    name: 'documents',
    title: { zh: '文件', en: 'Documents' },
    description: {
      zh: '规划文件：发文字号、发文机关、标题、主送机关、印发日期、引用文件和来源。',
      en: 'The plan documents: 发文字号, issuer, titles, recipients, dates, citations, source.',
    },
    noun: { zh: '份文件', en: ['document', 'documents'] },
    keywords: [
      { zh: '政策文件', en: 'policy documents' },
      { zh: '实施方案', en: 'implementation plans' },
    ],
    schema: Document,
  },
  {
    name: 'sections',
    title: { zh: '章节', en: 'Sections' },
    description: {
      zh: '每份规划的提纲：部分（一、）、章节（（一））和编号的行动事项。',
      en: 'The outline of each plan: parts 一、, chapters （一） and numbered action items.',
    },
    noun: { zh: '个章节', en: ['section', 'sections'] },
    keywords: [
      { zh: '重点任务', en: 'key tasks' },
      { zh: '行动计划', en: 'outline' },
    ],
    schema: Section,
    references: { documentId: 'documents', parentId: 'sections' },
  },
  {
    name: 'tasks',
    title: { zh: '工作任务', en: 'Tasks' },
    description: {
      zh: '任务清单的各行和正文中的工作任务，及其责任单位和完成时限。',
      en: 'The rows of the appended task list and the tasks stated in the body, with their responsible units (责任单位) and deadlines.',
    },
    noun: { zh: '项任务', en: ['task', 'tasks'] },
    keywords: [
      { zh: '工作任务清单', en: 'task list' },
      { zh: '责任单位', en: 'responsible units' },
    ],
    schema: Task,
    references: { documentId: 'documents', sectionId: 'sections' },
  },
  {
    name: 'agencies',
    title: { zh: '责任单位', en: 'Agencies' },
    description: {
      zh: '责任单位，每个规范名称一条，含别名、职责、牵头人和电话。',
      en: 'Responsible agencies, one per canonical name, with aliases, duties, lead, phone.',
    },
    noun: { zh: '个单位', en: ['agency', 'agencies'] },
    keywords: [
      { zh: '责任单位', en: 'responsible units' },
      { zh: '政府部门', en: 'government agencies' },
    ],
    schema: Agency,
  },
  {
    name: 'targets',
    title: { zh: '目标指标', en: 'Targets' },
    description: {
      zh: '正文中的量化目标，含期限、单位和出处。',
      en: 'Quantitative commitments found in the text, with deadline, unit and source.',
    },
    noun: { zh: '项目标', en: ['target', 'targets'] },
    keywords: [
      { zh: '目标', en: 'targets' },
      { zh: '指标', en: 'indicators' },
    ],
    schema: Target,
    references: { documentId: 'documents', sectionId: 'sections' },
  },
  {
    name: 'findings',
    title: { zh: '数据质量', en: 'Findings' },
    description: {
      zh: '数据质量检查结果：重复行、联系方式冲突、正文与任务表不一致。',
      en: 'Data-quality findings: duplicated rows, conflicting contacts, body/task mismatches.',
    },
    noun: { zh: '条检查结果', en: ['finding', 'findings'] },
    keywords: [{ zh: '数据质量', en: 'data quality' }],
    schema: Finding,
    references: { documentId: 'documents' },
  },
]

/** The title as one line in both languages: 工作任务 Tasks. */
export function bothTitles(d: Dataset): string {
  return `${d.title.zh} ${d.title.en}`
}

/** "41 tasks" / "1 task"; "41 项任务". */
export function counted(d: Dataset, count: number): Bilingual {
  const [one, many] = d.noun.en
  return { zh: `${count} ${d.noun.zh}`, en: `${count} ${count === 1 ? one : many}` }
}

/** What a dataset holds, with its count: the description a portal shows. */
export function holdings(d: Dataset, facts: CatalogFacts): Bilingual {
  const count = counted(d, facts.counts[d.name])
  const plans = counted(DATASETS[0]!, facts.counts.documents)
  const fromPlans =
    d.name === 'documents'
      ? { zh: '', en: '' }
      : { zh: `，出自 ${plans.zh}`, en: ` from ${plans.en}` }
  return {
    zh: `${d.description.zh}共 ${count.zh}${fromPlans.zh}。`,
    en: `${d.description.en} It holds ${count.en}${fromPlans.en}.`,
  }
}
