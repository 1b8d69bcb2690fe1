// Which action items a task restates. The task list copies sentences from the body, sometimes
// shortened (巩义市中等专业学校 → 巩义中专) or merged from two items, so each sentence of a task
// is matched on its own, by how many of its character bigrams an item contains.
import { bigrams, splitSentences, WorkBound } from './compare.js'
import type { ParsedSection } from './types.js'

/** A sentence shares at least this share of its bigrams with the item it was copied from. */
const MIN_CONTAINMENT = 0.6

/** Bigram lookups for matching a plan's tasks with its items (see WorkBound). */
const MAX_LOOKUPS = 50_000_000

export interface ItemMatcher {
  /** Indexes (into the sections) of the items a task's text restates, in document order. */
  itemsOf(taskText: string): number[]
  /** How many sentences of tasks were left unmatched because the bound was reached. */
  readonly unmatched: number
}

/** The items' bigrams, and the items holding each bigram, in document order. */
interface ItemIndex {
  items: { index: number; grams: Set<string> }[]
  holding: Map<string, number[]>
}

function indexItems(sections: ParsedSection[]): ItemIndex {
  const items = sections.flatMap((s, index) =>
    s.kind === 'item' ? [{ index, grams: bigrams(s.text) }] : [],
  )
  const holding = new Map<string, number[]>()
  items.forEach((item, k) => {
    for (const gram of item.grams) {
      const list = holding.get(gram)
      if (list) list.push(k)
      else holding.set(gram, [k])
    }
  })
  return { items, holding }
}

export function itemMatcher(sections: ParsedSection[]): ItemMatcher {
  // Made when the first task is matched: a plan without a task list needs none of it.
  let indexed: ItemIndex | null = null
  const bound = new WorkBound(MAX_LOOKUPS)

  /** The first item holding the largest share of the sentence's bigrams, if it is enough. */
  function bestItem(grams: Set<string>): number | null {
    const size = grams.size
    if (size === 0) return null
    // An item with enough of the bigrams holds at least one of the rarest `size - need + 1`
    // (need rounded down, to be safe): only those items are counted.
    const need = Math.max(1, Math.floor(MIN_CONTAINMENT * size) - 1)
    const { items, holding } = (indexed ??= indexItems(sections))
    const rarest = [...grams]
      .map((gram) => holding.get(gram) ?? [])
      .sort((a, b) => a.length - b.length)
      .slice(0, size - need + 1)
    const candidates = bound.allows(rarest.reduce((sum, list) => sum + list.length, 0))
      ? [...new Set(rarest.flat())].sort((a, b) => a - b)
      : null
    if (candidates === null || !bound.allows(candidates.length * size)) return null
    let best: { k: number; shared: number } | null = null
    for (const k of candidates) {
      let shared = 0
      for (const gram of grams) if (items[k]!.grams.has(gram)) shared++
      if (!best || shared > best.shared) best = { k, shared }
    }
    return best && best.shared / size >= MIN_CONTAINMENT ? items[best.k]!.index : null
  }

  return {
    itemsOf(taskText) {
      const found = new Set<number>()
      for (const sentence of splitSentences(taskText)) {
        const item = bestItem(bigrams(sentence))
        if (item !== null) found.add(item)
      }
      return [...found].sort((a, b) => a - b)
    },
    get unmatched() {
      return bound.skipped
    },
  }
}
