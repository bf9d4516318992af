/** Job defaulting and selector generation (upstream's batch/v1 SetDefaults_Job and the job strategy's generateSelector). */
import type { KObject } from '../../types.js';
import { defaultPodTemplateSpec } from '../../core/pod/defaults.js';
import { recordAt, recordOf, recordsOf, stringMapOf } from '../../core/pod/json.js';
import { specAt } from '../../core/pod/workload.js';

/** The label whose value is the job's uid; the generated selector selects on it. */
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
/** The label whose value is the job's name. */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
/** The unprefixed labels older clients and controllers still use. */
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

const MAX_INT32 = 2147483647;

/** A job without labels takes its template's (SetDefaults_Job). */
export function defaultJobLabels(obj: KObject): void {
  const labels = recordOf(recordOf(recordOf(recordOf(obj.spec)?.template)?.metadata)?.labels);
  if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = stringMapOf(labels);
}

/**
 * One completion at parallelism one, six retries (no limit when retries are counted per index), NonIndexed,
 * not suspended, failed pods replaced once terminated, a generated selector, and the template's defaults.
 */
export function defaultJob(obj: KObject): void {
  const spec = specAt(obj);
  if (typeof spec.completions !== 'number' && typeof spec.parallelism !== 'number') spec.completions = 1;
  if (typeof spec.parallelism !== 'number') spec.parallelism = 1;
  if (typeof spec.backoffLimit !== 'number')
    spec.backoffLimit = typeof spec.backoffLimitPerIndex === 'number' ? MAX_INT32 : 6;
  defaultJobLabels(obj);
  if (!spec.completionMode) spec.completionMode = 'NonIndexed';
  if (typeof spec.suspend !== 'boolean') spec.suspend = false;
  const failurePolicy = recordOf(spec.podFailurePolicy);
  for (const rule of recordsOf(failurePolicy?.rules)) {
    for (const pattern of recordsOf(rule.onPodConditions)) if (!pattern.status) pattern.status = 'True';
  }
  if (!spec.podReplacementPolicy) spec.podReplacementPolicy = failurePolicy ? 'Failed' : 'TerminatingOrFailed';
  if (typeof spec.manualSelector !== 'boolean') spec.manualSelector = false;
  defaultPodTemplateSpec(recordAt(spec, 'template'));
}

/**
 * Unless the selector is manual, labels the pod template with the job's uid and name (prefixed and legacy) and
 * selects on the uid (PrepareForCreate's generateSelector). Labels the user already set are kept, and
 * validation rejects them if they conflict.
 */
export function generateJobSelector(obj: KObject): void {
  const spec = specAt(obj);
  if (spec.manualSelector === true) return;
  const meta = recordAt(recordAt(spec, 'template'), 'metadata');
  const labels = recordAt(meta, 'labels');
  const name = obj.metadata.name ?? '';
  const uid = obj.metadata.uid ?? '';
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(key in labels)) labels[key] = name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(key in labels)) labels[key] = uid;
  const matchLabels = recordAt(recordAt(spec, 'selector'), 'matchLabels');
  if (!(CONTROLLER_UID_LABEL in matchLabels)) matchLabels[CONTROLLER_UID_LABEL] = uid;
}
