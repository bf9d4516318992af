/**
 * Events the prober and the lifecycle code emit, and the object references they point at. The recorder is
 * injected; the kubelet backs it with an events client, tests with {@link FakeRecorder}.
 */
import type { Container, Pod } from './types.js';

export type EventType = 'Normal' | 'Warning';

/** The involvedObject of an event: the pod, narrowed to one container by `fieldPath`. */
export interface ObjectReference {
  kind: 'Pod';
  apiVersion: 'v1';
  namespace?: string;
  name: string;
  uid: string;
  fieldPath?: string;
}

/**
 * Records events about an object. Fire-and-forget: `event` never throws and never blocks its caller (an
 * implementation queues and writes in the background, and may aggregate repeats as upstream's recorder does).
 * Calls from one caller are recorded in call order.
 */
export interface EventRecorder {
  event(ref: ObjectReference, type: EventType, reason: string, message: string): void;
}

/** Event reasons the kubelet uses here (pkg/kubelet/events). */
export const EventReason = {
  ContainerUnhealthy: 'Unhealthy',
  ContainerProbeWarning: 'ProbeWarning',
  BackOffStartContainer: 'BackOff',
  FailedPostStartHook: 'FailedPostStartHook',
  FailedPreStopHook: 'FailedPreStopHook',
  LifecycleHTTPFallback: 'LifecycleHTTPFallback',
  KillingContainer: 'Killing',
} as const;

/** A reference to the pod itself. */
export function podRef(pod: Pick<Pod, 'metadata'>): ObjectReference {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  };
}

/**
 * A reference to one container of the pod: `fieldPath` is `spec.containers{name}` or
 * `spec.initContainers{name}`, as kubecontainer.GenerateContainerRef writes it.
 */
export function containerRef(pod: Pick<Pod, 'metadata' | 'spec'>, container: Pick<Container, 'name'>): ObjectReference {
  const isInit = pod.spec.initContainers?.some((c) => c.name === container.name) ?? false;
  const list = isInit ? 'initContainers' : 'containers';
  return { ...podRef(pod), fieldPath: `spec.${list}{${container.name}}` };
}

/** One recorded event, as {@link FakeRecorder} keeps it. */
export interface RecordedEvent {
  ref: ObjectReference;
  type: EventType;
  reason: string;
  message: string;
}

/** A recorder for tests: keeps every event in order. */
export class FakeRecorder implements EventRecorder {
  readonly events: RecordedEvent[] = [];

  event(ref: ObjectReference, type: EventType, reason: string, message: string): void {
    this.events.push({ ref, type, reason, message });
  }

  /** `Type Reason Message` lines, handy for deepEqual. */
  lines(): string[] {
    return this.events.map((e) => `${e.type} ${e.reason} ${e.message}`);
  }
}
