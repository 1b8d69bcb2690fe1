// The text of /metrics for every way of asking (the operator port, the public port behind a
// token): one render at a time however many scrape at once, and a bound on scrapes per address.
// A render reads every series (in a cluster, every worker's, through the primary); without
// these, a flood of scrapes took the event loop from every other client.
import { ClientCounts } from '../http/client-counts.js'
import type { Metrics, MetricsSource } from './metrics.js'

/** Scrapes one address may make per window: a scrape a second, where Prometheus makes one in 15. */
export const SCRAPE_LIMIT = { max: 60, windowMs: 60_000 }

export type Scrape =
  | { allowed: true; text: () => Promise<string> }
  | { allowed: false; retryAfterSeconds: number; detail: string }

export class MetricsExposition {
  private rendering: Promise<string> | null = null
  private readonly scrapes = new ClientCounts()

  constructor(
    private readonly metrics: Metrics,
    private readonly source: MetricsSource,
    private readonly limit = SCRAPE_LIMIT,
  ) {}

  /** Counts a scrape of this address; within the limit, its text (shared with scrapes in flight). */
  scrape(address: string): Scrape {
    const count = this.scrapes.count(address, this.limit.windowMs)
    if (count.current > this.limit.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil(count.ttl / 1000))
      const detail = `more than ${this.limit.max} scrapes of /metrics from this address in ${this.limit.windowMs / 1000} s; retry after ${retryAfterSeconds} s`
      return { allowed: false, retryAfterSeconds, detail }
    }
    return { allowed: true, text: () => this.text() }
  }

  private text(): Promise<string> {
    this.rendering ??= this.source(this.metrics).finally(() => {
      this.rendering = null
    })
    return this.rendering
  }

  get contentType(): string {
    return this.metrics.registry.contentType
  }
}
