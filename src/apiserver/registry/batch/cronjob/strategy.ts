/** CronJob defaulting and strategies (upstream's batch/v1 SetDefaults_CronJob, pkg/registry/batch/cronjob/strategy.go). */
import type { KObject, Strategy } from '../../types.js';
import { defaultPodTemplateSpec } from '../../core/pod/defaults.js';
import { recordAt, recordOf, recordsOf } from '../../core/pod/json.js';
import { keepStatus, resetStatus, specAt, statusStrategy } from '../../core/pod/workload.js';
import { validateCronJobCreate, validateCronJobUpdate } from './validation.js';

/** Concurrent runs allowed, not suspended, 3 successful and 1 failed job kept; the job template's pod defaults. */
export function defaultCronJob(obj: KObject): void {
  const spec = specAt(obj);
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  if (typeof spec.suspend !== 'boolean') spec.suspend = false;
  if (typeof spec.successfulJobsHistoryLimit !== 'number') spec.successfulJobsHistoryLimit = 3;
  if (typeof spec.failedJobsHistoryLimit !== 'number') spec.failedJobsHistoryLimit = 1;
  const jobSpec = recordAt(recordAt(spec, 'jobTemplate'), 'spec');
  for (const rule of recordsOf(recordOf(jobSpec.podFailurePolicy)?.rules)) {
    for (const pattern of recordsOf(rule.onPodConditions)) if (!pattern.status) pattern.status = 'True';
  }
  defaultPodTemplateSpec(recordAt(jobSpec, 'template'));
}

/** CronJobs through the main resource. */
export const cronJobStrategy: Strategy = {
  defaults: defaultCronJob,
  prepareForCreate: resetStatus,
  prepareForUpdate: keepStatus,
  validate: validateCronJobCreate,
  validateUpdate: validateCronJobUpdate,
  allowUnconditionalUpdate: true,
};

/** `cronjobs/status`: nothing to check beyond the metadata. */
export const cronJobStatusStrategy: Strategy = statusStrategy(() => []);
