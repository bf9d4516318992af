import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { StatusError } from '../../apimachinery/errors.js';
import { Pod } from '../../api/schema/core-v1-pod.js';
import { mergeObjects } from './merge.js';
import { structNode } from './schema-node.js';

const pod = structNode(Pod);

test('mergeObjects merges by the schema', () => {
  const cases: { name: string; live: JsonValue | undefined; applied: JsonValue; want: JsonValue | undefined }[] = [
    {
      name: 'nothing live: the applied object',
      live: undefined,
      applied: { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }] } },
      want: { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }] } },
    },
    {
      name: 'structs and label maps merge key by key',
      live: { metadata: { name: 'p', labels: { a: '1', b: '2' } }, spec: { nodeName: 'n' } },
      applied: { metadata: { labels: { b: '3', c: '4' } } },
      want: { metadata: { name: 'p', labels: { a: '1', b: '3', c: '4' } }, spec: { nodeName: 'n' } },
    },
    {
      name: 'containers merge by name; live-only containers stay in place',
      live: { spec: { containers: [{ name: 'a', image: 'x', command: ['sh'] }, { name: 'side', image: 's' }] } },
      applied: { spec: { containers: [{ name: 'a', image: 'y' }, { name: 'new', image: 'n' }] } },
      want: { spec: { containers: [{ name: 'a', image: 'y', command: ['sh'] }, { name: 'side', image: 's' }, { name: 'new', image: 'n' }] } },
    },
    {
      name: 'ports merge by containerPort and protocol (TCP by default)',
      live: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 80, protocol: 'UDP' }] }] } },
      applied: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 8080 }] }] } },
      want: {
        spec: {
          containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http', hostPort: 8080 }, { containerPort: 80, protocol: 'UDP' }] }],
        },
      },
    },
    {
      name: 'atomic lists are replaced',
      live: { spec: { containers: [{ name: 'a', args: ['1', '2'] }] } },
      applied: { spec: { containers: [{ name: 'a', args: ['3'] }] } },
      want: { spec: { containers: [{ name: 'a', args: ['3'] }] } },
    },
    {
      name: 'sets are unioned',
      live: { metadata: { finalizers: ['a', 'b'] } },
      applied: { metadata: { finalizers: ['c', 'a'] } },
      want: { metadata: { finalizers: ['c', 'a', 'b'] } },
    },
    {
      // Upstream's walk: shared items follow the applied order, live-only items are emitted as they are met.
      name: 'the applied order wins for shared items',
      live: { spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } },
      applied: { spec: { containers: [{ name: 'c' }, { name: 'a' }] } },
      want: { spec: { containers: [{ name: 'b' }, { name: 'c' }, { name: 'a' }] } },
    },
    {
      name: 'atomic structs are replaced',
      live: { spec: { topologySpreadConstraints: [{ topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { a: '1' } } }] } },
      applied: { spec: { topologySpreadConstraints: [{ topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [] } }] } },
      want: { spec: { topologySpreadConstraints: [{ topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [] } }] } },
    },
    {
      name: 'an explicit null clears a leaf',
      live: { spec: { nodeName: 'n', hostname: 'h' } },
      applied: { spec: { nodeName: null } },
      want: { spec: { hostname: 'h' } },
    },
  ];
  for (const c of cases) assert.deepEqual(mergeObjects(c.live, c.applied, pod), c.want, c.name);
});

test('mergeObjects rejects duplicate keys in the applied configuration', () => {
  assert.throws(
    () => mergeObjects({ spec: { containers: [{ name: 'a' }] } }, { spec: { containers: [{ name: 'a' }, { name: 'a' }] } }, pod),
    (err: unknown) => err instanceof StatusError && err.code === 400 && /\.spec\.containers: duplicate entries for key \[name="a"\]/.test(err.message),
  );
});
