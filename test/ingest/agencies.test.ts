import t from 'tap'
import { AgencyResolver } from '../../src/ingest/agencies.js'
import { aliases } from '../helper.js'

const city = { name: '甲市', level: 'city' as const }
const row = (name: string) => ({ name, duties: null, lead: null, phone: '1', line: 1 })

t.test('names resolve to one agency under its canonical full name', async (t) => {
  const r = new AgencyResolver(city, aliases)
  for (const name of ['市人力资源和社会保障局', '市文化旅游广电体育局', '市农业农村局'])
    r.resolve(name, row(name))
  const cases: [string, string][] = [
    ['市人社局', '市人力资源和社会保障局'],
    ['人社局', '市人力资源和社会保障局'],
    ['甲市人力资源和社会保障局', '市人力资源和社会保障局'],
    ['市 人社局', '市人力资源和社会保障局'],
    ['市文广旅体局', '市文化旅游广电体育局'],
    ['市农委', '市农业农村局'],
    ['市发展改革委', '市发展和改革委员会'],
    ['市教育局', '市教育局'],
    ['科工信局', '市科技和工业信息化局'],
    ['甲公安分局', '甲公安分局'],
    ['团市委', '团市委'],
  ]
  for (const [written, canonical] of cases) {
    t.equal(r.agencies[r.resolve(written)]!.name, canonical, written)
  }
  const hr = r.agencies.find((a) => a.name === '市人力资源和社会保障局')!
  t.same(hr.aliases, ['人社局', '市 人社局', '市人社局', '甲市人力资源和社会保障局'])
  t.equal(r.agencies.filter((a) => a.name === '市人力资源和社会保障局').length, 1)
})

t.test('collective units are kind collective, one per spelling of brackets', async (t) => {
  const r = new AgencyResolver(city, aliases)
  const a = r.resolve('各乡镇（街道、管委会）')
  const b = r.resolve('各乡镇(街道、管委会)')
  t.equal(a, b)
  t.same(r.agencies[a], {
    name: '各乡镇（街道、管委会）',
    kind: 'collective',
    aliases: ['各乡镇(街道、管委会)'],
    profile: null,
  })
  for (const name of ['各行业部门', '各相关部门', '相关乡镇（街道、管委会）', '有关单位']) {
    t.equal(r.agencies[r.resolve(name)]!.kind, 'collective', name)
  }
})

t.test(
  'the level prefix follows the jurisdiction: 县 for a county, 区 for a district',
  async (t) => {
    const county = new AgencyResolver({ name: '兰考县', level: 'county' }, aliases)
    t.equal(county.agencies[county.resolve('人社局')]!.name, '县人力资源和社会保障局')
    const district = new AgencyResolver({ name: '郑州市金水区', level: 'county' }, aliases)
    t.equal(district.agencies[district.resolve('区住建局')]!.name, '区住房和城乡建设局')
    t.equal(district.agencies[district.resolve('金水公安分局')]!.name, '金水公安分局')
  },
)

t.test('a duplicated table row is one agency with the first row as its profile', async (t) => {
  const r = new AgencyResolver(city, aliases)
  const first = { ...row('市档案局'), line: 10 }
  const second = { ...row('市档案局'), line: 11 }
  t.equal(r.resolve(first.name, first), r.resolve(second.name, second))
  t.equal(r.agencies.length, 1)
  t.equal(r.agencies[0]!.profile!.line, 10)
})

t.test(
  'a role written beside a unit is not part of its name; 市直 units are collective',
  async (t) => {
    const r = new AgencyResolver({ name: '郑州市金水区', level: 'county' }, aliases)
    t.equal(r.resolve('区城管局（牵头）'), r.resolve('区城管局'))
    t.equal(r.resolve('区城管局牵头'), r.resolve('区城市管理局'))
    t.equal(r.agencies[r.resolve('区直有关部门')]!.kind, 'collective')
  },
)
