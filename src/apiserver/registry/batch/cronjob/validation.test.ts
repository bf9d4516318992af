import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../../core/pod/json.js';
import { defaultCronJob } from './strategy.js';
import { validateCronJobCreate, validateCronJobUpdate } from './validation.js';

function cronJob(edit: (spec: JsonRecord) => void = () => {}, name = 'nightly'): KObject {
  const spec: JsonRecord = {
    schedule: '0 3 * * *',
    jobTemplate: {
      spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } },
    },
  };
  edit(spec);
  const obj: KObject = { metadata: { name }, spec };
  defaultCronJob(obj);
  return obj;
}

test('defaultCronJob fills the batch/v1 defaults but not the job defaults', () => {
  const spec = cronJob().spec as JsonRecord;
  assert.equal(spec.concurrencyPolicy, 'Allow');
  assert.equal(spec.suspend, false);
  assert.equal(spec.successfulJobsHistoryLimit, 3);
  assert.equal(spec.failedJobsHistoryLimit, 1);
  const jobSpec = (spec.jobTemplate as JsonRecord).spec as JsonRecord;
  assert.equal(jobSpec.completions, undefined);
  assert.equal(((jobSpec.template as JsonRecord).spec as JsonRecord).dnsPolicy, 'ClusterFirst');
});

test('cronjob validation reports upstream messages', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'valid', obj: cronJob(), want: [] },
    { name: 'no schedule', obj: cronJob((s) => (s.schedule = '')), want: ['spec.schedule: Required value'] },
    {
      name: 'bad schedule',
      obj: cronJob((s) => (s.schedule = '* * *')),
      want: ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]'],
    },
    {
      name: 'TZ in schedule',
      obj: cronJob((s) => (s.schedule = 'TZ=UTC 0 3 * * *')),
      want: [
        'spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
    },
    {
      name: 'bad time zone',
      obj: cronJob((s) => (s.timeZone = 'Mars/Base')),
      want: ['spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base'],
    },
    {
      name: 'concurrency policy',
      obj: cronJob((s) => (s.concurrencyPolicy = 'Sometimes')),
      want: ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'],
    },
    {
      name: 'job template restart policy',
      obj: cronJob(
        (s) =>
          ((((s.jobTemplate as JsonRecord).spec as JsonRecord).template as JsonRecord).spec = {
            containers: [{ name: 'c', image: 'x' }],
          }),
      ),
      want: ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'job template selector',
      obj: cronJob((s) => (((s.jobTemplate as JsonRecord).spec as JsonRecord).selector = { matchLabels: { a: 'b' } })),
      want: [
        'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
      ],
    },
    {
      name: 'long name',
      obj: cronJob(() => {}, 'x'.repeat(53)),
      want: [`metadata.name: Invalid value: "${'x'.repeat(53)}": must be no more than 52 characters`],
    },
  ];
  for (const c of cases) assert.deepEqual(validateCronJobCreate(c.obj).map(errorToString), c.want, c.name);
});

test('updates skip the name length and accept an existing TZ prefix', () => {
  const long = cronJob(() => {}, 'x'.repeat(60));
  assert.deepEqual(validateCronJobUpdate(long, long), []);
  const old = cronJob((s) => (s.schedule = 'TZ=UTC 0 3 * * *'));
  assert.deepEqual(
    validateCronJobUpdate(
      cronJob((s) => (s.schedule = 'TZ=UTC 0 4 * * *')),
      old,
    ),
    [],
  );
});
