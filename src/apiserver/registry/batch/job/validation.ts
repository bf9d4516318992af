/** Job validation (upstream's batch/validation ValidateJob, ValidateJobSpec, ValidateJobUpdate and friends). */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import { isDNS1123Label } from '../../../../apimachinery/validation/names.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import type { KObject } from '../../types.js';
import {
  goOrdered,
  isRecord,
  recordOf,
  semanticEqual,
  stringMapOf,
  stringOf,
  type JsonRecord,
} from '../../core/pod/json.js';
import { validatePodTemplateSpec } from '../../core/pod/validation.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';
import { labelSelectorOf, statusOf, validateNonnegativeFields, validateImmutable } from '../../core/pod/workload.js';
import {
  CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
} from './defaults.js';

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000;

/** Options upstream derives from the request (JobValidationOptions). */
export interface JobValidationOptions {
  /** Require the batch.kubernetes.io labels too (new jobs, and old ones that already have them). */
  requirePrefixedLabels: boolean;
}

// The template must carry `key: expected` (ValidateHasLabel).
function validateHasLabel(meta: JsonRecord, path: FieldPath, key: string, expected: string): FieldError[] {
  const labels = stringMapOf(meta.labels);
  const p = path.child('labels').key(key);
  if (!(key in labels)) return [required(p, `must be '${expected}'`)];
  return labels[key] === expected ? [] : [invalidValue(p, goOrdered(labels), `must be '${expected}'`)];
}

/** A generated selector must select exactly the labels generation put on the template (validateGeneratedSelector). */
function validateGeneratedSelector(obj: KObject, opts: JobValidationOptions): FieldError[] {
  const spec = recordOf(obj.spec) ?? {};
  if (spec.manualSelector === true || spec.selector === undefined || spec.selector === null) return [];
  const errs: FieldError[] = [];
  const uid = obj.metadata.uid ?? '';
  const name = obj.metadata.name ?? '';
  if (!uid) errs.push(required(root('metadata', 'uid'), ''));
  const meta = recordOf(recordOf(spec.template)?.metadata) ?? {};
  const metaPath = root('spec', 'template', 'metadata');
  errs.push(
    ...validateHasLabel(meta, metaPath, LEGACY_CONTROLLER_UID_LABEL, uid),
    ...validateHasLabel(meta, metaPath, LEGACY_JOB_NAME_LABEL, name),
  );
  const expected: Record<string, string> = {};
  if (opts.requirePrefixedLabels) {
    errs.push(
      ...validateHasLabel(meta, metaPath, CONTROLLER_UID_LABEL, uid),
      ...validateHasLabel(meta, metaPath, JOB_NAME_LABEL, name),
    );
    expected[CONTROLLER_UID_LABEL] = uid;
    expected[JOB_NAME_LABEL] = name;
  }
  expected[LEGACY_CONTROLLER_UID_LABEL] = uid;
  expected[LEGACY_JOB_NAME_LABEL] = name;
  const selector = labelSelectorOf(spec.selector);
  if (selector && !selector.matches(expected))
    errs.push(invalidValue(root('spec', 'selector'), goOrdered(spec.selector), '`selector` not auto-generated'));
  return errs;
}

/** The parts of a JobSpec shared with CronJob job templates (validateJobSpec). */
export function validateJobSpecCommon(spec: JsonRecord, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ]) {
    errs.push(...validateNonnegativeField(spec[key], path.child(key)));
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      errs.push(notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (typeof spec.completions !== 'number')
        errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        errs.push(
          invalidValue(
            path.child('parallelism'),
            spec.parallelism,
            `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`,
          ),
        );
      }
    }
  }
  if (typeof spec.backoffLimitPerIndex === 'number' && mode !== 'Indexed') {
    errs.push(forbidden(path.child('backoffLimitPerIndex'), 'requires indexed completion mode'));
  }
  if (typeof spec.maxFailedIndexes === 'number' && typeof spec.backoffLimitPerIndex !== 'number') {
    errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  const template = recordOf(spec.template) ?? {};
  const restart = stringOf(recordOf(template.spec)?.restartPolicy);
  const failurePolicy = recordOf(spec.podFailurePolicy);
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined && prp !== null) {
    if (failurePolicy && prp !== 'Failed') errs.push(notSupported(path.child('podReplacementPolicy'), prp, ['Failed']));
    else if (prp !== 'TerminatingOrFailed' && prp !== 'Failed')
      errs.push(notSupported(path.child('podReplacementPolicy'), prp, ['TerminatingOrFailed', 'Failed']));
  }
  errs.push(...validatePodTemplateSpec(template, path.child('template')));
  const restartPath = path.child('template', 'spec', 'restartPolicy');
  if (restart === 'Always' || restart === '') errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never')
    errs.push(notSupported(restartPath, restart, ['OnFailure', 'Never']));
  else if (failurePolicy && restart !== 'Never')
    errs.push(invalidValue(restartPath, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** A Job's spec (ValidateJobSpec): the common checks plus a selector that selects the template. */
export function validateJobSpec(spec: JsonRecord, path: FieldPath): FieldError[] {
  const errs = validateJobSpecCommon(spec, path);
  const sel = spec.selector;
  if (sel === undefined || sel === null) errs.push(required(path.child('selector'), ''));
  else
    errs.push(
      ...validateLabelSelector((isRecord(sel) ? sel : {}) as unknown as LabelSelector, {}, path.child('selector')),
    );
  const selector = labelSelectorOf(sel);
  const labels = stringMapOf(recordOf(recordOf(spec.template)?.metadata)?.labels);
  if (selector && !selector.matches(labels)) {
    errs.push(
      invalidValue(
        path.child('template', 'metadata', 'labels'),
        goOrdered(labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  return errs;
}

/** A Job (ValidateJob). */
export function validateJob(obj: KObject, opts: JobValidationOptions = { requirePrefixedLabels: true }): FieldError[] {
  const spec = recordOf(obj.spec) ?? {};
  const errs = [...validateGeneratedSelector(obj, opts), ...validateJobSpec(spec, root('spec'))];
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    // Indexed pods are named `<job>-<index>`, which must stay a DNS label.
    const hostname = `${obj.metadata.name ?? ''}-${spec.completions - 1}`;
    if (isDNS1123Label(hostname).length) {
      errs.push(
        invalidValue(
          root('metadata', 'name'),
          obj.metadata.name ?? '',
          `will not able to create pod with invalid DNS label: ${hostname}`,
        ),
      );
    }
  }
  return errs;
}

/** Whether a job may still change its scheduling directives: suspended and never started. */
function mutableSchedulingDirectives(old: KObject): boolean {
  return recordOf(old.spec)?.suspend === true && !statusOf(old).startTime;
}

/** A Job update (ValidateJob + ValidateJobUpdate): most of the spec is immutable. */
export function validateJobUpdate(obj: KObject, old: KObject): FieldError[] {
  const spec = recordOf(obj.spec) ?? {};
  const oldSpec = recordOf(old.spec) ?? {};
  const oldLabels = stringMapOf(recordOf(recordOf(oldSpec.template)?.metadata)?.labels);
  // Jobs created before the prefixed labels existed stay valid without them.
  const opts = { requirePrefixedLabels: CONTROLLER_UID_LABEL in oldLabels && JOB_NAME_LABEL in oldLabels };
  const errs = validateJob(obj, opts);
  const path = root('spec');
  const elastic =
    spec.completionMode === 'Indexed' &&
    typeof spec.completions === 'number' &&
    spec.completions === spec.parallelism &&
    oldSpec.completions === oldSpec.parallelism;
  if (!elastic) errs.push(...validateImmutable(spec.completions, oldSpec.completions, path.child('completions')));
  errs.push(...validateImmutable(spec.selector, oldSpec.selector, path.child('selector')));
  const template = recordOf(spec.template) ?? {};
  let oldTemplate: JsonRecord = recordOf(oldSpec.template) ?? {};
  if (mutableSchedulingDirectives(old)) {
    // A suspended job that never ran may still move: node affinity, selectors, tolerations, labels, annotations.
    oldTemplate = structuredClone(oldTemplate);
    const tSpec = recordOf(template.spec) ?? {};
    const oSpec = (oldTemplate.spec = { ...(recordOf(oldTemplate.spec) ?? {}) });
    oSpec.nodeSelector = tSpec.nodeSelector;
    oSpec.tolerations = tSpec.tolerations;
    oSpec.affinity = tSpec.affinity;
    oldTemplate.metadata = {
      ...(recordOf(oldTemplate.metadata) ?? {}),
      labels: recordOf(template.metadata)?.labels,
      annotations: recordOf(template.metadata)?.annotations,
    };
  }
  if (!semanticEqual(template, oldTemplate))
    errs.push(invalidValue(path.child('template'), goOrdered(template), 'field is immutable'));
  for (const key of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy']) {
    errs.push(...validateImmutable(spec[key], oldSpec[key], path.child(key)));
  }
  return errs;
}

/** An update through `jobs/status`: the counters stay non-negative. */
export function validateJobStatusUpdate(obj: KObject): FieldError[] {
  return validateNonnegativeFields(
    statusOf(obj),
    ['active', 'succeeded', 'failed', 'ready', 'terminating'],
    root('status'),
  );
}
