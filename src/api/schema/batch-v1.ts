/**
 * batch/v1: Job and CronJob.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/batch/v1`;
 * descriptions are our own.
 */

import {
  boolean,
  field,
  inline,
  int32,
  int64,
  kind,
  list,
  statusSubresource,
  string,
  struct,
  time,
  type KindDef,
  type StructType,
} from './dsl.js';
import { ObjectReference } from './core-v1-config.js';
import { PodTemplateSpec } from './core-v1-pod.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

export const Job: StructType = struct('io.k8s.api.batch.v1.Job', 'Runs pods until a number of them complete.', {
  typeMeta: inline(undefined, TypeMeta),
  metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
  spec: field(2, () => JobSpec, 'Desired behaviour of the job.'),
  status: field(3, () => JobStatus, 'Most recently observed state of the job.'),
});

export const JobSpec: StructType = struct('io.k8s.api.batch.v1.JobSpec', 'Desired behaviour of a job.', {
  parallelism: field(1, int32, 'Most pods that may run at once; defaults to 1.', { pointer: true }),
  completions: field(2, int32, 'Number of successful pods needed; unset means any one success finishes the job.', {
    pointer: true,
  }),
  activeDeadlineSeconds: field(3, int64, 'Seconds the job may be active before it is terminated and failed.', {
    pointer: true,
  }),
  podFailurePolicy: field(11, () => PodFailurePolicy, 'Rules deciding how pod failures count against the job.', {
    pointer: true,
  }),
  successPolicy: field(16, () => SuccessPolicy, 'Rules that declare an indexed job succeeded early.', {
    pointer: true,
  }),
  backoffLimit: field(7, int32, 'Retries before the job is marked failed; defaults to 6.', { pointer: true }),
  backoffLimitPerIndex: field(12, int32, 'Retries allowed per index of an indexed job.', { pointer: true }),
  maxFailedIndexes: field(13, int32, 'Failed indexes tolerated before the whole job fails.', { pointer: true }),
  selector: field(4, () => LabelSelector, 'Selects the pods of the job; generated unless manualSelector is set.', {
    pointer: true,
  }),
  manualSelector: field(5, boolean, 'When true, the selector is supplied by the user instead of generated.', {
    pointer: true,
  }),
  template: field(6, () => PodTemplateSpec, 'Template of the pods the job runs.', { required: true }),
  ttlSecondsAfterFinished: field(8, int32, 'Seconds after completion or failure before the job is deleted.', {
    pointer: true,
  }),
  completionMode: field(9, string, 'NonIndexed (the default) or Indexed completion tracking.', {
    pointer: true,
    enum: ['Indexed', 'NonIndexed'],
  }),
  suspend: field(10, boolean, 'When true, no pods are created and running pods are terminated.', { pointer: true }),
  podReplacementPolicy: field(14, string, 'When replacement pods are created: TerminatingOrFailed or Failed.', {
    pointer: true,
    enum: ['Failed', 'TerminatingOrFailed'],
  }),
  managedBy: field(15, string, 'Controller that syncs the job; empty for the built-in job controller.', {
    pointer: true,
  }),
});

export const PodFailurePolicy: StructType = struct(
  'io.k8s.api.batch.v1.PodFailurePolicy',
  'How failed pods are handled.',
  {
    rules: field(
      1,
      list(() => PodFailurePolicyRule),
      'Rules evaluated in order; the first match decides.',
      {
        required: true,
        listType: 'atomic',
      },
    ),
  },
);

export const PodFailurePolicyRule: StructType = struct(
  'io.k8s.api.batch.v1.PodFailurePolicyRule',
  'An action taken when a failed pod matches exit codes or pod conditions.',
  {
    action: field(1, string, 'FailJob, FailIndex, Ignore or Count.', {
      required: true,
      enum: ['Count', 'FailIndex', 'FailJob', 'Ignore'],
    }),
    onExitCodes: field(2, () => PodFailurePolicyOnExitCodesRequirement, 'Exit codes the rule matches.', {
      pointer: true,
    }),
    onPodConditions: field(
      3,
      list(() => PodFailurePolicyOnPodConditionsPattern),
      'Pod conditions the rule matches; any one is enough.',
      { listType: 'atomic' },
    ),
  },
);

export const PodFailurePolicyOnExitCodesRequirement: StructType = struct(
  'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement',
  'Matches failed pods by container exit code.',
  {
    containerName: field(1, string, 'Only this container is checked; all containers when unset.', { pointer: true }),
    operator: field(2, string, 'In or NotIn the given values.', { required: true, enum: ['In', 'NotIn'] }),
    values: field(3, list(int32), 'Exit codes compared against.', { required: true, listType: 'set' }),
  },
);

export const PodFailurePolicyOnPodConditionsPattern: StructType = struct(
  'io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern',
  'Matches failed pods by a pod condition.',
  {
    type: field(1, string, 'Pod condition type, e.g. DisruptionTarget.', { required: true }),
    status: field(2, string, 'Required status of the condition: True, False or Unknown.', { required: true }),
  },
);

export const SuccessPolicy: StructType = struct(
  'io.k8s.api.batch.v1.SuccessPolicy',
  'When an indexed job may be declared succeeded.',
  {
    rules: field(
      1,
      list(() => SuccessPolicyRule),
      'Rules; the job succeeds once any one is met.',
      {
        required: true,
        listType: 'atomic',
      },
    ),
  },
);

export const SuccessPolicyRule: StructType = struct(
  'io.k8s.api.batch.v1.SuccessPolicyRule',
  'A set of indexes, or a count of them, whose success makes the job succeed.',
  {
    succeededIndexes: field(1, string, 'Index ranges that must succeed, e.g. "1,3-5".', { pointer: true }),
    succeededCount: field(2, int32, 'How many of the indexes must succeed.', { pointer: true }),
  },
);

export const JobStatus: StructType = struct('io.k8s.api.batch.v1.JobStatus', 'Observed state of a job.', {
  conditions: field(
    1,
    list(() => JobCondition),
    'Latest observations of the job state, e.g. Complete or Failed.',
    {
      patchStrategy: 'merge',
      patchMergeKey: 'type',
      listType: 'atomic',
    },
  ),
  startTime: field(2, time, 'When the job controller started processing the job.', { pointer: true }),
  completionTime: field(3, time, 'When the job completed successfully.', { pointer: true }),
  active: field(4, int32, 'Number of pending and running pods that are not terminating.'),
  succeeded: field(5, int32, 'Number of pods that succeeded.'),
  failed: field(6, int32, 'Number of pods that failed.'),
  terminating: field(11, int32, 'Number of pods that are terminating.', { pointer: true }),
  completedIndexes: field(7, string, 'Completed indexes of an indexed job, as compressed ranges.'),
  failedIndexes: field(10, string, 'Failed indexes of an indexed job, as compressed ranges.', { pointer: true }),
  uncountedTerminatedPods: field(
    8,
    () => UncountedTerminatedPods,
    'Finished pods not yet counted in the status counters.',
    { pointer: true },
  ),
  ready: field(9, int32, 'Number of active pods with a Ready condition.', { pointer: true }),
});

export const UncountedTerminatedPods: StructType = struct(
  'io.k8s.api.batch.v1.UncountedTerminatedPods',
  'UIDs of finished pods the job controller has not counted yet.',
  {
    succeeded: field(1, list(string), 'UIDs of succeeded pods.', { listType: 'set' }),
    failed: field(2, list(string), 'UIDs of failed pods.', { listType: 'set' }),
  },
);

export const JobCondition: StructType = struct('io.k8s.api.batch.v1.JobCondition', 'One aspect of a job state.', {
  type: field(1, string, 'Type of the condition, e.g. Complete, Failed or Suspended.', { required: true }),
  status: field(2, string, 'True, False or Unknown.', { required: true }),
  lastProbeTime: field(3, time, 'Last time the condition was checked.'),
  lastTransitionTime: field(4, time, 'Last time the status changed.'),
  reason: field(5, string, 'Machine-readable reason for the last transition.'),
  message: field(6, string, 'Human-readable details about the transition.'),
});

export const JobTemplateSpec: StructType = struct(
  'io.k8s.api.batch.v1.JobTemplateSpec',
  'The job a cron job creates.',
  {
    metadata: field(1, () => ObjectMeta, 'Metadata of the created jobs.'),
    spec: field(2, () => JobSpec, 'Spec of the created jobs.'),
  },
);

export const CronJob: StructType = struct('io.k8s.api.batch.v1.CronJob', 'Creates jobs on a repeating schedule.', {
  typeMeta: inline(undefined, TypeMeta),
  metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
  spec: field(2, () => CronJobSpec, 'Schedule and job template of the cron job.'),
  status: field(3, () => CronJobStatus, 'Most recently observed state of the cron job.'),
});

export const CronJobSpec: StructType = struct('io.k8s.api.batch.v1.CronJobSpec', 'Desired behaviour of a cron job.', {
  schedule: field(1, string, 'Schedule in cron format, e.g. "*/5 * * * *".', { required: true }),
  timeZone: field(8, string, "IANA time zone the schedule is read in; the controller's zone when unset.", {
    pointer: true,
  }),
  startingDeadlineSeconds: field(
    2,
    int64,
    'Seconds after a missed scheduled time within which the job may still start.',
    {
      pointer: true,
    },
  ),
  concurrencyPolicy: field(3, string, 'Allow (the default), Forbid or Replace overlapping runs.', {
    enum: ['Allow', 'Forbid', 'Replace'],
  }),
  suspend: field(4, boolean, 'When true, no further runs are started.', { pointer: true }),
  jobTemplate: field(5, () => JobTemplateSpec, 'Template of the jobs created at each scheduled time.', {
    required: true,
  }),
  successfulJobsHistoryLimit: field(6, int32, 'Number of successful finished jobs kept; defaults to 3.', {
    pointer: true,
  }),
  failedJobsHistoryLimit: field(7, int32, 'Number of failed finished jobs kept; defaults to 1.', { pointer: true }),
});

export const CronJobStatus: StructType = struct('io.k8s.api.batch.v1.CronJobStatus', 'Observed state of a cron job.', {
  active: field(
    1,
    list(() => ObjectReference),
    'The jobs currently running.',
    { listType: 'atomic' },
  ),
  lastScheduleTime: field(4, time, 'Last time a job was successfully scheduled.', { pointer: true }),
  lastSuccessfulTime: field(5, time, 'Last time a job completed successfully.', { pointer: true }),
});

const batch = { group: 'batch', version: 'v1' } as const;

/** batch/v1 kinds. Resource names, short names and categories match upstream discovery. */
export const batchV1Kinds: readonly KindDef[] = [
  kind(CronJob, {
    ...batch,
    kind: 'CronJob',
    plural: 'cronjobs',
    shortNames: ['cj'],
    categories: ['all'],
    subresources: [statusSubresource],
  }),
  kind(Job, { ...batch, kind: 'Job', plural: 'jobs', categories: ['all'], subresources: [statusSubresource] }),
];
