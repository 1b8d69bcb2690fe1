// /plans/{id}/targets: where a plan's targets stand, for the office that follows them up and the
// citizen who checks one. A tally and a chart of standings by deadline; then each target under its
// deadline with its figure, its latest report and a chart of its reports against the target; then
// the same standings counted by the section that states them. Withdrawn targets come last.
import { STANDINGS, standingOf, type Standing } from '../progress/standing.js'
import { STANDING_LABEL } from '../progress/standing.js'
import type { DocumentRecord } from '../store/documents.js'
import type { Store } from '../store/index.js'
import type { ObservationRecord } from '../store/progress.js'
import type { SectionRecord } from '../store/sections.js'
import type { TargetRecord } from '../store/targets.js'
import { observationsChart, standingsChart, type StandingGroup } from './charts.js'
import { html, type SafeHtml } from './html.js'
import { pageDocument } from './layout.js'
import { figureOf, latestOf, planTitleOf, sourceLink, standingMark, table } from './parts.js'

interface Judged {
  target: TargetRecord
  standing: Standing
  /** Oldest first, as a chart reads them. */
  observations: ObservationRecord[]
}

export interface Dashboard {
  today: string
  document: DocumentRecord
  sections: Map<string, SectionRecord>
  /** The targets the text states now, in document order. */
  targets: Judged[]
  withdrawn: TargetRecord[]
}

/** The plan's targets with their standings on `today` and their reports, or null. */
export function readDashboard(store: Store, id: string, today: string): Dashboard | null {
  const document = store.getDocument(id)
  if (document === null) return null
  const filter = { document: document.id }
  const sections = new Map([...store.eachSection(filter)].map((s) => [s.id, s]))
  const targets: Judged[] = []
  const withdrawn: TargetRecord[] = []
  for (const target of store.eachTarget(filter)) {
    if (target.withdrawn) {
      withdrawn.push(target)
      continue
    }
    const observations =
      target.progress === null ? [] : [...store.eachObservation(target.id)].reverse()
    targets.push({ target, standing: standingOf(target, today), observations })
  }
  return { today, document, sections, targets, withdrawn }
}

const NO_DEADLINE = '未定期限'

/** One string: a line break inside Chinese text would show as a space. */
const STANDINGS_EXPLAINED =
  '期限已过而未达成的为“逾期”；未达成、按已过时间应完成的比例落后的为“有风险”。'

const deadlineLabel = (year: number | null) => (year === null ? NO_DEADLINE : `${year}年`)

/** Groups in first-seen order of the keys given; a key's group keeps the document order. */
function groupBy<K>(items: Judged[], keyOf: (item: Judged) => K, order: K[]): Map<K, Judged[]> {
  const groups = new Map<K, Judged[]>(order.map((key) => [key, []]))
  for (const item of items) groups.get(keyOf(item))?.push(item)
  for (const [key, members] of groups) if (members.length === 0) groups.delete(key)
  return groups
}

function countStandings(items: Judged[]): Record<Standing, number> {
  const counts = Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<Standing, number>
  for (const item of items) counts[item.standing]++
  return counts
}

/** Deadline years in order, then the targets without one. */
function byDeadline(targets: Judged[]): Map<number | null, Judged[]> {
  const years = [...new Set(targets.map((j) => j.target.deadlineYear))]
  years.sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
  return groupBy(targets, (j) => j.target.deadlineYear, years)
}

const safeUrl = (url: string | null) => (url !== null && /^https?:\/\//i.test(url) ? url : null)

function reportsTable(judged: Judged): SafeHtml {
  const unit = judged.target.unit ?? ''
  return html`<details>
    <summary>报告记录（${judged.observations.length}）</summary>
    ${table(
      ['日期', '数值', '说明'],
      judged.observations.map((o) => {
        const evidence = safeUrl(o.evidenceUrl)
        return html`<tr>
          <td>${o.observedOn}</td>
          <td class="number">${o.value} ${unit}</td>
          <td>${o.note ?? ''} ${evidence ? html`<a href="${evidence}">佐证</a>` : ''}</td>
        </tr>`
      }),
      { caption: `${judged.target.indicator}的报告`, numeric: [1] },
    )}
  </details>`
}

function targetCard(judged: Judged, dashboard: Dashboard): SafeHtml {
  const { target, standing, observations } = judged
  const section = target.sectionId === null ? null : dashboard.sections.get(target.sectionId)
  const chart =
    observations.length === 0
      ? html`<p>尚无报告。</p>`
      : html`<figure>
            ${observationsChart(
              `chart-${target.id}`,
              target.indicator,
              target.unit,
              observations.map(({ observedOn, value }) => ({ observedOn, value })),
              target.value === null
                ? null
                : { label: `目标 ${figureOf(target)}`, value: target.value },
            )}
            <figcaption>报告值与目标（虚线）</figcaption>
          </figure>
          ${reportsTable(judged)}`
  return html`<article class="card" id="target-${target.id}">
    <h4>${target.indicator}</h4>
    <p>${standingMark(standing)}</p>
    <dl class="facts">
      <dt>目标</dt>
      <dd>${figureOf(target)}</dd>
      <dt>期限</dt>
      <dd>${deadlineLabel(target.deadlineYear)}</dd>
      <dt>最新</dt>
      <dd>${latestOf(target)}</dd>
      <dt>出处</dt>
      <dd>
        ${
          section
            ? html`<a href="/plans/${target.documentId}#sec-${section.id}"
                >${section.label}${section.heading}</a
              >`
            : ''
        }
        ${sourceLink(target.documentId, target.source.line)}
      </dd>
    </dl>
    ${chart}
  </article>`
}

function sectionRows(dashboard: Dashboard): SafeHtml[] {
  const order = [...dashboard.sections.keys(), null]
  const groups = groupBy(dashboard.targets, (j) => j.target.sectionId, order)
  return [...groups].map(([sectionId, members]) => {
    const section = sectionId === null ? null : dashboard.sections.get(sectionId)!
    const counts = countStandings(members)
    return html`<tr>
      <th scope="row">
        ${
          section
            ? html`<a href="/plans/${section.documentId}#sec-${section.id}"
                >${section.label}${section.heading}</a
              >`
            : '未归入章节'
        }
      </th>
      ${STANDINGS.map((s) => html`<td class="number">${counts[s]}</td>`)}
      <td class="number">${members.length}</td>
    </tr>`
  })
}

export function targetsPage(dashboard: Dashboard): SafeHtml {
  const { document: d, targets, today } = dashboard
  const title = `${planTitleOf(d)}：目标进展`
  const deadlines = byDeadline(targets)
  const groups: StandingGroup[] = [...deadlines].map(([year, members]) => ({
    label: deadlineLabel(year),
    counts: countStandings(members),
  }))
  const total = countStandings(targets)
  const standingHeaders = STANDINGS.map((s) => STANDING_LABEL[s])
  return pageDocument({
    title,
    json: `/v1/targets?document=${d.id}`,
    trail: [{ href: `/plans/${d.id}`, text: planTitleOf(d) }],
    main: html`<p>截至 ${today}，本规划有 ${targets.length} 项目标。${STANDINGS_EXPLAINED}</p>
      <ul class="tally" aria-label="各状态目标数">
        ${STANDINGS.filter((s) => total[s] > 0).map(
          (s) => html`<li>${standingMark(s)} <strong>${total[s]}</strong> 项</li>`,
        )}
      </ul>
      ${
        targets.length === 0
          ? html`<p>本规划的文本中没有可量化的目标。</p>`
          : html`<figure class="summary">
                ${standingsChart('chart-standings', groups, STANDINGS)}
                <figcaption>各期限目标的进展分布</figcaption>
              </figure>
              ${table(
                ['期限', ...standingHeaders, '合计'],
                groups.map(
                  (g, i) =>
                    html`<tr>
                      <th scope="row">${g.label}</th>
                      ${STANDINGS.map((s) => html`<td class="number">${g.counts[s]}</td>`)}
                      <td class="number">${[...deadlines.values()][i]!.length}</td>
                    </tr>`,
                ),
                { caption: '按期限统计', numeric: STANDINGS.map((_, i) => i + 1) },
              )}`
      }
      <section aria-labelledby="by-deadline">
        <h2 id="by-deadline">按期限</h2>
        ${[...deadlines].map(
          ([year, members]) =>
            html`<section aria-labelledby="deadline-${year ?? 'none'}">
              <h3 id="deadline-${year ?? 'none'}">
                ${year === null ? NO_DEADLINE : `${year}年底前`}（${members.length}）
              </h3>
              <div class="cards">${members.map((j) => targetCard(j, dashboard))}</div>
            </section>`,
        )}
      </section>
      <section aria-labelledby="by-section">
        <h2 id="by-section">按章节</h2>
        ${table(['章节', ...standingHeaders, '合计'], sectionRows(dashboard), {
          numeric: STANDINGS.map((_, i) => i + 1).concat(STANDINGS.length + 1),
        })}
      </section>
      ${
        dashboard.withdrawn.length > 0
          ? html`<section aria-labelledby="withdrawn">
              <h2 id="withdrawn">已撤回的目标（${dashboard.withdrawn.length}）</h2>
              <ul>
                ${dashboard.withdrawn.map(
                  (t) =>
                    html`<li id="target-${t.id}">
                      ${t.indicator} ${figureOf(t)} ${sourceLink(t.documentId, t.source.line)}
                    </li>`,
                )}
              </ul>
            </section>`
          : ''
      }`,
  })
}
