// Our plans rendered as published (test/fixtures/formats: a DOCX, the PDF LibreOffice prints
// from it, a GBK portal page) give the facts their texts give: the same outline, tasks with the
// same units, targets and agencies. Each record's line is a line of the text read from the file,
// and for the PDF the page it stands on is the page the text is printed on.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { formatOfName } from '../../../src/ingest/formats/detect.js'
import { parsePublished } from '../../../src/ingest/read.js'
import type { PlanDocument } from '../../../src/ingest/types.js'
import { projectRoot } from '../../../src/paths.js'
import { aliases, bundledPlanPath, readPlan, secondPlanPath } from '../../helper.js'

const formats = join(projectRoot, 'test', 'fixtures', 'formats')

/** What a reader of the plan cares about, without the lines, which differ between formats. */
function facts(plan: PlanDocument) {
  return {
    head: {
      number: plan.number,
      issuer: plan.issuer,
      jurisdiction: plan.jurisdiction,
      issuedOn: plan.issuedOn,
      title: plan.title,
      planTitle: plan.planTitle,
      recipients: plan.recipients,
      attachments: plan.attachments,
      citations: plan.citations.map((c) => [c.title, c.number]),
    },
    sections: plan.sections.map((s) => [
      s.kind,
      s.label,
      s.number,
      s.heading,
      s.text,
      s.parentIndex,
    ]),
    tasks: plan.tasks.map((task) => [
      task.number,
      task.text,
      task.units.map((u) => [u.asWritten, u.role, plan.agencies[u.agencyIndex]!.name]),
      task.itemIndexes,
      task.sectionIndex,
      task.due,
    ]),
    agencies: plan.agencies.map((a) => [
      a.name,
      a.kind,
      a.aliases,
      a.profile && [a.profile.duties, a.profile.lead, a.profile.phone],
    ]),
    targets: plan.targets.map((g) => [
      g.indicator,
      g.comparator,
      g.value,
      g.valueMax,
      g.unit,
      g.deadlineYear,
      g.basis,
      g.quote,
      g.sectionIndex,
      g.taskIndexes,
    ]),
    findings: plan.findings.map((f) => [f.severity, f.code]),
  }
}

const read = (name: string) =>
  parsePublished(readFileSync(join(formats, name)), {
    file: name,
    aliases,
    claim: { format: formatOfName(name), as: `the name ${name}` },
  })

const plans: [string, string][] = [
  ['xinzheng', bundledPlanPath],
  ['second-plan', secondPlanPath],
]

for (const [name, textPath] of plans) {
  const want = facts(readPlan(textPath))
  for (const format of ['html', 'docx', 'pdf'] as const) {
    t.test(`${name}.${format} gives the facts of ${name}'s text`, async (t) => {
      const plan = await read(`${name}.${format}`)
      const got = facts(plan)
      t.same(got.head, want.head, 'the head')
      t.same(got.sections, want.sections, 'the outline')
      t.same(got.tasks, want.tasks, 'the tasks, their units and roles')
      t.same(got.agencies, want.agencies, 'the agencies and their table')
      t.same(got.targets, want.targets, 'the targets')
      t.same(got.findings, want.findings, 'the findings')

      const bytes = readFileSync(join(formats, `${name}.${format}`))
      t.equal(plan.source.sha256, createHash('sha256').update(bytes).digest('hex'), 'of the file')
      t.equal(plan.source.format, format)
      const lines = plan.published.text.split('\n')
      t.ok(
        plan.sections.every((section) => section.endLine <= lines.length),
        'lines count in the text read from the file',
      )
      const inherited = new Set(
        plan.findings.filter((f) => f.code === 'units-inherited').flatMap((f) => f.lines),
      )
      for (const task of plan.tasks) {
        // A row whose 责任单位 cell is empty takes the units of the row above, and their line.
        if (inherited.has(task.line)) continue
        for (const unit of task.units) {
          // Names are recorded repaired: brackets full-width.
          const line = lines[unit.line - 1]!.replace(/\s/g, '')
            .replace(/\(/g, '（')
            .replace(/\)/g, '）')
          t.ok(
            line.includes(unit.asWritten.replace(/\s/g, '')),
            `task ${task.number}: ${unit.asWritten} is on its line`,
          )
        }
      }
      if (format === 'pdf') {
        t.equal(plan.published.pageOfLine!.length, lines.length, 'a page for every line')
      } else t.equal(plan.published.pageOfLine, null)
    })
  }
}

t.test('the pages of a PDF line: the task list where the PDF prints it', async (t) => {
  const plan = await read('xinzheng.pdf')
  const pageOf = (line: number) => plan.published.pageOfLine![line - 1]
  // test/fixtures/formats/README.md: the notice is page 1, the task list pages 18–26, the
  // agency table 26–28 (pdftotext -f N -l N shows each).
  t.equal(pageOf(plan.sections[0]!.startLine), 2, 'the plan starts on page 2')
  const taskPages = plan.tasks.map((task) => pageOf(task.line)!)
  t.equal(taskPages[0], 18, 'task 1 on page 18')
  t.equal(taskPages[taskPages.length - 1], 26, 'task 29 on page 26')
  t.same(
    [...taskPages].sort((a, b) => a - b),
    taskPages,
    'in order',
  )
  const agencyRows = plan.agencyTable.map((row) => pageOf(row.line)!)
  t.ok(
    agencyRows.every((p) => p >= 26 && p <= 28),
    'the agency table on pages 26–28',
  )
})
