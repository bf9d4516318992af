import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchemaRegistry } from '../../api/schema/registry.js';
import type { Store } from '../../storage/interface.js';
import { ApiRegistry } from './api-registry.js';
import { workloadBehaviors } from './behaviors-workloads.js';

test('every workload behaviour is for a resource the schema declares, with matching subresources', () => {
  const schema = buildSchemaRegistry();
  for (const b of workloadBehaviors()) {
    const kind = schema.resource(b.group, b.version, b.resource);
    const id = `${b.group}/${b.version}/${b.resource}`;
    assert.ok(kind, `${id} is not declared by the schema`);
    const subs = new Set((kind.resource?.subresources ?? []).map((s) => s.name));
    assert.equal(b.statusStrategy !== undefined, subs.has('status'), `${id}: status strategy iff /status`);
    assert.equal(b.scale !== undefined, subs.has('scale'), `${id}: scale access iff /scale`);
  }
  // The registry refuses behaviours for undeclared resources; building it proves there are none.
  assert.doesNotThrow(() => new ApiRegistry(schema, {} as Store, workloadBehaviors()));
});

test('the workload list covers pods, the core controllers and apps/batch', () => {
  const ids = workloadBehaviors()
    .map((b) => `${b.group}/${b.resource}`)
    .sort();
  assert.deepEqual(ids, [
    '/pods',
    '/podtemplates',
    '/replicationcontrollers',
    'apps/controllerrevisions',
    'apps/daemonsets',
    'apps/deployments',
    'apps/replicasets',
    'apps/statefulsets',
    'batch/cronjobs',
    'batch/jobs',
  ]);
});
