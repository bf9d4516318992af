/**
 * Pod QoS class (pkg/apis/core/v1/helper/qos) and the OOM score adjustment it implies (pkg/kubelet/qos).
 * Pure functions of the spec.
 */
import { Quantity } from '../../apimachinery/quantity.js';
import type { ApiContainer, ApiPodSpec } from './pod-types.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const COMPUTE = ['cpu', 'memory'];

const isZero = (v: string | undefined) => v === undefined || Quantity.parse(v).isZero();

/** Guaranteed: every container limits cpu and memory with requests equal to limits; BestEffort: none set. */
export function getPodQOS(spec: Pick<ApiPodSpec, 'containers' | 'initContainers'>): QOSClass {
  const all = [...(spec.initContainers ?? []), ...spec.containers];
  let anySet = false;
  let guaranteed = true;
  for (const c of all) {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    for (const r of COMPUTE) {
      // The API defaults a missing request to its limit.
      const req = requests[r] ?? limits[r];
      if (!isZero(req) || !isZero(limits[r])) anySet = true;
      if (isZero(limits[r]) || req === undefined || !Quantity.parse(req).equal(Quantity.parse(limits[r]!))) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** oom_score_adj for a container: -997 Guaranteed, 1000 BestEffort, scaled by memory request otherwise. */
export function containerOOMScoreAdjust(qos: QOSClass, container: ApiContainer, memoryCapacity: number): number {
  if (qos === 'Guaranteed') return -997;
  if (qos === 'BestEffort') return 1000;
  const req = container.resources?.requests?.memory ?? container.resources?.limits?.memory;
  const bytes = req ? Quantity.parse(req).toNumber() : 0;
  const adj = memoryCapacity > 0 ? 1000 - Math.floor((1000 * bytes) / memoryCapacity) : 1000;
  return Math.min(999, Math.max(2, adj));
}
