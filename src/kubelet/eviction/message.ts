/**
 * The words of an eviction (pkg/kubelet/eviction/helpers.go evictionMessage): the status message and event
 * text, and the annotations upstream attaches to the event. Each sentence ends with ". " exactly as
 * upstream's format strings do, so messages match byte for byte (including the trailing space).
 */
import { Quantity } from '../../apimachinery/quantity.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import type { PodStatsByUid } from './pod-stats.js';
import { thresholdQuantity } from './thresholds.js';
import { isByteSignal, signalToResource, type Observations, type ReclaimResource, type Threshold } from './types.js';

/** Status reason of an evicted pod. */
export const EVICTED_REASON = 'Evicted';
export const OFFENDING_CONTAINERS_KEY = 'offending_containers';
export const OFFENDING_CONTAINERS_USAGE_KEY = 'offending_containers_usage';
export const STARVED_RESOURCE_KEY = 'starved_resource';

const binary = (n: number) => Quantity.fromValue(Math.trunc(n), 'BinarySI').toString();
const decimal = (n: number) => Quantity.fromValue(Math.trunc(n), 'DecimalSI').toString();

/** The threshold and availability of the first met threshold for `resource`, formatted as upstream does. */
function thresholdMetInfo(
  resource: ReclaimResource,
  thresholds: readonly Threshold[],
  obs: Observations,
): { quantity: string; available: string } | undefined {
  for (const t of thresholds) {
    if (signalToResource[t.signal] !== resource) continue;
    const o = obs.get(t.signal);
    if (!o) continue;
    // A quantity threshold prints as written (canonicalized); a percentage becomes bytes of capacity.
    const quantity = t.value.quantity ? t.value.quantity.text : binary(thresholdQuantity(t.value, o.capacity));
    const available = isByteSignal(t.signal) ? binary(o.available) : decimal(o.available);
    return { quantity, available };
  }
  return undefined;
}

function requestText(v: string | undefined): string {
  return v ? Quantity.parse(v).toString() : '0';
}

/**
 * The eviction message for `pod` under pressure on `resource`, naming every container whose usage exceeds
 * its request, e.g. `The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi.
 * Container c was using 70Mi, request is 0, has larger consumption of memory. `
 */
export function evictionMessage(
  resource: ReclaimResource,
  pod: ApiPod,
  stats: PodStatsByUid,
  thresholds: readonly Threshold[],
  obs: Observations,
): { message: string; annotations: Record<string, string> } {
  let message = `The node was low on resource: ${resource}. `;
  const met = thresholdMetInfo(resource, thresholds, obs);
  if (met) message += `Threshold quantity: ${met.quantity}, available: ${met.available}. `;
  const annotations: Record<string, string> = {};
  const podStats = stats.get(pod.metadata.uid);
  if (!podStats) return { message, annotations };
  const names: string[] = [];
  const usages: string[] = [];
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  for (const cs of podStats.containers) {
    const c = containers.find((x) => x.name === cs.name);
    if (!c) continue;
    let usage: number | undefined;
    if (resource === 'memory') usage = cs.memoryWorkingSetBytes;
    else if (resource === 'ephemeral-storage' && cs.rootfsUsedBytes !== undefined && cs.logsUsedBytes !== undefined) {
      usage = cs.rootfsUsedBytes + cs.logsUsedBytes;
    }
    const req = c.resources?.requests?.[resource];
    if (usage === undefined || usage <= (req ? Quantity.parse(req).value() : 0)) continue;
    const used = binary(usage);
    message += `Container ${c.name} was using ${used}, request is ${requestText(req)}, has larger consumption of ${resource}. `;
    names.push(c.name);
    usages.push(used);
  }
  annotations[OFFENDING_CONTAINERS_KEY] = names.join(',');
  annotations[OFFENDING_CONTAINERS_USAGE_KEY] = usages.join(',');
  annotations[STARVED_RESOURCE_KEY] = resource;
  return { message, annotations };
}

/** Whether a pod status says the kubelet evicted the pod (upstream PodIsEvicted): such a pod never runs again. */
export function podIsEvicted(status: { phase?: string; reason?: string } | undefined): boolean {
  return status?.phase === 'Failed' && status.reason === EVICTED_REASON;
}
