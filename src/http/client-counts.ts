// Requests per client and window, the store of a RateLimit (rate-limit.ts): one count per
// client, whichever path served it, the framework's or the hot path.

export interface Count {
  /** Requests in the current window, this one included. */
  current: number
  /** Milliseconds until the window ends. */
  ttl: number
}

/** Clients kept at most; past it the oldest windows go first (they have mostly ended). */
const DEFAULT_MAX_CLIENTS = 10_000

export class ClientCounts {
  private readonly windows = new Map<string, { count: number; endsAt: number }>()

  constructor(private readonly maxClients = DEFAULT_MAX_CLIENTS) {}

  /** Counts one request of this client in a fixed window of `windowMs` milliseconds. */
  count(key: string, windowMs: number, now = Date.now()): Count {
    let window = this.windows.get(key)
    if (window === undefined || window.endsAt <= now) {
      // A new window goes to the end of the map, so the map stays in order of windows begun.
      this.windows.delete(key)
      window = { count: 0, endsAt: now + windowMs }
      this.windows.set(key, window)
      for (const oldest of this.windows.keys()) {
        if (this.windows.size <= this.maxClients) break
        this.windows.delete(oldest)
      }
    }
    window.count += 1
    return { current: window.count, ttl: window.endsAt - now }
  }
}
