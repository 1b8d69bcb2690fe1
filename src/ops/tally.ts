// What is open per key (connections per address, subscriptions per address), counted up and
// down; a key at zero is forgotten, so the map holds only the live.
export class Tally {
  private readonly counts = new Map<string, number>()
  /** Over every key. */
  total = 0

  of(key: string): number {
    return this.counts.get(key) ?? 0
  }

  add(key: string): void {
    this.counts.set(key, this.of(key) + 1)
    this.total += 1
  }

  remove(key: string): void {
    this.total -= 1
    const left = this.of(key) - 1
    if (left > 0) this.counts.set(key, left)
    else this.counts.delete(key)
  }
}
