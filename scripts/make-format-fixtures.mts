// Makes the committed fixtures of test/fixtures/formats/: our own plan texts rendered into the
// forms plans are published in (a Word file, the PDF LibreOffice prints from it, a saved GBK
// portal page), and the bad inputs a reader must refuse (a scan without text, an encrypted PDF,
// ZIP bombs, a page with no plan, a file whose name lies about its type). The readers of
// src/ingest/formats/ are tested on these files, so they are made from texts whose expected
// parse we already know. See test/fixtures/formats/README.md for what each file tests.
//
// Run: npm run fixtures:formats (npx tsx scripts/make-format-fixtures.mts)
// Needs on PATH (Debian: libreoffice-writer, fonts-noto-cjk, qpdf, imagemagick): soffice, qpdf
// and convert. The README says how to check the result with pdftotext (poppler-utils).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { projectRoot } from '../src/paths.js'
import { renderDocx } from './fixtures/docx-render.mjs'
import { renderNewsListPage, renderPortalPage, type PortalSite } from './fixtures/html-render.mjs'
import { layoutPlan } from './fixtures/plan-layout.mjs'
import { writeBadInputs } from './fixtures/bad-inputs.mjs'

const formatsDir = join(projectRoot, 'test', 'fixtures', 'formats')

interface PlanFixture {
  /** Base name of the files made from it. */
  name: string
  source: string
  site: PortalSite
  /** The portal's article leaves out what its metadata box already says. */
  articleOmitsMetadataLines: boolean
  /** The date written into the DOCX properties and ZIP entries: the day it was issued. */
  fixedDate: Date
}

const PLANS: PlanFixture[] = [
  {
    name: 'xinzheng',
    source: join(projectRoot, 'db', 'sources', '000_c064bf4d175dcab6.txt'),
    site: {
      city: '新郑市',
      siteName: '新郑市人民政府门户网站',
      host: 'www.xinzheng.example.gov.cn',
      indexNumber: '11410184MB1234567X/2023-00417',
      topic: '教育',
      publishedOn: '2023-09-01',
      writtenOn: '2023-08-28',
      siteCode: '4101840001',
      icp: '豫ICP备05012345号',
      phone: '0371-62691234',
    },
    articleOmitsMetadataLines: false,
    fixedDate: new Date('2023-08-28T09:30:00Z'),
  },
  {
    name: 'second-plan',
    source: join(projectRoot, 'test', 'fixtures', 'plans', 'second-plan.txt'),
    site: {
      city: '洛阳市',
      siteName: '洛阳市人民政府门户网站',
      host: 'www.luoyang.example.gov.cn',
      indexNumber: '11410300MB0987654Y/2024-00052',
      topic: '民政、扶贫、救灾',
      publishedOn: '2024-03-08',
      writtenOn: '2024-03-05',
      siteCode: '4103000002',
      icp: '豫ICP备06054321号',
      phone: '0379-63201234',
    },
    articleOmitsMetadataLines: true,
    fixedDate: new Date('2024-03-05T08:00:00Z'),
  },
]

/** A private LibreOffice profile, so a conversion neither waits on nor disturbs another soffice. */
function sofficeProfile(): string {
  return pathToFileURL(mkdtempSync(join(tmpdir(), 'fixtures-soffice-'))).href
}

/**
 * LibreOffice stamps each PDF with the time of conversion and derives /ID and /DocChecksum from
 * it; everything else it writes is the same on every run. Replacing those three fields in place
 * (same byte length, so the xref offsets stay right) makes a rerun reproduce the committed PDF.
 */
function stabilisePdf(pdf: Buffer, fixedDate: Date): Buffer {
  const stamp = fixedDate
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d{3}Z$/, '')
  // latin1 maps bytes to characters one to one, so the binary streams pass through untouched.
  let text = pdf
    .toString('latin1')
    .replace(/\/CreationDate\(D:\d{14}/g, `/CreationDate(D:${stamp}`)
    .replace(/\/ModDate\(D:\d{14}/g, `/ModDate(D:${stamp}`)
  const hexFields =
    /(\/ID \[ <)([0-9A-F]{32})(>\s*<)([0-9A-F]{32})(> \])|(\/DocChecksum \/)([0-9A-F]{32})/g
  const blanked = text.replace(hexFields, (field) => field.replace(/[0-9A-F]{32}/g, '0'.repeat(32)))
  const digest = createHash('md5').update(blanked, 'latin1').digest('hex').toUpperCase()
  // The blanked fields still match the pattern; fill them with the digest of the blanked file.
  text = blanked.replace(hexFields, (field) => field.replace(/0{32}/g, digest))
  return Buffer.from(text, 'latin1')
}

/** Converts a DOCX to PDF with LibreOffice's defaults (rows may break across pages). */
function convertToPdf(docxPath: string, pdfPath: string, fixedDate: Date): void {
  const outDir = mkdtempSync(join(tmpdir(), 'fixtures-pdf-'))
  const profile = sofficeProfile()
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ],
      { stdio: 'pipe' },
    )
    const produced = join(outDir, docxPath.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'))
    writeFileSync(pdfPath, stabilisePdf(readFileSync(produced), fixedDate))
  } finally {
    rmSync(outDir, { recursive: true, force: true })
    rmSync(new URL(profile), { recursive: true, force: true })
  }
}

async function makePlanFixtures(plan: PlanFixture): Promise<void> {
  const layout = layoutPlan(readFileSync(plan.source, 'utf8'))
  const docxPath = join(formatsDir, `${plan.name}.docx`)
  writeFileSync(docxPath, await renderDocx(layout, { fixedDate: plan.fixedDate }))
  convertToPdf(docxPath, join(formatsDir, `${plan.name}.pdf`), plan.fixedDate)
  const page = renderPortalPage(layout, plan.site, {
    omitMetadataLines: plan.articleOmitsMetadataLines,
  })
  writeFileSync(join(formatsDir, `${plan.name}.html`), page.bytes)
  console.log(`${plan.name}: docx, pdf, html (${page.charset})`)
}

async function main(): Promise<void> {
  mkdirSync(formatsDir, { recursive: true })
  for (const plan of PLANS) await makePlanFixtures(plan)

  const newsPage = renderNewsListPage(PLANS[1]!.site)
  writeFileSync(join(formatsDir, 'not-a-plan.html'), newsPage.bytes)
  // A file that claims to be a PDF and is the saved portal page.
  copyFileSync(join(formatsDir, 'xinzheng.html'), join(formatsDir, 'html-named.pdf'))
  await writeBadInputs(formatsDir, { convertToPdf })
  console.log(`bad inputs written to ${formatsDir}`)
}

await main()
