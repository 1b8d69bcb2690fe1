// Formats read from the bytes, and claims of a name or media type that the bytes must bear out.
import t from 'tap'
import { PlanParseError } from '../../../src/ingest/errors.js'
import {
  formatOfMediaType,
  formatOfName,
  formatToRead,
  sniffFormat,
} from '../../../src/ingest/formats/detect.js'

const bytes = (text: string) => Buffer.from(text, 'latin1')

t.test('the bytes say what a file is', async (t) => {
  t.equal(sniffFormat(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'pdf')
  t.equal(sniffFormat(bytes('\r\n\r\n%PDF-1.4 after a preamble')), 'pdf')
  t.equal(sniffFormat(bytes('PK\x03\x04\x14\x00\x06\x00')), 'docx')
  t.equal(
    sniffFormat(bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')),
    'docx',
    'a .doc goes to the DOCX reader, which refuses it',
  )
  t.equal(sniffFormat(bytes('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0">')), 'html')
  t.equal(sniffFormat(bytes('\xef\xbb\xbf  <!-- saved --><html lang="zh">')), 'html')
  t.equal(
    sniffFormat(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')),
    'html',
  )
  t.equal(
    sniffFormat(Buffer.from('<div class="content"><p>一、总体要求</p>')),
    'html',
    'a fragment of a page',
  )
  t.equal(sniffFormat(Buffer.from('新郑市人民政府办公室文件\n\n新政办〔2023〕17号')), 'text')
  t.equal(sniffFormat(Buffer.from('附件：<p>不是标签开头')), 'text')
})

t.test('names and media types claim formats', async (t) => {
  t.equal(formatOfName('方案.PDF'), 'pdf')
  t.equal(formatOfName('page.shtml'), 'html')
  t.equal(formatOfName('download.jsp'), null)
  t.equal(formatOfName('README'), null)
  t.equal(formatOfMediaType('text/html; charset=GBK'), 'html')
  t.equal(formatOfMediaType('application/octet-stream'), null)
})

t.test('a claim of PDF or DOCX must hold; other claims yield to the bytes', async (t) => {
  const page = Buffer.from('<html><body><p>一、总体要求</p></body></html>')
  t.throws(
    () => formatToRead(page, 'plan.pdf', { format: 'pdf', as: 'the name plan.pdf' }),
    new PlanParseError(
      'plan.pdf',
      null,
      'the name plan.pdf says a PDF but the file holds a web page',
    ),
  )
  t.throws(
    () => formatToRead(bytes('%PDF-1.7'), 'x.docx', { format: 'docx', as: 'the name x.docx' }),
    /says a DOCX document but the file holds a PDF/,
  )
  t.equal(formatToRead(page, 'plan.txt', { format: 'text', as: 'the name plan.txt' }), 'html')
  t.equal(formatToRead(bytes('%PDF-1.7'), 'plan.txt', { format: 'text', as: 'x' }), 'pdf')
  t.equal(formatToRead(bytes('%PDF-1.7'), 'download', { format: null, as: 'x' }), 'pdf')
})
