import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import {
  configMapPrinter,
  namespacePrinter,
  quotaColumns,
  resourceQuotaPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './core-config.js';
import { createdAtPrinter } from './columns.js';
import type { TablePrinter } from './table.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: '2025-03-01T11:59:30Z' }); // 30s

const cases: { name: string; printer: TablePrinter; obj: KObject; want: unknown[] }[] = [
  {
    name: 'active namespace',
    printer: namespacePrinter,
    obj: { metadata: meta('ns'), status: { phase: 'Active' } },
    want: ['ns', 'Active', '30s'],
  },
  {
    name: 'terminating namespace',
    printer: namespacePrinter,
    obj: { metadata: meta('ns'), status: { phase: 'Terminating' } },
    want: ['ns', 'Terminating', '30s'],
  },
  {
    name: 'config map counts data and binaryData',
    printer: configMapPrinter,
    obj: { metadata: meta('cm'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } },
    want: ['cm', 3, '30s'],
  },
  { name: 'empty config map', printer: configMapPrinter, obj: { metadata: meta('cm') }, want: ['cm', 0, '30s'] },
  {
    name: 'opaque secret',
    printer: secretPrinter,
    obj: { metadata: meta('s'), type: 'Opaque', data: { user: 'YQ==', pass: 'Yg==' } },
    want: ['s', 'Opaque', 2, '30s'],
  },
  {
    name: 'secret stringData keys count once',
    printer: secretPrinter,
    obj: {
      metadata: meta('s'),
      type: 'kubernetes.io/basic-auth',
      data: { username: 'YQ==' },
      stringData: { username: 'a', password: 'b' },
    },
    want: ['s', 'kubernetes.io/basic-auth', 2, '30s'],
  },
  {
    name: 'service account',
    printer: serviceAccountPrinter,
    obj: { metadata: meta('default'), secrets: [{ name: 'tok' }] },
    want: ['default', 1, '30s'],
  },
  {
    name: 'service account without secrets',
    printer: serviceAccountPrinter,
    obj: { metadata: meta('default') },
    want: ['default', 0, '30s'],
  },
  {
    name: 'quota splits requests from limits',
    printer: resourceQuotaPrinter,
    obj: {
      metadata: meta('q'),
      status: {
        hard: { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi', pods: '10' },
        used: { 'requests.cpu': '500m', 'requests.memory': '0', 'limits.cpu': '1000m' },
      },
    },
    want: [
      'q',
      'pods: 0/10, requests.cpu: 500m/1, requests.memory: 0/1Gi',
      'limits.cpu: 1/2, limits.memory: 0/2Gi',
      '30s',
    ],
  },
  {
    name: 'quota without status',
    printer: resourceQuotaPrinter,
    obj: { metadata: meta('q') },
    want: ['q', '', '', '30s'],
  },
  {
    name: 'limit range prints its creation time',
    printer: createdAtPrinter,
    obj: { metadata: meta('limits') },
    want: ['limits', '2025-03-01T11:59:30Z'],
  },
  {
    name: 'creation time unset',
    printer: createdAtPrinter,
    obj: { metadata: { name: 'x' } },
    want: ['x', '0001-01-01T00:00:00Z'],
  },
];

for (const c of cases) {
  test(`core config printers: ${c.name}`, () => {
    assert.deepEqual(c.printer.cells(c.obj, NOW), c.want);
    assert.equal(c.printer.columns.length, c.want.length);
  });
}

test('resourcequota columns are NAME REQUEST LIMIT AGE (v1.33 order)', () => {
  assert.deepEqual(
    resourceQuotaPrinter.columns.map((c) => c.name),
    ['Name', 'Request', 'Limit', 'Age'],
  );
});

test('quota resources named limits without a dot stay in REQUEST', () => {
  assert.deepEqual(quotaColumns({ hard: { limits: '1' } }), ['limits: 0/1', '']);
});

test('created-at table matches the default table convertor', () => {
  assert.deepEqual(
    createdAtPrinter.columns.map((c) => [c.name, c.type, c.format]),
    [
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ],
  );
});
