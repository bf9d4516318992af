/**
 * core/v1 Events written by the kubelet (the `source.component: kubelet` events kubectl describe shows).
 * Writes run in the background, one at a time, in call order; a failed write is logged and dropped, since
 * events are best effort upstream too. Repeats of the same (object, reason, message) bump `count` on the
 * existing Event instead of creating another, as upstream's correlator does for exact repeats.
 */
import { rfc3339 } from '../apimachinery/meta.js';
import type { RestClient } from '../client/rest/rest-client.js';
import { EVENTS } from '../client/rest/resources.js';
import type { KubeObject } from '../client/rest/types.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import type { EventRecorder, EventType, ObjectReference } from './prober/events.js';

interface CoreEvent extends KubeObject {
  metadata: { name: string; namespace: string; resourceVersion?: string };
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  type: EventType;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  source: { component: string; host: string };
  reportingComponent: string;
  reportingInstance: string;
}

/** An {@link EventRecorder} over the API. `flush()` resolves once every queued write finished (tests, shutdown). */
export class ApiEventRecorder implements EventRecorder {
  private tail: Promise<void> = Promise.resolve();
  private readonly seen = new Map<string, CoreEvent>();

  constructor(private readonly o: { client: RestClient; nodeName: string; clock: Clock; logger: Logger }) {}

  event(ref: ObjectReference, type: EventType, reason: string, message: string): void {
    this.tail = this.tail.then(() => this.write(ref, type, reason, message)).catch((err: unknown) => {
      this.o.logger.warn('could not write event', { reason, err });
    });
  }

  flush(): Promise<void> {
    return this.tail;
  }

  private async write(ref: ObjectReference, type: EventType, reason: string, message: string): Promise<void> {
    const ns = ref.namespace ?? 'default';
    const events = this.o.client.resource<CoreEvent>(EVENTS, ns);
    const now = rfc3339(this.o.clock.now());
    const key = JSON.stringify([ref.uid, ref.fieldPath ?? '', type, reason, message]);
    const prev = this.seen.get(key);
    if (prev) {
      try {
        const updated = await events.update({ ...prev, count: prev.count + 1, lastTimestamp: now });
        this.seen.set(key, updated);
        return;
      } catch {
        this.seen.delete(key); // deleted or changed meanwhile: start a new Event
      }
    }
    const created = await events.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${ref.name}.${this.o.clock.now().toString(16)}${Math.floor(Math.random() * 0xfff).toString(16)}`, namespace: ns },
      involvedObject: ref,
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'kubelet', host: this.o.nodeName },
      reportingComponent: 'kubelet',
      reportingInstance: this.o.nodeName,
    });
    this.seen.set(key, created);
  }
}
