// The README names files a newcomer will open: each named path is in the repository, and every
// entry of its Layout is where it says (a file or folder renamed without the README fails here).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../src/paths.js'

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')

/** A name as written, or a pattern with * (pdf-*.ts): some file of the folder matches it. */
function present(folder: string, name: string): boolean {
  if (!name.includes('*')) return existsSync(join(projectRoot, folder, name))
  const pattern = new RegExp(`^${name.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`)
  const dir = join(projectRoot, folder, dirname(name))
  return existsSync(dir) && readdirSync(dir).some((file) => pattern.test(file))
}

/**
 * A file the project writes (the database, a benchmark's results) is named in .gitignore, not
 * committed. A pattern with a / inside matches the path; one without matches any of its parts
 * (a file or folder name); * stands for any characters but /.
 */
const ignorePatterns = readFileSync(join(projectRoot, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim().replace(/^\//, '').replace(/\/$/, ''))
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => ({
    anchored: line.includes('/'),
    pattern: new RegExp(`^${line.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`),
  }))

function ignored(path: string): boolean {
  const parts = path.replace(/\/$/, '').split('/')
  return ignorePatterns.some(({ anchored, pattern }) =>
    anchored ? pattern.test(path) : parts.some((part) => pattern.test(part)),
  )
}

t.test('every path the README names in code is in the repository', async (t) => {
  const named = new Set(
    [...readme.matchAll(/`([^`\s]+)`/g), ...readme.matchAll(/\]\(([^)\s#]+)\)/g)]
      .map((m) => m[1]!.replace(/:\d+$/, ''))
      .filter((path) => /^(\.ci|bench|bin|db|docs|migrations|scripts|src|static|test)\//.test(path))
      // A pattern for the reader to fill in, not a file: docs/decisions/NNNN-title.md.
      .filter((path) => !/NNNN|\{|…/.test(path)),
  )
  t.ok(named.size > 10, `${named.size} paths named`)
  t.ok(ignored('db/plan.db') && ignored('dist/server.js'), '.gitignore read: written files')
  t.notOk(ignored('src/app.ts') || ignored('db/sources'), 'and nothing else')
  for (const path of named) {
    if (ignored(path)) t.pass(`${path} is written by the project (.gitignore)`)
    else t.ok(present('', path), path)
  }
})

t.test('every entry of the Layout is where it says', async (t) => {
  const layout = /## Layout\n[^]*?```\n([^]*?)```/.exec(readme)![1]!
  // Entries start in the name column (indented by two a folder level); a line indented past it
  // continues a description.
  const folders: string[] = []
  let entries = 0
  for (const line of layout.split('\n')) {
    const indent = line.length - line.trimStart().length
    if (line.trim() === '' || indent > 12) continue
    const level = indent / 2
    folders.length = level
    // Names separated by commas, then the description after the last one.
    const names: string[] = []
    for (const word of line.trim().split(/\s+/)) {
      names.push(word.replace(/,$/, ''))
      if (!word.endsWith(',')) break
    }
    const folder = folders.join('')
    for (const name of names.filter((n) => !/NNNN/.test(n))) {
      entries++
      t.ok(present(folder, name), `${folder}${name}`)
    }
    if (names.length === 1 && names[0]!.endsWith('/')) folders[level] = names[0]!
  }
  t.ok(entries > 100, `${entries} entries checked`)
})
