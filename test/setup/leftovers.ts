// Run by tap after the test files (.taprc `after`): fails the run when a process a test started
// is still alive, and ends it. Tests mark what they start (test/processes.ts) with this
// checkout's root, so a server a developer runs by hand, or another checkout's tests, are left
// alone.
import { readdirSync, readFileSync } from 'node:fs'
import { projectRoot } from '../../src/paths.js'
import { TEST_PROCESS_MARK } from '../processes.js'

/** The processes whose environment carries the mark, with their commands. */
function markedProcesses(value: string): { pid: number; command: string }[] {
  const mark = `${TEST_PROCESS_MARK}=${value}`
  const found: { pid: number; command: string }[] = []
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
      if (!environment.includes(mark)) continue
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
      found.push({ pid, command })
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found
}

// The mark to look for: this checkout's, unless a test of this script gives its own.
const left = markedProcesses(process.argv[2] ?? projectRoot)
if (left.length > 0) {
  for (const { pid, command } of left) {
    console.error(`# left running by a test: pid ${pid}: ${command}`)
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Ended meanwhile.
    }
  }
  console.error(`# ${left.length} process(es) a test started outlived the run; they were killed`)
  process.exit(1)
}
console.log('# no process a test started is left running')
