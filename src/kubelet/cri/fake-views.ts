/**
 * Read-only projections of {@link FakeCriClient}'s records into CRI response messages, and the small map
 * helpers it shares with them.
 */
import type { StringMap } from './types-common.js';
import type { Container, ContainerStatus, PodSandbox, PodSandboxStatus } from './types-runtime.js';
import type { ContainerStats } from './types-stats.js';

/** The parts of a fake container the projections read. */
export interface ContainerRecord {
  status: ContainerStatus;
  pod_sandbox_id: string;
}

/** Copies a request map, dropping the null values the input type allows. */
export function stringMap(m: Record<string, string | null | undefined> | null | undefined): StringMap {
  const out: StringMap = {};
  for (const [k, v] of Object.entries(m ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

/** True when every selector label is present with the same value (CRI label_selector semantics). */
export function labelsMatch(
  labels: StringMap,
  selector: Record<string, string | null | undefined> | null | undefined,
): boolean {
  if (!selector) return true;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The ListPodSandbox item of a sandbox status. */
export function sandboxSummary(s: PodSandboxStatus): PodSandbox {
  return {
    id: s.id,
    metadata: structuredClone(s.metadata),
    state: s.state,
    created_at: s.created_at,
    labels: { ...s.labels },
    annotations: { ...s.annotations },
    runtime_handler: s.runtime_handler,
  };
}

/** The ListContainers item of a container. */
export function containerSummary(c: ContainerRecord): Container {
  return {
    id: c.status.id,
    pod_sandbox_id: c.pod_sandbox_id,
    metadata: structuredClone(c.status.metadata),
    image: structuredClone(c.status.image),
    image_ref: c.status.image_ref,
    state: c.status.state,
    created_at: c.status.created_at,
    labels: { ...c.status.labels },
    annotations: { ...c.status.annotations },
  };
}

/** Zero usage stats at `timestamp` (the fake runs no processes). */
export function containerStats(c: ContainerRecord, timestamp: string): ContainerStats {
  const { id, metadata, labels, annotations } = c.status;
  return {
    attributes: { id, metadata: structuredClone(metadata), labels: { ...labels }, annotations: { ...annotations } },
    cpu: { timestamp, usage_core_nano_seconds: { value: '0' }, usage_nano_cores: { value: '0' } },
    memory: {
      timestamp,
      working_set_bytes: { value: '0' },
      available_bytes: null,
      usage_bytes: { value: '0' },
      rss_bytes: null,
      page_faults: null,
      major_page_faults: null,
    },
    writable_layer: null,
  };
}
