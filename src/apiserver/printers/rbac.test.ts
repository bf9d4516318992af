import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const meta = { name: 'b', creationTimestamp: '2025-03-01T11:59:50Z' }; // 10s

const cases: { name: string; binding: KObject; want: unknown[] }[] = [
  {
    name: 'subjects of every kind',
    binding: {
      metadata: meta,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'build' },
        { kind: 'User', name: 'bob' },
        { kind: 'Robot', name: 'r2' },
      ],
    },
    want: ['b', 'ClusterRole/view', '10s', 'alice, bob', 'devs', 'build/ci'],
  },
  {
    name: 'no subjects',
    binding: { metadata: meta, roleRef: { kind: 'Role', name: 'edit' } },
    want: ['b', 'Role/edit', '10s', '', '', ''],
  },
];

for (const c of cases) {
  test(`rolebinding printer: ${c.name}`, () => {
    assert.deepEqual(roleBindingPrinter.cells(c.binding, NOW), c.want);
    assert.deepEqual(clusterRoleBindingPrinter.cells(c.binding, NOW), c.want);
  });
}

test('binding columns: ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS', () => {
  assert.deepEqual(
    roleBindingPrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Role:0', 'Age:0', 'Users:1', 'Groups:1', 'ServiceAccounts:1'],
  );
});
