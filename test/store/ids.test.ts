// Ids are public: other systems store them. A document numbered before documents without a
// number could be loaded keeps the id it had then (the hash of its 发文字号 alone).
import t from 'tap'
import { documentId, documentIdentity, documentKey } from '../../src/store/ids.js'
import { parseText, readText, bundledPlanPath } from '../helper.js'

t.test('a numbered document keeps the id it had before', async (t) => {
  const plan = parseText(readText(bundledPlanPath))
  t.equal(plan.number, '新政办〔2023〕17号')
  // The literal was computed by the first release of ids.ts: sha256 of the number, 12 hex digits.
  t.equal(`doc-${documentKey(documentIdentity(plan))}`, 'doc-c8a17433d707')
  t.equal(documentId(plan.number!), 'doc-c8a17433d707')
})

t.test('without a number: issuer, title and date; without those, the text', async (t) => {
  const source = {
    file: 'a.txt',
    sha256: 'ab'.repeat(32),
    url: null,
    format: 'text' as const,
    mediaType: 'text/plain',
  }
  const base = { number: null, issuer: '甲县人民政府', title: '甲县方案', planTitle: '甲县方案' }
  t.equal(
    documentIdentity({ ...base, issuedOn: '2024-01-02', source }),
    '甲县人民政府\n甲县方案\n2024-01-02',
  )
  t.equal(
    documentIdentity({ ...base, title: null, issuedOn: null, source }),
    '甲县人民政府\n甲县方案\n',
    'the plan title stands in for a notice title that was not copied',
  )
  t.equal(
    documentIdentity({
      number: null,
      issuer: null,
      title: null,
      planTitle: null,
      issuedOn: null,
      source,
    }),
    `sha256:${'ab'.repeat(32)}`,
  )
})
