/** Tables of the batch group: jobs (STATUS COMPLETIONS DURATION) and cronjobs (SCHEDULE TIMEZONE SUSPEND ...). */
import { humanDuration } from '../../apimachinery/duration.js';
import type { KObject } from '../registry/types.js';
import {
  asArray,
  asRecord,
  formatBoolPtr,
  formatLabelSelector,
  layoutContainerCells,
  num,
  str,
  timestampMs,
  timestampSince,
} from './format.js';
import { containersColumn, imagesColumn, selectorColumn } from './columns.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** Whether the first condition of `type` is True (hasJobCondition). */
function hasCondition(job: KObject, type: string): boolean {
  const c = asArray(asRecord(job.status).conditions)
    .map(asRecord)
    .find((x) => x.type === type);
  return c?.status === 'True';
}

/** STATUS of a job: Complete, Failed, Terminating, Suspended, FailureTarget or Running, in that precedence. */
export function jobStatus(job: KObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (timestampMs(job.metadata.deletionTimestamp) !== undefined) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** COMPLETIONS: `succeeded/completions`, or `succeeded/1 of parallelism` for a work queue without completions. */
export function jobCompletions(job: KObject): string {
  const spec = asRecord(job.spec);
  const succeeded = num(asRecord(job.status).succeeded);
  if (typeof spec.completions === 'number') return `${succeeded}/${spec.completions}`;
  const parallelism = num(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: from start to completion, or to now while running; empty before the job started. */
export function jobDuration(job: KObject, now: Date): string {
  const status = asRecord(job.status);
  const start = timestampMs(status.startTime);
  if (start === undefined) return '';
  const end = timestampMs(status.completionTime);
  return humanDuration((end ?? now.getTime()) - start);
}

/** Jobs: STATUS COMPLETIONS DURATION AGE; wide CONTAINERS IMAGES SELECTOR. */
export const jobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'Whether the job runs, completed, failed or is suspended.'),
    col('Completions', 'Succeeded pods out of the completions wanted.'),
    col('Duration', 'How long the job ran, or has been running.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn('The pod labels the job manages.'),
  ],
  cells(job, now) {
    const spec = asRecord(job.spec);
    const [names, images] = layoutContainerCells(asRecord(asRecord(spec.template).spec).containers);
    return [
      job.metadata.name ?? '',
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      timestampSince(job.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

/** CronJobs: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE; wide CONTAINERS IMAGES SELECTOR. */
export const cronJobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Schedule', 'When jobs are started, in cron syntax.'),
    col('Timezone', 'The time zone the schedule is read in.'),
    col('Suspend', 'Whether new jobs are held back.', 0, 'boolean'),
    col('Active', 'How many of its jobs are running.', 0, 'integer'),
    col('Last Schedule', 'How long ago a job was last started.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn('The pod labels the job template selects.'),
  ],
  cells(cj, now) {
    const spec = asRecord(cj.spec);
    const status = asRecord(cj.status);
    const jobSpec = asRecord(asRecord(spec.jobTemplate).spec);
    const [names, images] = layoutContainerCells(asRecord(asRecord(jobSpec.template).spec).containers);
    return [
      cj.metadata.name ?? '',
      str(spec.schedule),
      typeof spec.timeZone === 'string' ? spec.timeZone : '<none>',
      formatBoolPtr(spec.suspend),
      asArray(status.active).length,
      status.lastScheduleTime === undefined || status.lastScheduleTime === null
        ? '<none>'
        : timestampSince(status.lastScheduleTime, now),
      timestampSince(cj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(jobSpec.selector),
    ];
  },
};
