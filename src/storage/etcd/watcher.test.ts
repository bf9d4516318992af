import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IEvent, IKeyValue } from 'etcd3';
import { toWatchEvent } from './watcher.js';

const kv = (value: string, create: number, mod: number): IKeyValue => ({
  key: Buffer.from('/registry/pods/a'),
  value: Buffer.from(value),
  create_revision: String(create),
  mod_revision: String(mod),
  version: '1',
  lease: '0',
});

describe('toWatchEvent', () => {
  const cases: Array<{ name: string; input: IEvent; want: ReturnType<typeof toWatchEvent> }> = [
    {
      name: 'a put that created the key is ADDED',
      input: { type: 'PUT' as IEvent['type'], kv: kv('v1', 5, 5), prev_kv: undefined as unknown as IKeyValue },
      want: { type: 'ADDED', key: '/registry/pods/a', value: 'v1', revision: 5, createRevision: 5 },
    },
    {
      name: 'a later put is MODIFIED with the previous value',
      input: { type: 'PUT' as IEvent['type'], kv: kv('v2', 5, 7), prev_kv: kv('v1', 5, 5) },
      want: { type: 'MODIFIED', key: '/registry/pods/a', value: 'v2', prevValue: 'v1', revision: 7, createRevision: 5 },
    },
    {
      name: 'a delete is DELETED carrying the last value and its create revision',
      input: { type: 'DELETE' as IEvent['type'], kv: kv('', 0, 9), prev_kv: kv('v2', 5, 7) },
      want: { type: 'DELETED', key: '/registry/pods/a', value: 'v2', prevValue: 'v2', revision: 9, createRevision: 5 },
    },
  ];
  for (const c of cases) {
    test(c.name, () => assert.deepEqual(toWatchEvent(c.input), c.want));
  }
});
