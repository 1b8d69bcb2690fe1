// The bundled plan as amended by a later text: its first task's wording changed, its first
// target's figure raised by `step`, its last task line dropped. What changed is read from the
// parsed plan, not known in advance, so the tests hold for whatever the bundled plan says.
import { bundledPlanPath, readPlan, readText } from './helper.js'

export function amendedBundledText(step: number): string {
  const text = readText(bundledPlanPath)
  const plan = readPlan(bundledPlanPath)
  const lines = text.split('\n')
  const task = plan.tasks[0]!
  lines[task.line - 1] = lines[task.line - 1]!.replace(/。/, `，第${step}次修订。`)
  // The first number after the target's indicator, not the first of its line (a year, say).
  const target = plan.targets[0]!
  const line = lines[target.line - 1]!
  const at = line.indexOf(target.indicator.slice(-4)) + 4
  lines[target.line - 1] =
    line.slice(0, at) + line.slice(at).replace(/\d+/, (n) => String(Number(n) + step))
  const lastTask = plan.tasks.at(-1)!
  lines.splice(lastTask.line - 1, 1)
  return lines.join('\n')
}
