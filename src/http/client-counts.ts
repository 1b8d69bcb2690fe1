// Requests per client and window, kept for @fastify/rate-limit (as its `store`) and read by the
// hot path (hot-path.ts) too: one count per client, whichever path served it. The
// plugin's own store is not exported, and its interface is a callback; this one also answers
// synchronously.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'

export interface Count {
  /** Requests in the current window, this one included. */
  current: number
  /** Milliseconds until the window ends. */
  ttl: number
}

/** Clients kept at most; past it the oldest windows go first (they have mostly ended). */
const DEFAULT_MAX_CLIENTS = 10_000

export class ClientCounts implements FastifyRateLimitStore {
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

  /** @fastify/rate-limit's interface: the same count, by callback. */
  incr(
    key: string,
    callback: (error: Error | null, result?: Count) => void,
    timeWindow?: number,
  ): void {
    if (timeWindow === undefined) callback(new Error('the rate limit gave no time window'))
    else callback(null, this.count(key, timeWindow))
  }

  /** A route with limits of its own (progress writes) counts apart. */
  child(): FastifyRateLimitStore {
    return new ClientCounts(this.maxClients)
  }

  /** The constructor the plugin calls for its store, handing it this very one. */
  asStore(): FastifyRateLimitStoreCtor {
    return constructorGiving(this)
  }
}

/** A constructor whose `new` gives this object (`new` gives what a constructor returns). */
function constructorGiving(counts: ClientCounts): FastifyRateLimitStoreCtor {
  return class {
    constructor() {
      return counts
    }
  } as unknown as FastifyRateLimitStoreCtor
}
