/** Job strategies (upstream's pkg/registry/batch/job/strategy.go). */
import { isDNS1123Label } from '../../../../apimachinery/validation/names.js';
import type { FieldsOf, Strategy } from '../../types.js';
import { goList } from '../../core/pod/validation-common.js';
import { keepStatus, resetStatus, statusOf, statusStrategy } from '../../core/pod/workload.js';
import { defaultJob, defaultJobLabels, generateJobSelector } from './defaults.js';
import { validateJob, validateJobStatusUpdate, validateJobUpdate } from './validation.js';

/** Jobs through the main resource. */
export const jobStrategy: Strategy = {
  defaults: defaultJob,
  prepareForCreate(obj) {
    generateJobSelector(obj);
    resetStatus(obj);
    // Upstream defaults again when the stored job is read back, so the generated template labels show up
    // as the job's own labels; do it here once, since our store does not default on reads.
    defaultJobLabels(obj);
  },
  prepareForUpdate: keepStatus,
  validate: (obj) => validateJob(obj),
  validateUpdate: validateJobUpdate,
  warnings(obj, old) {
    if (old) return [];
    const msgs = isDNS1123Label(obj.metadata.name ?? '');
    return msgs.length
      ? [
          `metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: ${goList(msgs)}`,
        ]
      : [];
  },
  allowUnconditionalUpdate: true,
};

/** `jobs/status`. */
export const jobStatusStrategy: Strategy = statusStrategy(validateJobStatusUpdate);

/** The job fields a field selector can test (JobToSelectableFields). */
export const jobFields: FieldsOf = (obj) => {
  const succeeded = statusOf(obj).succeeded;
  return { 'status.successful': String(typeof succeeded === 'number' ? succeeded : 0) };
};
