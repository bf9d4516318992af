/**
 * Container and pod resource arithmetic the volume plugins need: the pod's memory limit (tmpfs sizing) and
 * resourceFieldRef values for the downward API (pkg/api/v1/resource helpers).
 */
import os from 'node:os';
import { parseQuantity, Quantity } from '../../apimachinery/quantity.js';
import { VolumeError } from './errors.js';
import type { Container, Pod, ResourceFieldSelector, ResourceList } from './types.js';

/** The node's allocatable resources; the kubelet supplies its own figure (capacity minus reservations). */
export type NodeAllocatableSource = () => ResourceList | Promise<ResourceList>;

/** A fallback when the kubelet supplies none: the machine's CPUs and memory. */
export function machineAllocatable(): ResourceList {
  return { cpu: String(os.cpus().length || 1), memory: String(os.totalmem()) };
}

function quantityOf(list: ResourceList | undefined, name: string): Quantity | undefined {
  const v = list?.[name];
  return v === undefined ? undefined : parseQuantity(v);
}

/**
 * The pod-level memory limit the pod cgroup gets (cm.ResourceConfigForPod): undefined unless every container
 * has a memory limit; otherwise the larger of the app containers plus sidecars, and the largest plain init
 * container.
 */
export function podMemoryLimit(pod: Pod): Quantity | undefined {
  const app = pod.spec.containers ?? [];
  const init = pod.spec.initContainers ?? [];
  let sum = Quantity.fromValue(0, 'BinarySI');
  let initMax = Quantity.fromValue(0, 'BinarySI');
  for (const c of [...app, ...init]) {
    const limit = quantityOf(c.resources?.limits, 'memory');
    if (!limit) return undefined;
    const sidecar = init.includes(c) && c.restartPolicy === 'Always';
    if (!init.includes(c) || sidecar) sum = sum.add(limit);
    else if (limit.cmp(initMax) > 0) initMax = limit;
  }
  return initMax.cmp(sum) > 0 ? initMax : sum;
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/**
 * The value a resourceFieldRef projects for `container` (ExtractContainerResourceValue after
 * MergeContainerResourceLimits): unset limits default to node allocatable; the value is divided by the divisor
 * (default 1) and rounded up; CPU is computed in millicores.
 */
export function containerResourceValue(
  fs: ResourceFieldSelector,
  container: Container,
  allocatable: ResourceList,
): string {
  const divisor =
    fs.divisor === undefined || parseQuantity(fs.divisor).isZero() ? parseQuantity('1') : parseQuantity(fs.divisor);
  const dot = fs.resource.indexOf('.');
  const kind = fs.resource.slice(0, dot);
  const name = fs.resource.slice(dot + 1);
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests') || !(STANDARD.has(name) || isHugePages(name))) {
    throw new VolumeError('DownwardAPI', `unsupported container resource : ${fs.resource}`);
  }
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  let q = quantityOf(list, name);
  if (!q && kind === 'limits' && STANDARD.has(name)) q = quantityOf(allocatable, name);
  q ??= Quantity.fromValue(0);
  const value = name === 'cpu' ? Math.ceil(q.toMilli() / divisor.toMilli()) : Math.ceil(q.value() / divisor.value());
  return String(value);
}

/** Finds a container by name among containers and init containers (resource.findContainerInPod). */
export function findContainer(pod: Pod, name: string): Container {
  const c = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find((x) => x.name === name);
  if (!c) throw new VolumeError('DownwardAPI', `container ${name} not found`);
  return c;
}
