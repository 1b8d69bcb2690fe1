// npm run token, run as a user runs it: a real process on a database loaded with the plans.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import type { Test } from 'tap'
import { projectRoot } from '../../src/paths.js'
import { Store } from '../../src/store/index.js'
import { principalOf } from '../../src/store/tokens.js'
import { bundledPlanPath, secondPlanPath, tempDatabase, tempDir, thirdPlanPath } from '../helper.js'

const run = promisify(execFile)

async function token(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'src/cli/token.ts'), ...args],
      { cwd: projectRoot },
    )
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** The three plans are of 新郑市, 洛阳市 and 郑州市金水区: many of their agency names recur. */
function plansDatabase(t: Test) {
  return tempDatabase(t, [bundledPlanPath, secondPlanPath, thirdPlanPath])
}

/** The secret a successful create printed: its only line on stdout. */
function secretOf(t: Test, res: { code: number; stdout: string; stderr: string }): string {
  t.equal(res.code, 0, res.stderr)
  const lines = res.stdout.trimEnd().split('\n')
  t.equal(lines.length, 1, 'stdout holds the secret alone')
  t.match(lines[0], /^plan_[A-Za-z0-9_-]{43}$/)
  return lines[0]!
}

function oneLineError(t: Test, res: { code: number; stdout: string; stderr: string }, re: RegExp) {
  t.equal(res.code, 1, res.stderr)
  t.equal(res.stdout, '', 'no secret printed')
  const lines = res.stderr.trimEnd().split('\n')
  t.equal(lines.length, 1, `one line: ${res.stderr}`)
  t.match(lines[0], /^token: /)
  t.match(lines[0], re)
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

t.test(
  'create for an agency named by an alias: a secret that stands for that agency',
  async (t) => {
    const { db, path } = plansDatabase(t)
    const alias = '市发展改革委'
    const [agency, ...others] = new Store(db).listAgencies({ name: alias }, { limit: 10 }).items
    t.same(others, [], 'the alias names one agency')
    t.not(agency!.name, alias, 'an alias, not the canonical name')

    const res = await token('create', '--agency', alias, '--db', path)
    const secret = secretOf(t, res)
    const principal = principalOf(db, secret)
    t.match(principal, { role: 'agency', agencyId: agency!.id })
    t.match(
      res.stderr,
      new RegExp(
        `^created ${principal!.tokenId} for 新郑市 市发展和改革委员会 \\(${agency!.id}\\); ` +
          'the secret above is not shown again\n$',
      ),
    )

    const rows = db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[]
    t.equal(rows.length, 1)
    t.match(rows[0], { secret_hash: sha256(secret), label: '新郑市 市发展和改革委员会' })
    t.notOk(JSON.stringify(rows).includes(secret), 'no column holds the secret')
    for (const file of [path, `${path}-wal`]) {
      if (existsSync(file)) t.notOk(readFileSync(file).includes(secret), `${file} lacks the secret`)
    }
  },
)

t.test('a name of agencies in several jurisdictions needs --jurisdiction', async (t) => {
  const { db, path } = plansDatabase(t)
  const ambiguous = await token('create', '--agency', '市教育局', '--db', path)
  oneLineError(
    t,
    ambiguous,
    /市教育局 names agencies in 新郑市, 洛阳市; say which with --jurisdiction$/,
  )
  t.same(db.prepare('SELECT * FROM tokens').all(), [], 'no token made')

  const chosen = await token(
    'create',
    '--agency',
    '市教育局',
    '--jurisdiction',
    '洛阳市',
    '--db',
    path,
  )
  const principal = principalOf(db, secretOf(t, chosen))
  const agency = new Store(db).getAgency(principal!.agencyId!)
  t.match(agency, { jurisdiction: '洛阳市', name: '市教育局' })
  t.match(chosen.stderr, /for 洛阳市 市教育局 /)

  const elsewhere = await token(
    'create',
    '--agency',
    '市教育局',
    '--jurisdiction',
    '郑州市金水区',
    '--db',
    path,
  )
  oneLineError(t, elsewhere, /no agency named 市教育局 in 郑州市金水区, only in 新郑市, 洛阳市$/)
})

t.test('an unknown agency fails with one line naming it', async (t) => {
  const { db, path } = plansDatabase(t)
  const res = await token('create', '--agency', '市不存在局', '--db', path)
  oneLineError(t, res, /no agency is named 市不存在局$/)
  t.same(db.prepare('SELECT * FROM tokens').all(), [])
})

t.test('an admin token', async (t) => {
  const { db, path } = plansDatabase(t)
  const res = await token('create', '--admin', '--db', path)
  const principal = principalOf(db, secretOf(t, res))
  t.match(principal, { role: 'admin', agencyId: null })
  t.match(res.stderr, /^created tok-[0-9a-f]+ for an administrator; /)
})

t.test('list shows every token, one a line, and no secret', async (t) => {
  const { db, path } = plansDatabase(t)
  const empty = await token('list', '--db', path)
  t.equal(empty.code, 0)
  t.equal(empty.stdout, '', 'no tokens: nothing on stdout')

  const agencySecret = secretOf(t, await token('create', '--agency', '区城管局', '--db', path))
  const adminSecret = secretOf(t, await token('create', '--admin', '--db', path))
  const revokedId = principalOf(db, adminSecret)!.tokenId
  t.equal((await token('revoke', revokedId, '--db', path)).code, 0)

  const res = await token('list', '--db', path)
  t.equal(res.code, 0, res.stderr)
  const lines = res.stdout.trimEnd().split('\n')
  t.equal(lines.length, 2)
  const timestamp = '\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z'
  const agencyTokenId = principalOf(db, agencySecret)!.tokenId
  t.match(lines, [
    new RegExp(`^${agencyTokenId}\tagency\t郑州市金水区 区城市管理局\t${timestamp}\tactive$`),
    new RegExp(`^${revokedId}\tadmin\tadmin\t${timestamp}\trevoked ${timestamp}$`),
  ])
  for (const secret of [agencySecret, adminSecret]) {
    t.notOk(res.stdout.includes(secret), 'no secret')
    t.notOk(res.stdout.includes(sha256(secret)), 'no hash')
  }
})

t.test('revoke: the secret stops working; a second revoke fails', async (t) => {
  const { db, path } = plansDatabase(t)
  const secret = secretOf(t, await token('create', '--admin', '--db', path))
  const id = principalOf(db, secret)!.tokenId

  const res = await token('revoke', id, '--db', path)
  t.equal(res.code, 0, res.stderr)
  t.equal(res.stdout, `revoked ${id}\n`)
  t.equal(principalOf(db, secret), null)

  const again = await token('revoke', id, '--db', path)
  t.equal(again.code, 1)
  t.match(again.stderr, new RegExp(`^token: ${id} was revoked already at \\S+\n$`))
  const unknown = await token('revoke', 'tok-000000000000', '--db', path)
  t.equal(unknown.code, 1)
  t.equal(unknown.stderr, 'token: no token tok-000000000000\n')
})

t.test('a missing database is reported, not created', async (t) => {
  const path = join(tempDir(t), 'plan.db')
  for (const args of [['create', '--admin'], ['list'], ['revoke', 'tok-000000000000']]) {
    const res = await token(...args, '--db', path)
    oneLineError(t, res, /no database at .*; load the plans with npm run ingest first$/)
    t.ok(res.stderr.includes(path), 'names the path')
    t.notOk(existsSync(path), `${args[0]} made no file`)
  }
})

t.test('usage: --help, and usage errors exit 2', async (t) => {
  const help = await token('--help')
  t.equal(help.code, 0)
  t.match(help.stdout, /^usage: npm run token -- create --agency NAME/)

  const cases: [string[], RegExp][] = [
    [[], /^token: no command given\nusage: /],
    [['--bogus'], /^token: Unknown option '--bogus'/],
    [['frob'], /^token: unknown command frob\n/],
    [['create'], /^token: create needs --agency NAME or --admin\n/],
    [
      ['create', '--admin', '--agency', '市教育局'],
      /^token: a token is for one agency or an admin/,
    ],
    [
      ['create', '--admin', '--jurisdiction', '洛阳市'],
      /^token: --jurisdiction goes with --agency/,
    ],
    [['list', '--agency', '市教育局'], /^token: list takes no --agency\n/],
    [['list', 'extra'], /^token: list takes no arguments\n/],
    [['revoke'], /^token: revoke takes one token id\n/],
  ]
  for (const [args, message] of cases) {
    const res = await token(...args)
    t.equal(res.code, 2, args.join(' '))
    t.equal(res.stdout, '')
    t.match(res.stderr, message)
    t.match(res.stderr, /\nusage: npm run token -- /)
  }
})
