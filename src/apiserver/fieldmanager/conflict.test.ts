import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictError, printManager } from './conflict.js';
import { managerIdentifier } from './managed-fields.js';
import { keyElement, makePath } from './path-element.js';

const alice = managerIdentifier({ manager: 'alice', operation: 'Apply' });
const bob = managerIdentifier({ manager: 'bob', operation: 'Update', apiVersion: 'v1' });
const kubelet = managerIdentifier({ manager: 'kubelet', operation: 'Update', apiVersion: 'v1', subresource: 'status' });

test('printManager names managers as upstream', () => {
  assert.equal(printManager(alice), '"alice"');
  assert.equal(printManager(bob), '"bob" using v1');
  assert.equal(printManager(kubelet), '"kubelet" with subresource "status" using v1');
});

test('conflictError builds upstream 409s', () => {
  const cases: { name: string; conflicts: Parameters<typeof conflictError>[0]; message: string; causes: { reason: string; message: string; field: string }[] }[] = [
    {
      name: 'one conflict',
      conflicts: [{ manager: alice, path: makePath('data', 'a') }],
      message: 'Apply failed with 1 conflict: conflict with "alice": .data.a',
      causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.data.a' }],
    },
    {
      name: 'two conflicts with one manager',
      conflicts: [
        { manager: alice, path: makePath('data', 'a') },
        { manager: alice, path: makePath('data', 'b') },
      ],
      message: 'Apply failed with 2 conflicts: conflicts with "alice":\n- .data.a\n- .data.b',
      causes: [
        { reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.data.a' },
        { reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.data.b' },
      ],
    },
    {
      name: 'managers grouped and sorted',
      conflicts: [
        { manager: bob, path: makePath('spec', 'replicas') },
        { manager: alice, path: [...makePath('spec', 'template', 'spec', 'containers'), keyElement([{ name: 'name', value: 'web' }]), ...makePath('image')] },
      ],
      message:
        'Apply failed with 2 conflicts: conflicts with "alice":\n- .spec.template.spec.containers[name="web"].image\nconflicts with "bob" using v1:\n- .spec.replicas',
      causes: [
        { reason: 'FieldManagerConflict', message: 'conflict with "bob" using v1', field: '.spec.replicas' },
        { reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.spec.template.spec.containers[name="web"].image' },
      ],
    },
  ];
  for (const c of cases) {
    const err = conflictError(c.conflicts);
    assert.equal(err.code, 409, c.name);
    assert.equal(err.reason, 'Conflict', c.name);
    assert.equal(err.message, c.message, c.name);
    assert.deepEqual(err.status.details?.causes, c.causes, c.name);
  }
});
