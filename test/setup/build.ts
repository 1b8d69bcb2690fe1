// Run by tap before the test files (.taprc `before`): the project compiled once per run, for the
// tests of the compiled server as npm start runs it. A test that compiled it itself raced its own
// timeout on a busy machine. A second tap of the same run (the container test's) finds dist/
// newer than every source and compiles nothing.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../../src/paths.js'

/** The latest change of any file under the folder. */
function newestChange(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
    }
  }
  return newest
}

const built = join(projectRoot, 'dist/server.js')
const sources = Math.max(
  newestChange(join(projectRoot, 'src')),
  statSync(join(projectRoot, 'tsconfig.build.json')).mtimeMs,
)
if (existsSync(built) && statSync(built).mtimeMs >= sources) {
  console.log('# dist/ is newer than every source: nothing to compile')
} else {
  const started = Date.now()
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' })
  console.log(`# compiled dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
