import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { Deployment } from '../../api/schema/apps-v1-deployment.js';
import { toGoTyped } from './go-typed.js';
import { structNode } from './schema-node.js';

const node = structNode(Deployment);

test('toGoTyped shapes objects as a round trip through the Go types would', () => {
  const cases: { name: string; obj: JsonValue; want: JsonValue }[] = [
    {
      name: 'an empty object is the zero Deployment',
      obj: {},
      want: {
        metadata: { creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} },
        status: {},
      },
    },
    {
      name: 'containers get their non-pointer structs; omitempty zeros and null pointers vanish',
      obj: {
        metadata: { name: 'd', generateName: '', labels: {} },
        spec: { paused: false, replicas: 0, selector: null, template: { spec: { containers: [{ name: 'web', image: '' }] } } },
      },
      want: {
        metadata: { name: 'd', creationTimestamp: null },
        spec: {
          replicas: 0,
          template: { spec: { containers: [{ name: 'web', resources: {} }] }, metadata: { creationTimestamp: null } },
          strategy: {},
        },
        status: {},
      },
    },
    {
      name: 'unknown fields are kept as they are',
      obj: { spec: { bogus: { x: 1 } } },
      want: {
        spec: { bogus: { x: 1 }, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} },
        metadata: { creationTimestamp: null },
        status: {},
      },
    },
  ];
  for (const c of cases) assert.deepEqual(toGoTyped(c.obj, node), c.want, c.name);
});
