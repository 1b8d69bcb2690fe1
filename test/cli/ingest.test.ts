// npm run ingest, run as a user runs it: a real process, a real database file.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import t from 'tap'
import { MAX_FILE_BYTES } from '../../src/ingest/formats/extract.js'
import { projectRoot } from '../../src/paths.js'
import { bundledPlanPath, readText, secondPlanPath, tempDir } from '../helper.js'

const run = promisify(execFile)

async function ingest(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'src/cli/ingest.ts'), ...args],
      { cwd: projectRoot },
    )
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

t.test('loads files into the database given by --db and says what it loaded', async (t) => {
  const db = join(tempDir(t), 'plan.db')
  const res = await ingest('--db', db, bundledPlanPath, secondPlanPath)
  t.equal(res.code, 0, res.stderr)
  t.match(
    res.stdout,
    /^loaded 000_c064bf4d175dcab6\.txt as doc-[0-9a-f]{12} \(新政办〔2023〕17号\): 33 sections, 29 tasks, 25 agencies, 19 targets, \d+ findings to look at$/m,
  )
  t.match(res.stdout, /^loaded second-plan\.txt as doc-[0-9a-f]{12} \(洛政办〔2024〕5号\)/m)
  const again = await ingest('--db', db, bundledPlanPath)
  t.match(again.stdout, /^replaced 000_c064bf4d175dcab6\.txt/)
})

t.test('bad input: one line naming file and line, non-zero exit, database untouched', async (t) => {
  const dir = tempDir(t)
  const db = join(dir, 'plan.db')
  t.equal((await ingest('--db', db, bundledPlanPath)).code, 0)
  const before = sha256(db)

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  // A file past the file limit is refused from its size alone; made sparse, it takes no disk.
  const sized = (name: string, size: number) => {
    const path = file(name, '')
    truncateSync(path, size)
    return path
  }
  const noOutline =
    '某市人民政府办公室关于做好某项工作的通知\n\n各区人民政府：\n\n请做好有关工作。\n'
  const cases: [string, RegExp][] = [
    [file('empty.txt', ''), /empty\.txt: the file is empty$/],
    [
      file('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])),
      /binary\.txt(:\d+)?: (the text is not valid UTF-8|binary data)/,
    ],
    [
      file(
        'latin1.txt',
        Buffer.concat([Buffer.from('新郑市\n\n'), Buffer.from([0xe9, 0x74, 0xe9])]),
      ),
      /latin1\.txt:3: the text is not valid UTF-8$/,
    ],
    [file('notice.txt', noOutline), /notice\.txt:\d+: not a plan: no outline/],
    [
      file('huge.txt', '一、总体要求\n'.repeat(400_000)),
      /huge\.txt: the file has \d+\.\d MB; a plan text has at most 5 MB$/,
    ],
    // A plan crawled onto one line of 29 MB: refused at once, not read for half a minute.
    [
      file('crawled.txt', '建设设施，完善布局。'.repeat(1_000_000)),
      /crawled\.txt: the file has 28\.6 MB; a plan text has at most 5 MB$/,
    ],
    [
      sized('scan.pdf', MAX_FILE_BYTES + 10 * 1024 * 1024),
      /scan\.pdf: the file has 40\.0 MB; a plan file has at most 30 MB$/,
    ],
    [join(dir, 'missing.txt'), /missing\.txt: no such file$/],
  ]
  for (const [path, message] of cases) {
    // A good file alongside: all or nothing.
    const res = await ingest('--db', db, secondPlanPath, path)
    t.equal(res.code, 1, path)
    t.equal(res.stdout, '', 'nothing claimed loaded')
    // Progress lines come first; the reason is one line, the last.
    const lines = res.stderr.trimEnd().split('\n')
    const reasons = lines.filter((line) => !/^read \d+\/2 /.test(line))
    t.same(reasons, [lines.at(-1)], `one line of reason, the last: ${res.stderr}`)
    t.match(lines.at(-1), /^ingest: /)
    t.match(lines.at(-1), message)
    t.equal(sha256(db), before, `database unchanged after ${path}`)
  }
  const quiet = await ingest('--quiet', '--db', db, secondPlanPath, cases[0]![0])
  t.equal(quiet.stderr.trimEnd().split('\n').length, 1, 'with --quiet, the reason alone')
})

t.test('says on stderr which file it has read, one line each off a terminal', async (t) => {
  const dir = tempDir(t)
  const res = await ingest('--db', join(dir, 'plan.db'), bundledPlanPath, secondPlanPath)
  t.equal(res.code, 0, res.stderr)
  t.match(
    res.stderr,
    /^read 1\/2 000_c064bf4d175dcab6\.txt \(\d+ ms\)\nread 2\/2 second-plan\.txt \(\d+ ms\)\nloading 2 plans\n$/,
  )
  t.notMatch(res.stdout, /^read /m, 'stdout stays the list of what was loaded')
  const quiet = await ingest('-q', '--db', join(dir, 'plan.db'), secondPlanPath)
  t.equal(quiet.code, 0)
  t.equal(quiet.stderr, '', '--quiet says nothing on stderr')
})

t.test('a failure on a new database leaves no file behind', async (t) => {
  const db = join(tempDir(t), 'new.db')
  const res = await ingest('--db', db, join(tempDir(t), 'missing.txt'))
  t.equal(res.code, 1)
  t.notOk(existsSync(db))
})

t.test('two files with one 发文字号 are refused', async (t) => {
  const dir = tempDir(t)
  const copy = join(dir, 'copy.txt')
  writeFileSync(copy, readFileSync(bundledPlanPath))
  const res = await ingest('--db', join(dir, 'plan.db'), bundledPlanPath, copy)
  t.equal(res.code, 1)
  t.match(
    res.stderr,
    /copy\.txt: 新政办〔2023〕17号 is also the document of .*000_c064bf4d175dcab6\.txt/,
  )
})

t.test('a plan without a 发文字号 loads; --meta supplies what its text lacks', async (t) => {
  const dir = tempDir(t)
  const db = join(dir, 'plan.db')
  const bare = join(dir, 'bare.txt')
  writeFileSync(bare, readText(bundledPlanPath).replace('新政办〔2023〕17号', ''))
  const loaded = await ingest('--db', db, bare)
  t.equal(loaded.code, 0, loaded.stderr)
  t.match(loaded.stdout, /^loaded bare\.txt as doc-[0-9a-f]{12} \(no 发文字号\)/)

  const meta = join(dir, 'bare.json')
  writeFileSync(
    meta,
    JSON.stringify({
      number: '新政办〔2023〕17号',
      issuedOn: '2023-08-25',
      sourceUrl: 'https://www.xinzheng.gov.cn/plan.html',
    }),
  )
  const supplied = await ingest('--db', db, '--meta', meta, bare)
  t.equal(supplied.code, 0, supplied.stderr)
  t.match(supplied.stdout, /\(新政办〔2023〕17号\)/)
  const stored = new Database(db, { readonly: true })
  t.teardown(() => stored.close())
  const row = stored
    .prepare('SELECT issued_on, source_url, supplied_fields FROM documents WHERE number = ?')
    .get('新政办〔2023〕17号') as Record<string, string>
  t.same(row, {
    issued_on: '2023-08-25',
    source_url: 'https://www.xinzheng.gov.cn/plan.html',
    supplied_fields: '["number","issuedOn","sourceUrl"]',
  })
})

t.test('--meta that is not metadata is refused with its file named', async (t) => {
  const dir = tempDir(t)
  const meta = (name: string, content: string) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  const cases: [string, RegExp][] = [
    [meta('broken.json', '{"number": '), /broken\.json: not JSON/],
    [meta('list.json', '[]'), /list\.json: metadata must be a JSON object/],
    [meta('extra.json', '{"title": "x"}'), /extra\.json: unknown field title/],
    [
      meta('date.json', '{"issuedOn": "2023-02-30"}'),
      /date\.json: issuedOn 2023-02-30 is not a date/,
    ],
    [meta('url.json', '{"sourceUrl": "ftp://x"}'), /url\.json: sourceUrl ftp:\/\/x is not an http/],
    [meta('number.json', '{"number": "第五号"}'), /supplied number 第五号 is not a 发文字号/],
  ]
  for (const [path, message] of cases) {
    const res = await ingest('--db', join(dir, 'plan.db'), '--meta', path, bundledPlanPath)
    t.equal(res.code, 1, path)
    t.match(res.stderr, message)
  }
  const dangling = await ingest(
    '--db',
    join(dir, 'plan.db'),
    bundledPlanPath,
    '--meta',
    cases[0]![0],
  )
  t.equal(dangling.code, 2)
  t.match(dangling.stderr, /describes no file: put it before one/)
})

t.test('--help says what the command does and what each option means', async (t) => {
  for (const flag of ['--help', '-h']) {
    const res = await ingest(flag)
    t.equal(res.code, 0, flag)
    t.match(
      res.stdout,
      /^usage: npm run ingest -- \[--db PATH\] \[--quiet\] \[--meta META\.json\] FILE/,
    )
    for (const option of ['--db PATH', '--meta META.json', '-q, --quiet', '-h, --help']) {
      t.match(res.stdout, new RegExp(`^  ${option.replace(/[.[\]]/g, '\\$&')}\\s+\\S`, 'm'), option)
    }
    t.match(res.stdout, /exit status: 0 loaded; 1 .*; 2 the command line is wrong/s)
  }
})

t.test('usage errors exit 2', async (t) => {
  const none = await ingest()
  t.equal(none.code, 2)
  t.match(none.stderr, /no plan files given\nusage: npm run ingest/)
  const unknown = await ingest('--bogus', 'x')
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, /^ingest: Unknown option '--bogus'/)
})

t.test('plans as published: a PDF, a DOCX and a saved page, told apart by content', async (t) => {
  const formats = join(projectRoot, 'test', 'fixtures', 'formats')
  const dir = tempDir(t)
  const db = join(dir, 'plan.db')
  // A portal's download link gives a file with no extension: the bytes say it is a DOCX.
  const download = join(dir, 'download')
  writeFileSync(download, readFileSync(join(formats, 'second-plan.docx')))
  const res = await ingest('--db', db, join(formats, 'xinzheng.pdf'), download)
  t.equal(res.code, 0, res.stderr)
  t.match(
    res.stdout,
    /^loaded xinzheng\.pdf as doc-[0-9a-f]{12} \(新政办〔2023〕17号\): 33 sections, 29 tasks, 25 agencies, 19 targets/m,
  )
  t.match(res.stdout, /^loaded download as doc-[0-9a-f]{12} \(洛政办〔2024〕5号\)/m)
  const page = await ingest('--db', db, join(formats, 'second-plan.html'))
  t.match(page.stdout, /^replaced second-plan\.html as doc-[0-9a-f]{12} \(洛政办〔2024〕5号\)/)

  const opened = new Database(db, { readonly: true })
  t.teardown(() => opened.close())
  const files = opened
    .prepare(
      `SELECT d.source_file AS file, f.format, f.page_of_line IS NOT NULL AS paged
       FROM document_files f JOIN documents d ON d.id = f.document_id ORDER BY d.source_file`,
    )
    .all()
  t.same(files, [
    { file: 'second-plan.html', format: 'html', paged: 0 },
    { file: 'xinzheng.pdf', format: 'pdf', paged: 1 },
  ])

  const before = sha256(db)
  const refused: [string, RegExp][] = [
    ['scanned.pdf', /scanned\.pdf: .*no text layer/],
    ['encrypted.pdf', /encrypted\.pdf: .*password/],
    [
      'html-named.pdf',
      /html-named\.pdf: the name html-named\.pdf says a PDF but the file holds a web page$/,
    ],
    ['bomb.docx', /bomb\.docx: /],
    ['lying-sizes.docx', /lying-sizes\.docx: /],
    ['not-a-plan.html', /not-a-plan\.html(:\d+)?: /],
  ]
  for (const [name, message] of refused) {
    const res = await ingest('--db', db, join(formats, name))
    t.equal(res.code, 1, name)
    const lines = res.stderr.trimEnd().split('\n')
    t.equal(lines.length, 1, `one line: ${res.stderr}`)
    t.match(lines[0], message)
    t.equal(sha256(db), before, `database unchanged after ${name}`)
  }
})

t.test('bin/plan-ingest runs the compiled command; DB_PATH is the database it loads', async (t) => {
  // The container image has no tsx: there, plan-ingest is the command (README, Dockerfile).
  const db = join(tempDir(t), 'from-env.db')
  // As a shell runs it: without the NODE_OPTIONS tap gives what a test starts, whose require
  // hooks would load the command's ES module through CommonJS.
  const { stdout } = await run(
    'env',
    [
      '-u',
      'NODE_OPTIONS',
      process.execPath,
      join(projectRoot, 'bin', 'plan-ingest'),
      '--quiet',
      secondPlanPath,
    ],
    { cwd: projectRoot, env: { ...process.env, DB_PATH: db } },
  )
  t.match(stdout, /^loaded second-plan\.txt as doc-/)
  t.ok(existsSync(db), 'loaded into DB_PATH when --db is not given')
})
