/**
 * Nodes (upstream pkg/registry/core/node): cluster-scoped, created with their status by the kubelet, which
 * later writes status through the status subresource; podCIDR(s) and providerID are set once.
 */
import type { KObject, Strategy } from '../../types.js';
import { specOf, validateNode, validateNodeUpdate, type NodeSpec } from './validation.js';

/** podCIDR and podCIDRs describe the same thing; keep them in step as upstream's v1 conversion does. */
function syncPodCIDRs(obj: KObject): void {
  if (!obj.spec) return;
  const spec = obj.spec as NodeSpec;
  if (spec.podCIDR && !spec.podCIDRs?.length) spec.podCIDRs = [spec.podCIDR];
  else if (!spec.podCIDR && spec.podCIDRs?.length) spec.podCIDR = spec.podCIDRs[0];
}

/** Allocatable defaults to capacity (SetDefaults_NodeStatus). */
function defaultNodeStatus(obj: KObject): void {
  const status = obj.status as
    { capacity?: Record<string, unknown>; allocatable?: Record<string, unknown> } | undefined;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
}

export const nodeStrategy: Strategy = {
  defaults(obj) {
    syncPodCIDRs(obj);
    defaultNodeStatus(obj);
  },
  prepareForUpdate(obj, old) {
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validateNode(obj),
  validateUpdate: (obj, old) => [...validateNode(obj), ...validateNodeUpdate(obj, old)],
  allowUnconditionalUpdate: true,
};

export const nodeStatusStrategy: Strategy = {
  defaults: defaultNodeStatus,
  validateUpdate: (obj, old) => validateNodeUpdate(obj, old),
  allowUnconditionalUpdate: true,
};

/** Field-selector value of spec.unschedulable, as Go prints a bool. */
export const unschedulableField = (obj: KObject): string => String(specOf(obj).unschedulable === true);
