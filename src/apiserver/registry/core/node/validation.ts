/** Node validation (upstream ValidateNode/ValidateNodeUpdate), with upstream's messages and paths. */
import {
  FieldError,
  duplicate,
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { isValidLabelValue, validateLabelName } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import { parseCIDR, validateCIDR } from '../service/net.js';
import { validateResourceQuantityValue } from '../resourcequota/resources.js';

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}
export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  providerID?: string;
  unschedulable?: boolean;
  taints?: Taint[];
  externalID?: string;
}
interface NodeStatus {
  capacity?: Record<string, unknown>;
  allocatable?: Record<string, unknown>;
  addresses?: { type?: string; address?: string }[];
}

export const specOf = (obj: KObject) => (obj.spec ?? {}) as NodeSpec;
const statusOf = (obj: KObject) => (obj.status ?? {}) as NodeStatus;

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taints: key a label name, value a label value, a known effect, unique by key and effect (validateNodeTaints). */
export function validateTaints(taints: readonly Taint[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = path.index(i);
    errs.push(...validateLabelName(t.key ?? '', p.child('key')));
    const valueErrs = isValidLabelValue(t.value ?? '');
    if (valueErrs.length) errs.push(invalidValue(p.child('value'), t.value ?? '', valueErrs.join(';')));
    if (!t.effect) errs.push(required(p.child('effect')));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(p.child('effect'), t.effect, TAINT_EFFECTS));
    const k = `${t.effect ?? ''}\u0000${t.key ?? ''}`;
    if (seen.has(k)) {
      errs.push(new FieldError('FieldValueDuplicate', p.toString(), t, 'taints must be unique by key and effect pair'));
      return;
    }
    seen.add(k);
  });
  return errs;
}

function validateResources(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const part of ['capacity', 'allocatable'] as const) {
    for (const [k, v] of Object.entries(statusOf(obj)[part] ?? {})) {
      errs.push(...validateResourceQuantityValue(k, v, root('status', part, k)));
    }
  }
  return errs;
}

/** ValidateNode without the metadata part. */
export function validateNode(obj: KObject): FieldError[] {
  const spec = specOf(obj);
  // Upstream reports spec.taints under metadata.taints; kept so messages match.
  const errs = spec.taints?.length ? validateTaints(spec.taints, root('metadata', 'taints')) : [];
  errs.push(...validateResources(obj));
  const cidrs = spec.podCIDRs ?? [];
  const path = root('spec', 'podCIDRs');
  cidrs.forEach((c, i) => errs.push(...validateCIDR(c, path.index(i))));
  if (cidrs.length > 1) {
    const families = cidrs.map((c) => parseCIDR(c)?.family);
    if (cidrs.length > 2 || families[0] === families[1]) {
      errs.push(invalidValue(path, cidrs, 'may specify no more than one CIDR for each IP family'));
    }
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(path.index(i), c));
      seen.add(c);
    });
  }
  return errs;
}

/** ValidateNodeUpdate without the metadata part: podCIDRs and providerID are set once, addresses unique. */
export function validateNodeUpdate(obj: KObject, old: KObject): FieldError[] {
  const spec = specOf(obj);
  const prev = specOf(old);
  const errs = validateResources(obj);
  const seen = new Set<string>();
  (statusOf(obj).addresses ?? []).forEach((a, i) => {
    const k = JSON.stringify([a.type, a.address]);
    if (seen.has(k)) errs.push(duplicate(root('status', 'addresses').index(i), a));
    seen.add(k);
  });
  const oldCIDRs = prev.podCIDRs ?? [];
  const newCIDRs = spec.podCIDRs ?? [];
  const cidrMsg = 'node updates may not change podCIDR except from "" to valid';
  if (oldCIDRs.length) {
    if (oldCIDRs.length !== newCIDRs.length) errs.push(forbidden(root('spec', 'podCIDRs'), cidrMsg));
    else oldCIDRs.forEach((c, i) => c !== newCIDRs[i] && errs.push(forbidden(root('spec', 'podCIDRs'), cidrMsg)));
  }
  if (prev.providerID && prev.providerID !== spec.providerID) {
    errs.push(forbidden(root('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  if (spec.taints?.length) errs.push(...validateTaints(spec.taints, root('metadata', 'taints')));
  if ((spec.externalID ?? '') !== (prev.externalID ?? ''))
    errs.push(forbidden(root('spec', 'externalID'), 'may not be updated'));
  return errs;
}
