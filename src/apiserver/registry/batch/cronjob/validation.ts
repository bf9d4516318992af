/** CronJob validation (upstream's batch/validation ValidateCronJobCreate, ValidateCronJobUpdate, ValidateJobTemplateSpec). */
import {
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { recordOf, stringOf, type JsonRecord } from '../../core/pod/json.js';
import { validateNonnegativeField } from '../../core/pod/validation-common.js';
import { validateJobSpecCommon } from '../job/validation.js';
import { cronScheduleError, isKnownTimeZone } from './schedule.js';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

function validateSchedule(
  schedule: string,
  timeZone: unknown,
  allowTZInSchedule: boolean,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const err = cronScheduleError(schedule);
  if (err) errs.push(invalidValue(path, schedule, err));
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined && timeZone !== null) {
    errs.push(invalidValue(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZInSchedule && schedule.includes('TZ')) {
    errs.push(invalidValue(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

function validateTimeZone(timeZone: unknown, path: FieldPath): FieldError[] {
  if (timeZone === undefined || timeZone === null) return [];
  const tz = stringOf(timeZone);
  if (!tz) return [invalidValue(path, timeZone, 'timeZone must be nil or non-empty string')];
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local')
    errs.push(
      invalidValue(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'),
    );
  else if (!isKnownTimeZone(tz)) errs.push(invalidValue(path, tz, `unknown time zone ${tz}`));
  return errs;
}

/** A CronJob's job template (ValidateJobTemplateSpec): a job spec whose selector is always generated. */
export function validateJobTemplateSpec(template: JsonRecord, path: FieldPath): FieldError[] {
  const spec = recordOf(template.spec) ?? {};
  const sp = path.child('spec');
  const errs = validateJobSpecCommon(spec, sp);
  if (spec.selector !== undefined && spec.selector !== null)
    errs.push(invalidValue(sp.child('selector'), spec.selector, '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported(sp.child('manualSelector'), true, ['nil', 'false']));
  return errs;
}

/** A CronJob's spec; `old` is the stored spec on updates. */
export function validateCronJobSpec(spec: JsonRecord, old: JsonRecord | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = stringOf(spec.schedule);
  // A TZ= prefix is only tolerated on objects that already had it before the timeZone field existed.
  const allowTZ = stringOf(old?.schedule).includes('TZ');
  if (!schedule) errs.push(required(path.child('schedule'), ''));
  else errs.push(...validateSchedule(schedule, spec.timeZone, allowTZ, path.child('schedule')));
  errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, path.child('startingDeadlineSeconds')));
  if (!old || old.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone, path.child('timeZone')));
  const policy = stringOf(spec.concurrencyPolicy);
  if (!policy) errs.push(required(path.child('concurrencyPolicy'), ''));
  else if (!CONCURRENCY_POLICIES.includes(policy))
    errs.push(notSupported(path.child('concurrencyPolicy'), policy, CONCURRENCY_POLICIES));
  errs.push(
    ...validateJobTemplateSpec(recordOf(spec.jobTemplate) ?? {}, path.child('jobTemplate')),
    ...validateNonnegativeField(spec.successfulJobsHistoryLimit, path.child('successfulJobsHistoryLimit')),
    ...validateNonnegativeField(spec.failedJobsHistoryLimit, path.child('failedJobsHistoryLimit')),
  );
  return errs;
}

/** A new CronJob: its jobs are named `<name>-<11 characters>`, so the name has at most 52 characters. */
export function validateCronJobCreate(obj: KObject): FieldError[] {
  const errs = validateCronJobSpec(recordOf(obj.spec) ?? {}, undefined, root('spec'));
  const name = obj.metadata.name ?? '';
  if (name.length > 52) errs.push(invalidValue(root('metadata', 'name'), name, 'must be no more than 52 characters'));
  return errs;
}

/** A CronJob update (the name length is not checked again, so old long-named objects stay updatable). */
export function validateCronJobUpdate(obj: KObject, old: KObject): FieldError[] {
  return validateCronJobSpec(recordOf(obj.spec) ?? {}, recordOf(old.spec) ?? {}, root('spec'));
}
