// /plans/{id}: every task, target, section and finding the REST lists hold is on the page, with
// the figures the lists give and a link to its source line; text is escaped.
import t from 'tap'
import { html } from '../../src/pages/html.js'
import { STANDING_LABEL, standingOf } from '../../src/progress/standing.js'
import type { TargetRecord } from '../../src/store/targets.js'
import { byId, cellsOf, parsePage } from './dom.js'
import { STATUS_WORDS } from './words.js'
import { bundledPlanPath, buildTestApp, secondPlanPath } from '../helper.js'

interface Agency {
  id: string
  name: string
  role: string
}
interface Task {
  id: string
  number: number
  text: string
  due: { text: string } | null
  agencies: Agency[]
  status: string
  source: { line: number }
}
interface Target {
  id: string
  value: number | null
  unit: string | null
  deadlineYear: number | null
  source: { line: number }
}

/** The markup of the element with this id, up to its closing tag. */
function element(page: string, id: string, tag: string): string | undefined {
  return new RegExp(`<${tag} id="${id}">[^]*?</${tag}>`).exec(page)?.[0]
}

const TODAY = '2026-01-01'

t.test('the plan page holds what the lists hold, each fact linked to its line', async (t) => {
  const app = await buildTestApp(t, {
    files: [bundledPlanPath, secondPlanPath],
    today: () => TODAY,
  })
  const documents = (await app.inject('/v1/documents')).json().data as { id: string }[]
  t.equal(documents.length, 2)
  for (const { id } of documents) {
    const res = await app.inject(`/plans/${id}`)
    t.equal(res.statusCode, 200, id)
    t.match(res.headers['content-type'], /^text\/html; charset=utf-8/)
    t.match(res.headers['content-security-policy'], /default-src 'none'/)
    const page = res.body
    const dom = parsePage(page)
    t.ok(
      page.includes(
        `<link rel="alternate" type="application/json" href="/v1/documents/${id}.json" />`,
      ),
    )
    const list = async <T>(path: string) =>
      (await app.inject(`/v1/${path}?document=${id}&limit=500`)).json().data as T[]

    const tasks = await list<Task>('tasks')
    t.ok(tasks.length > 0, `${tasks.length} tasks`)
    for (const task of tasks) {
      const row = element(page, `task-${task.id}`, 'tr')
      t.ok(row, `task ${task.number} has a row`)
      const cells = cellsOf(byId(dom, `task-${task.id}`)!)
      t.equal(cells[0], String(task.number), `task ${task.number}: its number`)
      t.equal(cells[1], task.text.replace(/\s+/g, ' ').trim(), `task ${task.number}: its text`)
      t.equal(cells[3], STATUS_WORDS[task.status], `task ${task.number}: its status`)
      t.equal(cells[4], task.due?.text ?? '', `task ${task.number}: its deadline`)
      const names = [...row!.matchAll(/<a href="\/agencies\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1])
      const leads = task.agencies.filter((a) => a.role === 'lead').map((a) => a.name)
      const others = task.agencies.filter((a) => a.role !== 'lead').map((a) => a.name)
      t.same(names, [...leads, ...others], `task ${task.number}: its units, lead first`)
      t.match(row, `#L${task.source.line}"`, `task ${task.number}: its line`)
    }

    const targets = await list<Target>('targets')
    for (const target of targets) {
      const row = element(page, `target-${target.id}`, 'tr')
      t.ok(row, `target ${target.id} has a row`)
      const [, figure, deadline, progress] = cellsOf(byId(dom, `target-${target.id}`)!)
      t.equal(
        progress,
        `未报告 ${STANDING_LABEL[standingOf(target as TargetRecord, TODAY)]}`,
        'not yet reported, and where that leaves it today',
      )
      if (target.value !== null) {
        t.match(figure, new RegExp(`(^|[^\\d.])${target.value}($|[^\\d.])`), 'its figure')
        if (target.unit) t.ok(figure!.endsWith(target.unit), 'with its unit')
      }
      t.equal(deadline, String(target.deadlineYear ?? ''), 'its deadline')
      t.match(row, `#L${target.source.line}"`, 'its line')
    }

    const sections = await list<{ id: string; heading: string }>('sections')
    for (const section of sections) {
      t.ok(page.includes(`<li id="sec-${section.id}">`), `section ${section.id} is in the outline`)
    }
    const findings = (await app.inject(`/v1/findings?document=${id}&limit=1`)).json().meta.total
    t.equal([...page.matchAll(/<li id="finding-/g)].length, findings, `${findings} findings`)
  }
})

t.test('an item links the tasks that restate it', async (t) => {
  const app = await buildTestApp(t)
  const tasks = (await app.inject('/v1/tasks?limit=500')).json().data as (Task & {
    items: string[]
  })[]
  const restating = tasks.filter((task) => task.items.length > 0)
  t.ok(restating.length > 0, 'the bundled plan has tasks that restate items')
  const document = (await app.inject('/v1/documents')).json().data[0].id as string
  const page = (await app.inject(`/plans/${document}`)).body
  for (const task of restating) {
    for (const item of task.items) {
      const entry = element(page, `sec-${item}`, 'li')
      t.ok(entry?.includes(`<a href="#task-${task.id}">`), `item ${item} links task ${task.number}`)
    }
  }
})

t.test('an unknown plan is a 404 problem', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/plans/doc-000000000000')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
})

t.test('html`…` escapes what it is given, but not its own markup', async (t) => {
  const said = '<script>alert("x")</script> & more'
  t.equal(
    html`<p title="${said}">${said}${[html`<b>${1}</b>`, null, false, 2]}</p>`.toString(),
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more<b>1</b>2</p>',
  )
})
