// Which action items a task restates. The task list copies sentences from the body, sometimes
// shortened (巩义市中等专业学校 → 巩义中专) or merged from two items, so each sentence of a task
// is matched on its own, by how many of its character bigrams an item contains.
import { bigrams, containment, splitSentences } from './compare.js'
import type { ParsedSection } from './types.js'

/** A sentence shares at least this share of its bigrams with the item it was copied from. */
const MIN_CONTAINMENT = 0.6

export interface ItemMatcher {
  /** Indexes (into the sections) of the items a task's text restates, in document order. */
  itemsOf(taskText: string): number[]
}

export function itemMatcher(sections: ParsedSection[]): ItemMatcher {
  const items = sections.flatMap((s, index) =>
    s.kind === 'item' ? [{ index, grams: bigrams(s.text) }] : [],
  )
  return {
    itemsOf(taskText) {
      const found = new Set<number>()
      for (const sentence of splitSentences(taskText)) {
        const grams = bigrams(sentence)
        let best: { index: number; score: number } | null = null
        for (const item of items) {
          const score = containment(grams, item.grams)
          if (!best || score > best.score) best = { index: item.index, score }
        }
        if (best && best.score >= MIN_CONTAINMENT) found.add(best.index)
      }
      return [...found].sort((a, b) => a - b)
    },
  }
}
