import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3339 } from '../../apimachinery/meta.js';
import { nextNodeConditions, withoutHeartbeats } from './node-conditions.js';
import type { NodeCondition } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
const T1 = T0 + 10_000;

test('nextNodeConditions reports the four kubelet conditions in upstream order', () => {
  const got = nextNodeConditions(undefined, { runtimeErrors: [] }, T0);
  assert.deepEqual(got.map((c) => [c.type, c.status, c.reason]), [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
    ['Ready', 'True', 'KubeletReady'],
  ]);
  for (const c of got) assert.equal(c.lastTransitionTime, rfc3339(T0));
});

test('nextNodeConditions moves heartbeats always and transition times only on flips', () => {
  const first = nextNodeConditions(undefined, { runtimeErrors: [] }, T0);
  const cases: { name: string; errors: string[]; wantReady: string; wantTransition: number }[] = [
    { name: 'unchanged', errors: [], wantReady: 'True', wantTransition: T0 },
    { name: 'runtime down', errors: ['container runtime is down'], wantReady: 'False', wantTransition: T1 },
  ];
  for (const c of cases) {
    const got = nextNodeConditions(first, { runtimeErrors: c.errors }, T1);
    const ready = got.find((x) => x.type === 'Ready')!;
    assert.equal(ready.status, c.wantReady, c.name);
    assert.equal(ready.lastHeartbeatTime, rfc3339(T1), c.name);
    assert.equal(ready.lastTransitionTime, rfc3339(c.wantTransition), c.name);
    if (c.errors.length) assert.equal(ready.message, c.errors.join(', '));
  }
});

test('nextNodeConditions keeps conditions owned by others', () => {
  const foreign: NodeCondition = { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' };
  const got = nextNodeConditions([foreign], { runtimeErrors: [] }, T0);
  assert.deepEqual(got.at(-1), foreign);
});

test('withoutHeartbeats makes two reports of the same state equal', () => {
  const a = nextNodeConditions(undefined, { runtimeErrors: [] }, T0);
  const b = nextNodeConditions(a, { runtimeErrors: [] }, T1);
  assert.notDeepEqual(a, b);
  assert.deepEqual(withoutHeartbeats(a), withoutHeartbeats(b));
});
