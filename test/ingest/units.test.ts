import t from 'tap'
import { readResponsibility } from '../../src/ingest/units.js'

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
