import fc from 'fast-check'
import t from 'tap'
import {
  joinClauses,
  readResponsibility,
  settleRoles,
  type NamedUnit,
  type UnitRole,
} from '../../src/ingest/units.js'
import { fuzzRuns } from '../fuzz/runs.js'

const roles = (clause: string) =>
  readResponsibility(clause, 'responsible').units.map((u) => [u.name, u.role])

t.test('each unit of a clause gets the role its wording gives', async (t) => {
  const cases: [string, string[][]][] = [
    [
      '市教育局牵头，市财政局、市人社局配合',
      [
        ['市教育局', 'lead'],
        ['市财政局', 'support'],
        ['市人社局', 'support'],
      ],
    ],
    [
      '牵头单位：市发展改革委；责任单位：市财政局',
      [
        ['市发展改革委', 'lead'],
        ['市财政局', 'support'],
      ],
    ],
    [
      '市商务局负责，市财政局配合',
      [
        ['市商务局', 'lead'],
        ['市财政局', 'support'],
      ],
    ],
    [
      '商务部指导，供销合作总社参与',
      [
        ['商务部', 'lead'],
        ['供销合作总社', 'support'],
      ],
    ],
    [
      '市商务局指导，各区政府负责',
      [
        ['市商务局', 'responsible'],
        ['各区政府', 'responsible'],
      ],
    ],
    [
      '市商务局、市财政局等按职责分工负责',
      [
        ['市商务局', 'responsible'],
        ['市财政局', 'responsible'],
      ],
    ],
    [
      '牵头单位：市委组织部，配合单位：市财政局、越秀区',
      [
        ['市委组织部', 'lead'],
        ['市财政局', 'support'],
        ['越秀区', 'support'],
      ],
    ],
    [
      '责任单位：省政务服务管理办公室、省公安厅等有关部门',
      [
        ['省政务服务管理办公室', 'responsible'],
        ['省公安厅', 'responsible'],
        ['有关部门', 'responsible'],
      ],
    ],
  ]
  for (const [clause, expected] of cases) t.same(roles(clause), expected, clause)
  t.same(
    roles('责任单位：市民政局、老旧小区'),
    [['市民政局', 'responsible']],
    'not every 区 is a place',
  )
})

t.test('clauses joined one by one settle as the whole list settled at each join', async (t) => {
  const role = fc.constantFrom<UnitRole>('lead', 'support', 'responsible')
  const clauses = fc.array(fc.array(role, { maxLength: 4 }), { minLength: 1, maxLength: 6 })
  const made = (roles: UnitRole[][]): NamedUnit[][] =>
    roles.map((clause, k) => clause.map((role, i) => ({ name: `单位${k}-${i}`, role })))
  let checked = 0
  fc.assert(
    fc.property(clauses, (roles) => {
      // What joining did before it took one pass: the whole list settled after every join.
      const [first, ...rest] = made(roles)
      const settledEachTime = [...first!]
      for (const clause of rest) {
        settledEachTime.push(...clause)
        settleRoles(settledEachTime)
      }
      const joined = JSON.stringify(joinClauses(made(roles)))
      if (joined !== JSON.stringify(settledEachTime)) {
        throw new Error(`${JSON.stringify(roles)}: ${joined}`)
      }
      checked++
    }),
    fuzzRuns(500),
  )
  t.ok(checked > 0, `${checked} lists of clauses`)
})
