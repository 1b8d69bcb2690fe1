// Which action items a task restates. The task list copies sentences from the body, sometimes
// shortened (新郑市中等专业学校 → 新郑中专) or merged from two items, so each sentence of a task
// is matched on its own, by how many of its character bigrams an item contains.
import type { ParsedSection } from './types.js'

/** A sentence shares at least this share of its bigrams with the item it was copied from. */
const MIN_CONTAINMENT = 0.6
/** Sentences shorter than this (in Han characters and digits) say too little to be matched. */
const MIN_SENTENCE_LENGTH = 6

function bigrams(text: string): Set<string> {
  const chars = text.replace(/[^\p{Script=Han}\p{N}\p{L}]/gu, '')
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars.slice(i, i + 2))
  return grams
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？])/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[^\p{Script=Han}\p{N}]/gu, '').length >= MIN_SENTENCE_LENGTH)
}

function containment(sentence: Set<string>, item: Set<string>): number {
  if (sentence.size === 0) return 0
  let shared = 0
  for (const g of sentence) if (item.has(g)) shared++
  return shared / sentence.size
}

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
      for (const sentence of sentences(taskText)) {
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
