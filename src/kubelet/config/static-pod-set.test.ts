import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { podKey, StaticPodSet } from './static-pod-set.js';

const pod = (name: string, uid: string): ApiPod => ({
  metadata: { name, namespace: 'default', uid },
  spec: { containers: [] },
});

test('StaticPodSet.update reports added, edited and removed keys and keeps old versions to kill', () => {
  const set = new StaticPodSet();
  const cases = [
    { name: 'add two', pods: [pod('a', '1'), pod('b', '2')], changed: ['default/a', 'default/b'], terminating: {} },
    { name: 'unchanged', pods: [pod('a', '1'), pod('b', '2')], changed: [], terminating: {} },
    {
      name: 'edit a',
      pods: [pod('a', '3'), pod('b', '2')],
      changed: ['default/a'],
      terminating: { 'default/a': ['1'] },
    },
    {
      name: 'remove b',
      pods: [pod('a', '3')],
      changed: ['default/b'],
      terminating: { 'default/a': ['1'], 'default/b': ['2'] },
    },
    {
      name: 'revert a',
      pods: [pod('a', '1')],
      changed: ['default/a'],
      terminating: { 'default/a': ['3'], 'default/b': ['2'] },
    },
  ];
  for (const c of cases) {
    assert.deepEqual(set.update(c.pods).sort(), c.changed, c.name);
    for (const key of ['default/a', 'default/b']) {
      assert.deepEqual(
        set.terminatingUnder(key).map((p) => p.metadata.uid),
        (c.terminating as Record<string, string[]>)[key] ?? [],
        `${c.name}: ${key}`,
      );
    }
  }
  assert.equal(set.get('default/a')?.metadata.uid, '1');
  assert.equal(set.byUid('2')?.metadata.name, 'b', 'terminating versions are still known');
  set.terminated('default/b', '2');
  assert.equal(set.byUid('2'), undefined);
  assert.deepEqual(set.keys(), ['default/a']);
  assert.equal(podKey(pod('x', '9')), 'default/x');
});
