import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResultsManager, type ResultUpdate } from './results-manager.js';

test('set announces only changes, in order, to listeners and iterators', async () => {
  const m = new ResultsManager();
  const seen: ResultUpdate[] = [];
  const unsubscribe = m.onUpdate((u) => seen.push(u));
  const abort = new AbortController();
  const iter = m.updates(abort.signal);
  assert.equal(m.set('c://1', 'Failure', 'u'), true);
  assert.equal(m.set('c://1', 'Failure', 'u'), false);
  assert.equal(m.set('c://1', 'Success', 'u'), true);
  assert.equal(m.get('c://1'), 'Success');
  assert.deepEqual(
    seen.map((u) => u.result),
    ['Failure', 'Success'],
  );
  assert.deepEqual((await iter.next()).value, { containerID: 'c://1', result: 'Failure', podUID: 'u' });
  assert.deepEqual((await iter.next()).value?.result, 'Success');
  const waiting = iter.next();
  abort.abort();
  assert.equal((await waiting).done, true);
  unsubscribe();
  m.set('c://1', 'Failure', 'u');
  assert.equal(seen.length, 2);
});

test('remove forgets a container without announcing, and a later set counts as a change', () => {
  const m = new ResultsManager();
  const seen: string[] = [];
  m.onUpdate((u) => seen.push(u.result));
  m.set('c://1', 'Success', 'u');
  m.remove('c://1');
  assert.equal(m.get('c://1'), undefined);
  m.set('c://1', 'Success', 'u');
  assert.deepEqual(seen, ['Success', 'Success']);
});
