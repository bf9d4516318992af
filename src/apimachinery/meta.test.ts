import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GENERATE_NAME_ALPHABET,
  generateName,
  groupKindString,
  groupResourceString,
  metaNamespaceKey,
  namespaceKey,
  newUID,
  rfc3339,
  rfc3339Micro,
  splitNamespaceKey,
} from './meta.js';

test('rfc3339 prints UTC with second precision', () => {
  const d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  assert.equal(rfc3339(d), '2024-01-02T03:04:05Z');
  assert.equal(rfc3339(d.getTime()), '2024-01-02T03:04:05Z');
  assert.equal(rfc3339Micro(d), '2024-01-02T03:04:05.678000Z');
});

test('generateName appends five characters from the upstream alphabet', () => {
  const name = generateName('web-');
  assert.match(name, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('generateName cuts long bases so the result stays within 63 characters', () => {
  const cases: { name: string; base: string; wantLength: number; wantPrefix: string }[] = [
    { name: 'short base kept', base: 'a-', wantLength: 7, wantPrefix: 'a-' },
    { name: '58 characters kept', base: 'x'.repeat(58), wantLength: 63, wantPrefix: 'x'.repeat(58) },
    { name: '70 characters cut to 58', base: 'y'.repeat(70), wantLength: 63, wantPrefix: 'y'.repeat(58) },
  ];
  for (const c of cases) {
    const got = generateName(c.base);
    assert.equal(got.length, c.wantLength, c.name);
    assert.ok(got.startsWith(c.wantPrefix), c.name);
  }
});

test('generateName uses the injected random source', () => {
  const calls: number[] = [];
  const got = generateName('p-', (max) => {
    calls.push(max);
    return calls.length - 1;
  });
  assert.equal(got, 'p-' + GENERATE_NAME_ALPHABET.slice(0, 5));
  assert.deepEqual(calls, [27, 27, 27, 27, 27]);
});

test('newUID returns distinct v4 UUIDs', () => {
  const a = newUID();
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a, newUID());
});

test('namespace keys', () => {
  assert.equal(namespaceKey('default', 'web'), 'default/web');
  assert.equal(namespaceKey('', 'node-1'), 'node-1');
  assert.equal(namespaceKey(undefined, 'node-1'), 'node-1');
  assert.equal(metaNamespaceKey({ namespace: 'kube-system', name: 'dns' }), 'kube-system/dns');
  assert.deepEqual(splitNamespaceKey('default/web'), { namespace: 'default', name: 'web' });
  assert.deepEqual(splitNamespaceKey('node-1'), { namespace: '', name: 'node-1' });
  assert.throws(() => splitNamespaceKey('a/b/c'), { message: 'unexpected key format: "a/b/c"' });
});

test('group strings', () => {
  assert.equal(groupResourceString({ group: '', resource: 'pods' }), 'pods');
  assert.equal(groupResourceString({ group: 'apps', resource: 'deployments' }), 'deployments.apps');
  assert.equal(groupKindString({ group: 'apps', kind: 'Deployment' }), 'Deployment.apps');
  assert.equal(groupKindString({ group: '', kind: 'Pod' }), 'Pod');
});
