/**
 * StorageClasses (upstream pkg/registry/storage/storageclass): reclaimPolicy Delete and volumeBindingMode
 * Immediate by default; provisioner, parameters, reclaimPolicy and volumeBindingMode are fixed once created.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  tooLong,
  type FieldError,
} from '../../../../apimachinery/field-errors.js';
import { invalidEach, isQualifiedName, validateImmutableField } from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';

interface StorageClass extends KObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowedTopologies?: { matchLabelExpressions?: { key?: string; values?: string[] }[] }[];
}

const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_SIZE = 256 * 1024;
const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

/** ValidateStorageClass without the metadata part. */
export function validateStorageClass(obj: KObject): FieldError[] {
  const sc = obj as StorageClass;
  const errs: FieldError[] = [];
  if (!sc.provisioner) errs.push(required(root('provisioner')));
  else errs.push(...invalidEach(root('provisioner'), sc.provisioner, isQualifiedName(sc.provisioner.toLowerCase())));
  const params = Object.entries(sc.parameters ?? {});
  if (params.length > MAX_PARAMETERS) errs.push(tooLong(root('parameters'), MAX_PARAMETERS));
  else {
    let size = 0;
    for (const [k, v] of params) {
      if (!k) errs.push(invalidValue(root('parameters'), k, 'field can not be empty.'));
      size += Buffer.byteLength(k) + Buffer.byteLength(String(v));
    }
    if (size > MAX_PARAMETERS_SIZE) errs.push(tooLong(root('parameters'), MAX_PARAMETERS_SIZE));
  }
  if (sc.reclaimPolicy && !RECLAIM_POLICIES.includes(sc.reclaimPolicy))
    errs.push(notSupported(root('reclaimPolicy'), sc.reclaimPolicy, RECLAIM_POLICIES));
  if (!sc.volumeBindingMode) errs.push(required(root('volumeBindingMode')));
  else if (!BINDING_MODES.includes(sc.volumeBindingMode))
    errs.push(notSupported(root('volumeBindingMode'), sc.volumeBindingMode, BINDING_MODES));
  (sc.allowedTopologies ?? []).forEach((term, i) => {
    const p = root('allowedTopologies').index(i).child('matchLabelExpressions');
    const exprs = term?.matchLabelExpressions ?? [];
    if (!exprs.length) errs.push(required(p, 'must have at least one label requirement'));
    const keys = new Set<string>();
    exprs.forEach((e, j) => {
      const ep = p.index(j);
      errs.push(...invalidEach(ep.child('key'), e.key ?? '', isQualifiedName(e.key ?? '')));
      if (!e.values?.length) errs.push(required(ep.child('values'), 'must specify as least one value'));
      if (keys.has(e.key ?? '')) errs.push(invalidValue(ep.child('key'), e.key ?? '', 'duplicate key'));
      keys.add(e.key ?? '');
    });
  });
  return errs;
}

/** ValidateStorageClassUpdate. */
export function validateStorageClassUpdate(obj: KObject, old: KObject): FieldError[] {
  const sc = obj as StorageClass;
  const prev = old as StorageClass;
  const errs: FieldError[] = [];
  if (!isDeepStrictEqual(sc.parameters ?? {}, prev.parameters ?? {}))
    errs.push(forbidden(root('parameters'), 'updates to parameters are forbidden.'));
  if (sc.provisioner !== prev.provisioner)
    errs.push(forbidden(root('provisioner'), 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== prev.reclaimPolicy)
    errs.push(forbidden(root('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutableField(sc.volumeBindingMode, prev.volumeBindingMode, root('volumeBindingMode')));
  return [...validateStorageClass(obj), ...errs];
}

export const storageClassStrategy: Strategy = {
  defaults(obj) {
    const sc = obj as StorageClass;
    if (!sc.reclaimPolicy) sc.reclaimPolicy = 'Delete';
    if (!sc.volumeBindingMode) sc.volumeBindingMode = 'Immediate';
  },
  validate: (obj) => validateStorageClass(obj),
  validateUpdate: (obj, old) => validateStorageClassUpdate(obj, old),
  allowUnconditionalUpdate: true,
};
