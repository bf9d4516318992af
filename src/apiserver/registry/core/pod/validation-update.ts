/**
 * Validation of pod updates (upstream's ValidatePodUpdate and ValidatePodStatusUpdate): a pod's spec is
 * immutable except for images, activeDeadlineSeconds, added tolerations, removed scheduling gates and a
 * negative grace period raised to 1; the status subresource may not change the QoS class.
 */
import {
  forbidden,
  invalidValue,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import {
  inclusiveRangeError,
  invalidEach,
  isQualifiedName,
  validateImmutableField,
} from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import {
  isRecord,
  listOf,
  recordOf,
  recordsOf,
  semanticEqual,
  semanticForm,
  stringOf,
  type JsonRecord,
} from './json.js';
import { validatePodMetadataAndSpec } from './validation.js';
import { validateTolerations } from './validation-spec.js';

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

const MAX_INT32 = 2147483647;

/** Container lists may not grow or shrink, and images stay required (ValidateContainerUpdates). */
function validateContainerUpdates(
  next: unknown,
  prev: unknown,
  path: FieldPath,
): { errs: FieldError[]; stop: boolean } {
  const n = recordsOf(next);
  if (n.length !== listOf(prev).length)
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = stringOf(c.image);
    if (!image) errs.push(required(path.index(i).child('image'), ''));
    if (image.trim() !== image)
      errs.push(invalidValue(path.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** Existing tolerations may only change their tolerationSeconds (validateOnlyAddedTolerations). */
function validateOnlyAddedTolerations(next: unknown, prev: unknown, path: FieldPath): FieldError[] {
  const added = recordsOf(next);
  for (const old of recordsOf(prev)) {
    const found = added.some((t) => semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/** Scheduling gates may only be removed (validateOnlyDeletedSchedulingGates). */
function validateOnlyDeletedSchedulingGates(next: unknown, prev: unknown, path: FieldPath): FieldError[] {
  const old = new Set(recordsOf(prev).map((g) => stringOf(g.name)));
  const errs: FieldError[] = [];
  recordsOf(next).forEach((g, i) => {
    const name = stringOf(g.name);
    if (!old.has(name))
      errs.push(
        forbidden(path.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${name}'`),
      );
  });
  return errs;
}

/** A line-per-field summary of how two specs differ, standing in for the diff upstream appends. */
export function specDiff(prev: unknown, next: unknown, prefix = ''): string[] {
  const a = semanticForm(prev);
  const b = semanticForm(next);
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => specDiff(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, i) => specDiff(item, b[i], `${prefix}[${i}]`));
  }
  const out: string[] = [];
  if (a !== undefined) out.push(`- ${prefix}: ${JSON.stringify(a)}`);
  if (b !== undefined) out.push(`+ ${prefix}: ${JSON.stringify(b)}`);
  return out;
}

/** A pod update through the main resource (ValidatePodUpdate). */
export function validatePodUpdate(pod: KObject, old: KObject): FieldError[] {
  const specPath = root('spec');
  const spec: JsonRecord = recordOf(pod.spec) ?? {};
  const oldSpec: JsonRecord = recordOf(old.spec) ?? {};
  const errs = validatePodMetadataAndSpec(pod);
  for (const key of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(spec[key], oldSpec[key], specPath.child(key));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof ads === 'number') {
    if (ads < 0 || ads > MAX_INT32)
      return [...errs, invalidValue(specPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, MAX_INT32))];
    if (typeof oldAds === 'number' && oldAds < ads) {
      return [
        ...errs,
        invalidValue(specPath.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value'),
      ];
    }
  } else if (typeof oldAds === 'number') {
    errs.push(
      invalidValue(
        specPath.child('activeDeadlineSeconds'),
        null,
        'must not update from a positive integer to nil value',
      ),
    );
  }
  errs.push(
    ...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, specPath.child('tolerations')),
    ...validateOnlyDeletedSchedulingGates(
      spec.schedulingGates,
      oldSpec.schedulingGates,
      specPath.child('schedulingGates'),
    ),
  );
  if (semanticEqual(spec, oldSpec)) return errs;
  // Put back what may change, then anything still different is forbidden.
  const munged: JsonRecord = structuredClone(spec);
  for (const key of ['containers', 'initContainers']) {
    const oldList = recordsOf(oldSpec[key]);
    munged[key] = recordsOf(munged[key]).map((c, i) => ({ ...c, image: oldList[i]?.image }));
    if (spec[key] === undefined) delete munged[key];
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace;
  // A gated pod may also gain node selector terms while it waits to be scheduled.
  if (recordsOf(oldSpec.schedulingGates).length > 0 && !semanticEqual(munged.nodeSelector, oldSpec.nodeSelector)) {
    const next = recordOf(munged.nodeSelector) ?? {};
    const kept = Object.entries(recordOf(oldSpec.nodeSelector) ?? {}).every(([k, v]) => next[k] === v);
    if (!kept)
      errs.push(
        invalidValue(
          specPath.child('nodeSelector'),
          next,
          'only additions to spec.nodeSelector are allowed (no mutations or deletions)',
        ),
      );
    munged.nodeSelector = oldSpec.nodeSelector;
  }
  if (!semanticEqual(munged, oldSpec)) {
    const diff = specDiff(oldSpec, munged).join('\n');
    errs.push(
      forbidden(
        specPath,
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff}`,
      ),
    );
  }
  return errs;
}

/** An update through `pods/status` (ValidatePodStatusUpdate, the checks that apply to JSON objects). */
export function validatePodStatusUpdate(pod: KObject, old: KObject): FieldError[] {
  const status: JsonRecord = recordOf(pod.status) ?? {};
  const oldStatus: JsonRecord = recordOf(old.status) ?? {};
  const errs: FieldError[] = [];
  const system = new Set(['PodScheduled', 'Ready', 'Initialized']);
  recordsOf(status.conditions).forEach((c, i) => {
    const type = stringOf(c.type);
    if (!system.has(type))
      errs.push(...invalidEach(root('metadata', 'conditions').index(i).child('Type'), type, isQualifiedName(type)));
  });
  errs.push(...validateImmutableField(status.qosClass, oldStatus.qosClass, root('status', 'qosClass')));
  return errs;
}
