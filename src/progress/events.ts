// Progress as it is reported: every committed write is announced here, once, so that live
// readers (the GraphQL subscription progressReported) see it without polling.
import { EventEmitter } from 'node:events'
import type { ObservationRecord, StatusChangeRecord } from '../store/index.js'

export type ProgressEvent =
  | { kind: 'observation'; targetId: string; taskId: null; observation: ObservationRecord }
  | { kind: 'status'; targetId: null; taskId: string; statusChange: StatusChangeRecord }

export class ProgressEvents {
  private readonly emitter = new EventEmitter()

  /** Announces a write; call it after the write has committed. */
  report(event: ProgressEvent): void {
    this.emitter.emit('progress', event)
  }

  /** Calls the listener with every write from now on; returns what stops it. */
  listen(listener: (event: ProgressEvent) => void): () => void {
    this.emitter.on('progress', listener)
    return () => this.emitter.off('progress', listener)
  }
}
