// Processes of ours that tests start: marked, so that the check after the run (setup/after.ts)
// can find any left behind, and tied to the test's process, so that they end when it does.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'

/** Set in the environment of every process a test starts: its value is the checkout's root. */
export const TEST_PROCESS_MARK = 'PLAN_OPEN_DATA_TEST_ROOT'

/** node's arguments that make it shut down once the test's process is gone. */
export const exitWithParent = ['--import', join(projectRoot, 'test/setup/exit-with-parent.mjs')]

/**
 * Spawns node with the arguments, marked, its stdin a pipe from this process (closed when this
 * process ends, however it ends), in a process group of its own so that `killGroup` ends its
 * children too (a cluster's workers).
 */
export function spawnNode(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [...exitWithParent, ...args], {
    cwd: projectRoot,
    ...options,
    detached: true,
    stdio: [
      'pipe',
      ...((options.stdio as unknown[] | undefined)?.slice(1) ?? ['pipe', 'pipe']),
    ] as SpawnOptions['stdio'],
    env: { ...(options.env ?? process.env), [TEST_PROCESS_MARK]: projectRoot },
  })
}

/** Sends the signal to the child's whole process group; nothing if it is gone already. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Gone between the check and the kill.
  }
}

/** Whether a process of this pid exists (signal 0 asks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
