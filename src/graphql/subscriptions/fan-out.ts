// Each write, delivered to every subscriber: its payload computed once per distinct selection
// (a thousand dashboards subscribing the same way cost one execution), in the order the writes
// committed, into a bounded queue per subscriber. A subscriber whose queue is full is dropped
// rather than buffered without bound: a client that stopped reading must not hold the memory
// of every event since.
import type { ExecutionResult } from 'graphql'
import type { ProgressEvent, ProgressEvents } from '../../progress/events.js'
import type { AdmittedSubscription } from './admission.js'

/** Computes the payload of one selection for one event. */
export type ComputePayload = (
  subscription: AdmittedSubscription,
  event: ProgressEvent,
) => Promise<ExecutionResult>

export interface Subscriber {
  /** True when its socket holds more unsent bytes than it may. */
  isBacklogged(): boolean
  /** Ends the subscriber's connection, saying why; its iterators are then returned. */
  drop(reason: string): void
}

interface Membership {
  subscriber: Subscriber
  queue: ExecutionResult[]
  wake: (() => void) | null
  ended: boolean
  /** Leaves the selection and releases the subscriber's place; once. */
  end: () => void
}

interface Selection {
  subscription: AdmittedSubscription
  members: Set<Membership>
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true }

export class FanOut {
  private readonly selections = new Map<string, Selection>()
  /** Events are delivered one after another, so every subscriber sees them in commit order. */
  private delivering: Promise<void> = Promise.resolve()
  private readonly stopListening: () => void

  private readonly compute: ComputePayload
  private readonly maxQueuedEvents: number
  private readonly onDrop: () => void
  private readonly onComputed: () => void

  constructor(
    events: ProgressEvents,
    options: {
      compute: ComputePayload
      maxQueuedEvents: number
      onDrop: () => void
      /** A payload was computed: once per distinct selection per event. */
      onComputed: () => void
      /** A delivery that failed; the next event is delivered all the same. */
      onError: (err: unknown) => void
    },
  ) {
    this.compute = options.compute
    this.maxQueuedEvents = options.maxQueuedEvents
    this.onDrop = options.onDrop
    this.onComputed = options.onComputed
    this.stopListening = events.listen((event) => {
      this.delivering = this.delivering.then(() => this.deliver(event)).catch(options.onError)
    })
  }

  /** Distinct selections computed for each event. */
  get selectionCount(): number {
    return this.selections.size
  }

  hasSelection(key: string): boolean {
    return this.selections.has(key)
  }

  /**
   * The subscriber's stream of payloads; `release` runs once when it ends, however it ends (the
   * client's complete, its connection closing, or a drop).
   */
  join(
    subscription: AdmittedSubscription,
    subscriber: Subscriber,
    release: () => void,
  ): AsyncIterableIterator<ExecutionResult> {
    let selection = this.selections.get(subscription.selectionKey)
    if (selection === undefined) {
      selection = { subscription, members: new Set() }
      this.selections.set(subscription.selectionKey, selection)
    }
    const member: Membership = { subscriber, queue: [], wake: null, ended: false, end: () => {} }
    selection.members.add(member)
    const end = (member.end = () => {
      if (member.ended) return
      member.ended = true
      member.queue.length = 0
      member.wake?.()
      selection.members.delete(member)
      if (selection.members.size === 0) this.selections.delete(subscription.selectionKey)
      release()
    })
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        while (!member.ended) {
          const value = member.queue.shift()
          if (value !== undefined) return { value, done: false }
          await new Promise<void>((wake) => (member.wake = wake))
          member.wake = null
        }
        return DONE
      },
      return: async () => {
        end()
        return DONE
      },
      throw: async (err: unknown) => {
        end()
        throw err
      },
      [Symbol.asyncIterator]() {
        return iterator
      },
    }
    return iterator
  }

  stop(): void {
    this.stopListening()
  }

  private async deliver(event: ProgressEvent): Promise<void> {
    for (const selection of [...this.selections.values()]) {
      if (selection.members.size === 0) continue
      const payload = await this.compute(selection.subscription, event)
      this.onComputed()
      for (const member of selection.members) this.offer(member, payload)
    }
  }

  private offer(member: Membership, payload: ExecutionResult): void {
    if (member.ended) return
    if (member.queue.length >= this.maxQueuedEvents || member.subscriber.isBacklogged()) {
      // Ended at once: its queue is freed now, not when the slow client acknowledges the close.
      member.end()
      this.onDrop()
      member.subscriber.drop(
        `too slow: more than ${this.maxQueuedEvents} events or its socket's bound unsent`,
      )
      return
    }
    member.queue.push(payload)
    member.wake?.()
  }
}
