import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import {
  certificateSigningRequestPrinter,
  flowSchemaPrinter,
  leasePrinter,
  mutatingWebhookConfigurationPrinter,
  priorityClassPrinter,
  priorityLevelConfigurationPrinter,
  runtimeClassPrinter,
} from './cluster.js';
import type { TablePrinter } from './table.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = { name: 'x', creationTimestamp: '2025-03-01T11:57:00Z' }; // 3m

const cases: { name: string; printer: TablePrinter; obj: KObject; want: unknown[] }[] = [
  {
    name: 'system priority class',
    printer: priorityClassPrinter,
    obj: { metadata: meta, value: 2000001000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' },
    want: ['x', 2000001000, false, '3m', 'PreemptLowerPriority'],
  },
  {
    name: 'priority class without a policy',
    printer: priorityClassPrinter,
    obj: { metadata: meta, value: -5, globalDefault: true },
    want: ['x', -5, true, '3m', ''],
  },
  {
    name: 'held lease',
    printer: leasePrinter,
    obj: { metadata: meta, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 } },
    want: ['x', 'node-1', '3m'],
  },
  { name: 'free lease', printer: leasePrinter, obj: { metadata: meta, spec: {} }, want: ['x', '', '3m'] },
  {
    name: 'runtime class',
    printer: runtimeClassPrinter,
    obj: { metadata: meta, handler: 'runc' },
    want: ['x', 'runc', '3m'],
  },
  {
    name: 'approved and issued CSR',
    printer: certificateSigningRequestPrinter,
    obj: {
      metadata: meta,
      spec: { signerName: 'kubernetes.io/kube-apiserver-client', username: 'alice', expirationSeconds: 86400 },
      status: { conditions: [{ type: 'Approved', status: 'True' }], certificate: 'LS0t' },
    },
    want: ['x', '3m', 'kubernetes.io/kube-apiserver-client', 'alice', '24h', 'Approved,Issued'],
  },
  {
    name: 'pending CSR',
    printer: certificateSigningRequestPrinter,
    obj: { metadata: meta, spec: { username: 'bob' } },
    want: ['x', '3m', '<none>', 'bob', '<none>', 'Pending'],
  },
  {
    name: 'denied and failed CSR',
    printer: certificateSigningRequestPrinter,
    obj: {
      metadata: meta,
      spec: {},
      status: { conditions: [{ type: 'Approved' }, { type: 'Denied' }, { type: 'Failed' }] },
    },
    want: ['x', '3m', '<none>', '', '<none>', 'Denied,Failed'],
  },
  {
    name: 'webhook configuration',
    printer: mutatingWebhookConfigurationPrinter,
    obj: { metadata: meta, webhooks: [{}, {}] },
    want: ['x', 2, '3m'],
  },
  {
    name: 'flow schema',
    printer: flowSchemaPrinter,
    obj: {
      metadata: meta,
      spec: {
        priorityLevelConfiguration: { name: 'workload-low' },
        matchingPrecedence: 9000,
        distinguisherMethod: { type: 'ByUser' },
      },
      status: { conditions: [{ type: 'Dangling', status: 'False' }] },
    },
    want: ['x', 'workload-low', 9000, 'ByUser', '3m', 'False'],
  },
  {
    name: 'flow schema without status',
    printer: flowSchemaPrinter,
    obj: { metadata: meta, spec: { priorityLevelConfiguration: { name: 'exempt' }, matchingPrecedence: 1 } },
    want: ['x', 'exempt', 1, '<none>', '3m', '?'],
  },
  {
    name: 'limited priority level',
    printer: priorityLevelConfigurationPrinter,
    obj: {
      metadata: meta,
      spec: {
        type: 'Limited',
        limited: {
          nominalConcurrencyShares: 30,
          limitResponse: { type: 'Queue', queuing: { queues: 64, handSize: 6, queueLengthLimit: 50 } },
        },
      },
    },
    want: ['x', 'Limited', 30, 64, 6, 50, '3m'],
  },
  {
    name: 'exempt priority level',
    printer: priorityLevelConfigurationPrinter,
    obj: { metadata: meta, spec: { type: 'Exempt', exempt: {} } },
    want: ['x', 'Exempt', '<none>', '<none>', '<none>', '<none>', '3m'],
  },
];

for (const c of cases) {
  test(`cluster printers: ${c.name}`, () => {
    assert.deepEqual(c.printer.cells(c.obj, NOW), c.want);
    assert.equal(c.printer.columns.length, c.want.length);
  });
}
