import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { cronJobPrinter, jobPrinter } from './batch.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
const meta = { name: 'j', creationTimestamp: ago(600) };
const podTemplate = { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }] } };
const selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } };
const cond = (type: string, status = 'True') => ({ type, status });

const jobCases: { name: string; job: KObject; want: unknown[] }[] = [
  {
    name: 'running job',
    job: {
      metadata: meta,
      spec: { completions: 3, parallelism: 1, selector, template: podTemplate },
      status: { startTime: ago(90), succeeded: 1, active: 1 },
    },
    want: ['j', 'Running', '1/3', '90s', '10m', 'pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=abc'],
  },
  {
    name: 'complete job measures start to completion',
    job: {
      metadata: meta,
      spec: { completions: 1, template: podTemplate },
      status: {
        startTime: ago(500),
        completionTime: ago(200),
        succeeded: 1,
        conditions: [cond('SuccessCriteriaMet'), cond('Complete')],
      },
    },
    want: ['j', 'Complete', '1/1', '5m', '10m', 'pi', 'perl:5.34', '<none>'],
  },
  {
    name: 'failed job',
    job: {
      metadata: meta,
      spec: { completions: 1 },
      status: { startTime: ago(60), conditions: [cond('FailureTarget'), cond('Failed')] },
    },
    want: ['j', 'Failed', '0/1', '60s', '10m', '', '', '<none>'],
  },
  {
    name: 'failure target before failed',
    job: { metadata: meta, spec: { completions: 1 }, status: { conditions: [cond('FailureTarget')] } },
    want: ['j', 'FailureTarget', '0/1', '', '10m', '', '', '<none>'],
  },
  {
    name: 'suspended job not yet started',
    job: { metadata: meta, spec: { completions: 1, suspend: true }, status: { conditions: [cond('Suspended')] } },
    want: ['j', 'Suspended', '0/1', '', '10m', '', '', '<none>'],
  },
  {
    name: 'terminating job',
    job: {
      metadata: { ...meta, deletionTimestamp: ago(1) },
      spec: { completions: 1 },
      status: { conditions: [cond('Suspended')] },
    },
    want: ['j', 'Terminating', '0/1', '', '10m', '', '', '<none>'],
  },
  {
    name: 'condition with status False does not count',
    job: { metadata: meta, spec: { completions: 1 }, status: { conditions: [cond('Complete', 'False')] } },
    want: ['j', 'Running', '0/1', '', '10m', '', '', '<none>'],
  },
  {
    name: 'work queue job with parallelism',
    job: { metadata: meta, spec: { parallelism: 4 }, status: { succeeded: 2 } },
    want: ['j', 'Running', '2/1 of 4', '', '10m', '', '', '<none>'],
  },
  {
    name: 'work queue job without parallelism',
    job: { metadata: meta, spec: {} },
    want: ['j', 'Running', '0/1', '', '10m', '', '', '<none>'],
  },
];

for (const c of jobCases) {
  test(`job printer: ${c.name}`, () => {
    assert.deepEqual(jobPrinter.cells(c.job, NOW), c.want);
  });
}

const cronCases: { name: string; cj: KObject; want: unknown[] }[] = [
  {
    name: 'scheduled cron job with an active job',
    cj: {
      metadata: { ...meta, name: 'c' },
      spec: {
        schedule: '*/5 * * * *',
        timeZone: 'Etc/UTC',
        suspend: false,
        jobTemplate: { spec: { template: podTemplate } },
      },
      status: { active: [{ name: 'c-1' }], lastScheduleTime: ago(45) },
    },
    want: ['c', '*/5 * * * *', 'Etc/UTC', 'False', 1, '45s', '10m', 'pi', 'perl:5.34', '<none>'],
  },
  {
    name: 'never scheduled, suspend unset',
    cj: {
      metadata: { ...meta, name: 'c' },
      spec: { schedule: '@hourly', jobTemplate: { spec: { selector, template: podTemplate } } },
    },
    want: [
      'c',
      '@hourly',
      '<none>',
      '<unset>',
      0,
      '<none>',
      '10m',
      'pi',
      'perl:5.34',
      'batch.kubernetes.io/controller-uid=abc',
    ],
  },
  {
    name: 'suspended',
    cj: { metadata: { ...meta, name: 'c' }, spec: { schedule: '0 0 * * *', suspend: true } },
    want: ['c', '0 0 * * *', '<none>', 'True', 0, '<none>', '10m', '', '', '<none>'],
  },
];

for (const c of cronCases) {
  test(`cronjob printer: ${c.name}`, () => {
    assert.deepEqual(cronJobPrinter.cells(c.cj, NOW), c.want);
  });
}

test('job and cronjob columns', () => {
  assert.deepEqual(
    jobPrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Status:0', 'Completions:0', 'Duration:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1'],
  );
  assert.deepEqual(
    cronJobPrinter.columns.map((c) => `${c.name}:${c.priority}`),
    [
      'Name:0',
      'Schedule:0',
      'Timezone:0',
      'Suspend:0',
      'Active:0',
      'Last Schedule:0',
      'Age:0',
      'Containers:1',
      'Images:1',
      'Selector:1',
    ],
  );
});
