import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySchemaFor, findUnknownFields, patchMetaFor } from './fields.js';
import { Pod, PodSpec } from './core-v1-pod.js';
import { Container } from './core-v1-container.js';
import { LabelSelector, ObjectMeta } from './meta-v1.js';

test('findUnknownFields reports undeclared fields with upstream paths', () => {
  const cases: { name: string; obj: unknown; want: string[] }[] = [
    {
      name: 'a valid pod',
      obj: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { a: 'b' }, managedFields: [{ manager: 'm', fieldsV1: { 'f:x': {} } }] },
        spec: {
          containers: [
            { name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } },
          ],
          volumes: [{ name: 'v', emptyDir: {} }],
        },
      },
      want: [],
    },
    {
      name: 'unknown fields at every depth',
      obj: {
        apiVersion: 'v1',
        kind: 'Pod',
        foo: 1,
        metadata: { name: 'p', nme: 'typo' },
        spec: {
          containers: [
            { name: 'a', image: 'x' },
            { name: 'b', image: 'y', bogus: true, ports: [{ containerPort: 80, x: 1 }] },
          ],
          volumes: [{ name: 'v', emptyDir: { medium: 'Memory', size: '1Gi' } }],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchLabels: {} }] },
            },
          },
        },
      },
      want: [
        'foo',
        'metadata.nme',
        'spec.containers[1].bogus',
        'spec.containers[1].ports[0].x',
        'spec.volumes[0].emptyDir.size',
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchLabels',
      ],
    },
    {
      name: 'wrongly typed values are left to validation',
      obj: { spec: { containers: 'nope', volumes: [5, null] }, metadata: [] },
      want: [],
    },
  ];
  for (const c of cases) assert.deepEqual(findUnknownFields(c.obj, Pod), c.want, c.name);
});

test('patchMetaFor merges PodSpec.containers by name', () => {
  const meta = patchMetaFor(PodSpec);
  const containers = meta.field('containers');
  assert.ok(containers);
  assert.deepEqual([...containers.strategies], ['merge']);
  assert.equal(containers.mergeKey, 'name');
  assert.equal(containers.isList, true);
  const ports = containers.elem?.field('ports');
  assert.equal(ports?.mergeKey, 'containerPort');
  assert.equal(containers.elem?.field('image')?.strategies.size, 0);
});

test('patchMetaFor exposes retainKeys, maps and unknown fields', () => {
  const meta = patchMetaFor(PodSpec);
  assert.deepEqual([...meta.field('volumes')!.strategies].sort(), ['merge', 'retainKeys']);
  const nodeSelector = meta.field('nodeSelector')!;
  assert.equal(nodeSelector.isList, undefined);
  assert.equal(nodeSelector.elem, undefined);
  assert.equal(meta.field('securityContext')!.elem?.field('runAsUser')?.strategies.size, 0);
  assert.equal(meta.field('nope'), undefined);
  assert.deepEqual([...patchMetaFor(ObjectMeta).field('finalizers')!.strategies], ['merge']);
});

test('applySchemaFor derives SSA list and map semantics', () => {
  const spec = applySchemaFor(PodSpec);
  assert.deepEqual(pick(spec.field('containers')), { kind: 'list', listType: 'map', keys: ['name'] });
  const container = applySchemaFor(Container);
  assert.deepEqual(pick(container.field('ports')), {
    kind: 'list',
    listType: 'map',
    keys: ['containerPort', 'protocol'],
  });
  assert.deepEqual(pick(container.field('command')), { kind: 'list', listType: 'atomic', keys: [] });
  const meta = applySchemaFor(ObjectMeta);
  assert.deepEqual(pick(meta.field('finalizers')), { kind: 'list', listType: 'set', keys: [] });
  assert.deepEqual(pick(meta.field('labels')), { kind: 'map', mapType: 'granular' });
  assert.equal(applySchemaFor(LabelSelector).atomic, true);
  assert.equal(spec.field('nope'), undefined);
});

function pick(m: ReturnType<ReturnType<typeof applySchemaFor>['field']>): unknown {
  if (!m) return undefined;
  const { elem: _elem, ...rest } = m as typeof m & { elem?: unknown };
  return rest;
}
