import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ManagedFieldsEntry } from '../../apimachinery/meta.js';
import { FieldSet } from './field-set.js';
import {
  ManagedFieldsError,
  capUpdateManagers,
  decodeManagedFields,
  encodeManagedFields,
  isResetManagedFields,
  managerIdentifier,
  type Managed,
} from './managed-fields.js';
import { makePath } from './path-element.js';

const entry = (e: Partial<ManagedFieldsEntry>): ManagedFieldsEntry => ({
  manager: 'm',
  operation: 'Update',
  apiVersion: 'v1',
  time: '2024-01-01T00:00:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:data': { 'f:a': {} } },
  ...e,
});

test('manager identifiers are the entry JSON without fields and time, and without apiVersion for Apply', () => {
  const cases: { name: string; info: Parameters<typeof managerIdentifier>[0]; want: string }[] = [
    { name: 'update', info: { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1' }, want: '{"manager":"kubectl","operation":"Update","apiVersion":"apps/v1"}' },
    { name: 'apply', info: { manager: 'alice', operation: 'Apply', apiVersion: 'v1' }, want: '{"manager":"alice","operation":"Apply"}' },
    {
      name: 'subresource',
      info: { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', subresource: 'status' },
      want: '{"manager":"kubelet","operation":"Update","apiVersion":"v1","subresource":"status"}',
    },
  ];
  for (const c of cases) assert.equal(managerIdentifier(c.info), c.want, c.name);
});

test('decodeManagedFields rejects entries upstream rejects', () => {
  const cases: { name: string; entries: unknown }[] = [
    { name: 'bad operation', entries: [entry({ operation: 'Patch' as 'Update' })] },
    { name: 'missing operation', entries: [entry({ operation: undefined })] },
    { name: 'missing apiVersion', entries: [entry({ apiVersion: undefined })] },
    { name: 'missing fieldsType', entries: [entry({ fieldsType: undefined })] },
    { name: 'FieldsV2', entries: [entry({ fieldsType: 'FieldsV2' })] },
    { name: 'malformed fieldsV1', entries: [entry({ fieldsV1: { 'f:a': 'x' } as never })] },
    { name: 'not a list', entries: { manager: 'm' } },
  ];
  for (const c of cases) assert.throws(() => decodeManagedFields(c.entries), ManagedFieldsError, c.name);
  assert.equal(decodeManagedFields(undefined).fields.size, 0);
  assert.equal(decodeManagedFields([entry({})]).fields.size, 1);
});

test('encodeManagedFields sorts Apply first, then by time, manager, apiVersion and subresource', () => {
  const entries = [
    entry({ manager: 'z', time: '2024-01-01T00:00:00Z' }),
    entry({ manager: 'b', time: '2024-01-01T00:00:00Z' }),
    entry({ manager: 'a', time: '2024-01-02T00:00:00Z' }),
    entry({ manager: 'late-applier', operation: 'Apply', time: '2024-02-01T00:00:00Z' }),
    entry({ manager: 'b', time: '2024-01-01T00:00:00Z', subresource: 'status' }),
  ];
  const out = encodeManagedFields(decodeManagedFields(entries))!;
  assert.deepEqual(
    out.map((e) => `${e.operation} ${e.manager} ${e.subresource ?? ''}`.trim()),
    ['Apply late-applier', 'Update b', 'Update b status', 'Update z', 'Update a'],
  );
  assert.deepEqual(Object.keys(out[4]!), ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1']);
  assert.deepEqual(Object.keys(out[2]!), ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource']);
  assert.equal(encodeManagedFields(decodeManagedFields([])), undefined);
});

test('isResetManagedFields: an empty list or one empty entry', () => {
  const cases: { v: unknown; want: boolean }[] = [
    { v: [], want: true },
    { v: [{}], want: true },
    { v: undefined, want: false },
    { v: null, want: false },
    { v: [{}, {}], want: false },
    { v: [entry({})], want: false },
  ];
  for (const c of cases) assert.equal(isResetManagedFields(c.v), c.want, JSON.stringify(c.v));
});

test('capUpdateManagers merges the oldest Update entries into ancient-changes', () => {
  const m: Managed = { fields: new Map(), times: new Map() };
  for (let i = 0; i < 12; i++) {
    const id = managerIdentifier({ manager: `m${String(i).padStart(2, '0')}`, operation: 'Update', apiVersion: 'v1' });
    m.fields.set(id, { set: FieldSet.of(makePath('data', `k${i}`)), apiVersion: 'v1', applied: false });
    m.times.set(id, `2024-01-01T00:00:${String(i).padStart(2, '0')}Z`);
  }
  const applier = managerIdentifier({ manager: 'applier', operation: 'Apply' });
  m.fields.set(applier, { set: FieldSet.of(makePath('data', 'x')), apiVersion: 'v1', applied: true });
  capUpdateManagers(m, 10);
  const out = encodeManagedFields(m)!;
  assert.equal(out.filter((e) => e.operation === 'Update').length, 10);
  const ancient = out.find((e) => e.manager === 'ancient-changes')!;
  assert.deepEqual(ancient.fieldsV1, { 'f:data': { 'f:k0': {}, 'f:k1': {}, 'f:k2': {} } });
  assert.equal(ancient.time, '2024-01-01T00:00:02Z');
  assert.ok(!out.some((e) => ['m00', 'm01', 'm02'].includes(e.manager!)));
  assert.ok(out.some((e) => e.manager === 'applier'), 'Apply entries are never merged');
});
