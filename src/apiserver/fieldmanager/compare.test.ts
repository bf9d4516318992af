import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { Pod } from '../../api/schema/core-v1-pod.js';
import { Deployment } from '../../api/schema/apps-v1-deployment.js';
import { compareObjects } from './compare.js';
import { toGoTyped } from './go-typed.js';
import { pathString } from './path-element.js';
import { structNode } from './schema-node.js';

const pod = structNode(Pod);

test('compareObjects reports added, removed and modified paths', () => {
  const cases: { name: string; lhs: JsonValue; rhs: JsonValue; added: string[]; removed: string[]; modified: string[] }[] = [
    {
      name: 'a changed leaf',
      lhs: { spec: { nodeName: 'a' } },
      rhs: { spec: { nodeName: 'b' } },
      added: [],
      removed: [],
      modified: ['.spec.nodeName'],
    },
    {
      name: 'a new map is added as a whole and per entry',
      lhs: { metadata: {} },
      rhs: { metadata: { labels: { app: 'web' } } },
      added: ['.metadata.labels', '.metadata.labels.app'],
      removed: [],
      modified: [],
    },
    {
      name: 'containers compared by name, not position',
      lhs: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } },
      rhs: { spec: { containers: [{ name: 'b', image: 'y2' }, { name: 'c', image: 'z' }] } },
      added: ['.spec.containers[name="c"]', '.spec.containers[name="c"].image', '.spec.containers[name="c"].name'],
      removed: ['.spec.containers[name="a"]', '.spec.containers[name="a"].image', '.spec.containers[name="a"].name'],
      modified: ['.spec.containers[name="b"].image'],
    },
    {
      name: 'atomic lists change as a whole',
      lhs: { spec: { containers: [{ name: 'a', command: ['x', 'y'] }] } },
      rhs: { spec: { containers: [{ name: 'a', command: ['x'] }] } },
      added: [],
      removed: [],
      modified: ['.spec.containers[name="a"].command'],
    },
    {
      name: 'empty and absent maps are both leaves',
      lhs: { spec: {} },
      rhs: { spec: { securityContext: {} } },
      added: ['.spec.securityContext'],
      removed: [],
      modified: [],
    },
  ];
  for (const c of cases) {
    const got = compareObjects(c.lhs, c.rhs, pod);
    assert.deepEqual(got.added.paths().map(pathString), c.added, `${c.name}: added`);
    assert.deepEqual(got.removed.paths().map(pathString), c.removed, `${c.name}: removed`);
    assert.deepEqual(got.modified.paths().map(pathString), c.modified, `${c.name}: modified`);
  }
});

test('compared after the Go round trip, non-pointer structs never count as added', () => {
  const node = structNode(Deployment);
  const lhs = toGoTyped({}, node);
  const rhs = toGoTyped({ spec: { replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } } }, node);
  const got = compareObjects(lhs, rhs, node);
  assert.deepEqual(got.added.paths().map(pathString), [
    '.spec.replicas',
    '.spec.template.spec.containers[name="web"]',
    '.spec.template.spec.containers[name="web"].image',
    '.spec.template.spec.containers[name="web"].name',
    '.spec.template.spec.containers[name="web"].resources',
  ]);
});
