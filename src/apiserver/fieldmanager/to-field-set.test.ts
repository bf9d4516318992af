import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { Pod } from '../../api/schema/core-v1-pod.js';
import { ConfigMap } from '../../api/schema/core-v1-config.js';
import { setToFieldsV1 } from './fields-v1.js';
import { structNode } from './schema-node.js';
import { toFieldSet } from './to-field-set.js';

const pod = structNode(Pod);
const fieldsOf = (v: JsonValue) => setToFieldsV1(toFieldSet(v, pod));

test('toFieldSet owns leaves, list items by key or value, and atomic values whole', () => {
  const cases: { name: string; obj: JsonValue; want: unknown }[] = [
    {
      name: 'containers by name, ports by containerPort and defaulted protocol',
      obj: { spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] }] } },
      want: {
        'f:spec': {
          'f:containers': {
            'k:{"name":"web"}': {
              '.': {},
              'f:image': {},
              'f:name': {},
              'f:ports': {
                'k:{"containerPort":53,"protocol":"UDP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} },
                'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} },
              },
            },
          },
        },
      },
    },
    {
      name: 'atomic lists (command) and labels map entries',
      obj: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', command: ['sleep', '1'] }] } },
      want: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:command': {}, 'f:name': {} } } },
      },
    },
    {
      name: 'sets own values',
      obj: { metadata: { finalizers: ['b', 'a'] } },
      want: { 'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} } } },
    },
    {
      name: 'empty structs and nulls are owned as leaves',
      obj: { spec: { securityContext: {}, volumes: [{ name: 'v', emptyDir: {} }], nodeName: null } },
      want: {
        'f:spec': {
          'f:nodeName': {},
          'f:securityContext': {},
          'f:volumes': { 'k:{"name":"v"}': { '.': {}, 'f:emptyDir': {}, 'f:name': {} } },
        },
      },
    },
    {
      name: 'atomic lists of structs are owned whole',
      obj: { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'k' }] } } } },
      want: { 'f:spec': { 'f:affinity': { 'f:podAffinity': { 'f:requiredDuringSchedulingIgnoredDuringExecution': {} } } } },
    },
    {
      name: 'atomic structs (label selectors) are owned whole, multi-key items by all keys',
      obj: { spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { a: 'b' } } }] } },
      want: {
        'f:spec': {
          'f:topologySpreadConstraints': {
            'k:{"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule"}': {
              '.': {},
              'f:labelSelector': {},
              'f:maxSkew': {},
              'f:topologyKey': {},
              'f:whenUnsatisfiable': {},
            },
          },
        },
      },
    },
    {
      name: 'fields the schema does not know are owned whole',
      obj: { spec: { bogus: { deep: 1 } } },
      want: { 'f:spec': { 'f:bogus': { '.': {}, 'f:deep': {} } } },
    },
    {
      name: 'duplicated keys are owned as one item',
      obj: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] } },
      want: { 'f:spec': { 'f:containers': { 'k:{"name":"a"}': {} } } },
    },
  ];
  for (const c of cases) assert.deepEqual(fieldsOf(c.obj), c.want, c.name);
});

test('toFieldSet of a configmap', () => {
  const set = toFieldSet({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'ns' }, data: { a: '1' }, binaryData: {} }, structNode(ConfigMap));
  assert.deepEqual(setToFieldsV1(set), {
    'f:apiVersion': {},
    'f:binaryData': {},
    'f:data': { 'f:a': {} },
    'f:kind': {},
    'f:metadata': { 'f:name': {}, 'f:namespace': {} },
  });
});
