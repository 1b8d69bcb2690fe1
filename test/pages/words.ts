// What the pages call a task's status and a unit's role, written from the plans' own wording
// rather than read from the code under test.
export const STATUS_WORDS: Record<string, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  at_risk: '有风险',
}

export const ROLE_WORDS: Record<string, string> = {
  lead: '牵头',
  support: '配合',
  responsible: '负责',
}
