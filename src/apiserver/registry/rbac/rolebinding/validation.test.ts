import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { validateBinding, validateBindingUpdate } from './validation.js';

const ref = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' };
const binding = (fields: Record<string, unknown>): KObject => ({
  metadata: { name: 'b', namespace: 'team' },
  roleRef: ref,
  ...fields,
});

test('binding validation', () => {
  const cases: { name: string; obj: KObject; namespaced: boolean; want: string[] }[] = [
    {
      name: "seed 000's read-pods binding",
      obj: binding({ subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }] }),
      namespaced: true,
      want: [],
    },
    {
      name: 'bad roleRef',
      obj: binding({ roleRef: { apiGroup: 'example.com', kind: 'Policy' } }),
      namespaced: true,
      want: [
        'roleRef.apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"',
        'roleRef.kind: Unsupported value: "Policy": supported values: "Role", "ClusterRole"',
        'roleRef.name: Required value',
      ],
    },
    {
      name: 'subjects',
      obj: binding({
        subjects: [
          { kind: 'User', name: 'jane' },
          { kind: 'ServiceAccount', name: 'sa', apiGroup: 'x' },
          { kind: 'Robot', name: 'r' },
        ],
      }),
      namespaced: true,
      want: [
        'subjects[0].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
        'subjects[1].apiGroup: Unsupported value: "x": supported values: ""',
        'subjects[2].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
      ],
    },
    {
      name: 'cluster bindings: ClusterRole only, service accounts need a namespace',
      obj: binding({ subjects: [{ kind: 'ServiceAccount', name: 'sa' }] }),
      namespaced: false,
      want: [
        'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
        'subjects[0].namespace: Required value',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateBinding(c.obj, c.namespaced).map(String), c.want, c.name);
});

test('roleRef cannot change', () => {
  const next = binding({ roleRef: { ...ref, name: 'other' } });
  assert.deepEqual(validateBindingUpdate(next, binding({}), true).map(String), [
    'roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"other"}: cannot change roleRef',
  ]);
  assert.deepEqual(validateBindingUpdate(binding({ subjects: [] }), binding({}), true), []);
});
