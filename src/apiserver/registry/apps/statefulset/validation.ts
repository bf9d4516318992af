/** StatefulSet validation (upstream's apps/validation ValidateStatefulSetSpec and friends). */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  invalidEach,
  validateAnnotations,
  validateLabels,
} from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import { recordOf, semanticEqual, stringMapOf, stringOf, type JsonRecord } from '../../core/pod/json.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';
import {
  statusOf,
  validateCollisionCount,
  validateNonnegativeFields,
  validateNotGreaterThan,
  validateRequiredSelector,
  validateSelectorMatchesTemplate,
} from '../../core/pod/workload.js';
import {
  intOrPercentValue,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from '../deployment/int-or-percent.js';

const RETENTION = ['Retain', 'Delete'];

function validateUpdateStrategy(strategy: JsonRecord, path: FieldPath): FieldError[] {
  const type = stringOf(strategy.type);
  const ru = recordOf(strategy.rollingUpdate);
  switch (type) {
    case '':
      return [required(path, '')];
    case 'OnDelete':
      return ru
        ? [invalidValue(path.child('rollingUpdate'), ru, "only allowed for updateStrategy 'RollingUpdate'")]
        : [];
    case 'RollingUpdate': {
      if (!ru) return [];
      const rp = path.child('rollingUpdate');
      const errs = validateNonnegativeField(ru.partition, rp.child('partition'));
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
        const mp = rp.child('maxUnavailable');
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, mp));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalidValue(mp, ru.maxUnavailable, 'cannot be 0'));
        errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, mp));
      }
      return errs;
    }
    default:
      return [invalidValue(path, strategy, "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

/** A StatefulSet's spec (ValidateStatefulSetSpec). Its pod template's spec is not validated, as upstream. */
export function validateStatefulSetSpec(spec: JsonRecord, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = stringOf(spec.podManagementPolicy);
  if (!pmp) errs.push(required(path.child('podManagementPolicy'), ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    errs.push(invalidValue(path.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(recordOf(spec.updateStrategy) ?? {}, path.child('updateStrategy')));
  const retention = recordOf(spec.persistentVolumeClaimRetentionPolicy);
  if (retention) {
    for (const key of ['whenDeleted', 'whenScaled']) {
      const v = stringOf(retention[key]);
      if (!RETENTION.includes(v))
        errs.push(notSupported(path.child('persistentVolumeClaimRetentionPolicy', key), v, RETENTION));
    }
  }
  errs.push(
    ...validateNonnegativeField(spec.replicas, path.child('replicas')),
    ...validateNonnegativeField(spec.minReadySeconds, path.child('minReadySeconds')),
  );
  const ordinals = recordOf(spec.ordinals);
  if (ordinals) errs.push(...validateNonnegativeField(ordinals.start, path.child('ordinals.start')));
  const sel = validateRequiredSelector(
    spec.selector,
    path.child('selector'),
    'empty selector is invalid for statefulset',
  );
  errs.push(...sel.errs);
  const template = recordOf(spec.template) ?? {};
  const meta = recordOf(template.metadata) ?? {};
  const tpath = path.child('template');
  if (!sel.selector) errs.push(invalidValue(path.child('selector'), spec.selector, ''));
  else {
    errs.push(
      ...validateSelectorMatchesTemplate(sel.selector, template, tpath.child('metadata', 'labels')),
      ...validateLabels(stringMapOf(meta.labels), tpath.child('labels')),
      ...validateAnnotations(stringMapOf(meta.annotations), tpath.child('annotations')),
    );
  }
  const tspec = recordOf(template.spec) ?? {};
  const restart = stringOf(tspec.restartPolicy);
  if (restart !== 'Always') errs.push(notSupported(tpath.child('spec', 'restartPolicy'), restart, ['Always']));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(
      forbidden(tpath.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'),
    );
  }
  return errs;
}

/** A new StatefulSet: its name must also be a DNS label, since pods are named after it. */
export function validateStatefulSet(obj: KObject): FieldError[] {
  const name = obj.metadata.name ?? '';
  // The store already reports names that are not even DNS subdomains; only add what a label adds on top.
  const nameErrs = isDNS1123Subdomain(name).length
    ? []
    : invalidEach(root('metadata', 'name'), name, isDNS1123Label(name));
  return [...nameErrs, ...validateStatefulSetSpec(recordOf(obj.spec) ?? {}, root('spec'))];
}

const MUTABLE_SPEC_FIELDS = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

/** A StatefulSet update: only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds change. */
export function validateStatefulSetUpdate(obj: KObject, old: KObject): FieldError[] {
  const spec = recordOf(obj.spec) ?? {};
  const oldSpec = recordOf(old.spec) ?? {};
  const errs = validateStatefulSetSpec(spec, root('spec'));
  const strip = (s: JsonRecord): JsonRecord =>
    Object.fromEntries(Object.entries(s).filter(([k]) => !MUTABLE_SPEC_FIELDS.includes(k)));
  if (!semanticEqual(strip(spec), strip(oldSpec))) {
    errs.push(
      forbidden(
        root('spec'),
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

/** An update through `statefulsets/status` (ValidateStatefulSetStatusUpdate). */
export function validateStatefulSetStatusUpdate(obj: KObject, old: KObject): FieldError[] {
  const status = statusOf(obj);
  const path = root('status');
  const counters = ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'];
  return [
    ...validateNonnegativeFields(status, [...counters, 'observedGeneration', 'collisionCount'], path),
    ...validateNotGreaterThan(status, counters.slice(1), 'replicas', path, 'cannot be greater than status.replicas'),
    ...validateNotGreaterThan(
      status,
      ['availableReplicas'],
      'readyReplicas',
      path,
      'cannot be greater than status.readyReplicas',
    ),
    ...validateCollisionCount(status, statusOf(old), path),
  ];
}
