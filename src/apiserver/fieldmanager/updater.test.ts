import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../../apimachinery/patch/json.js';
import { ConfigMap } from '../../api/schema/core-v1-config.js';
import { Deployment } from '../../api/schema/apps-v1-deployment.js';
import { FieldSet } from './field-set.js';
import { setToFieldsV1 } from './fields-v1.js';
import { managerIdentifier } from './managed-fields.js';
import { makePath, pathString } from './path-element.js';
import { structNode } from './schema-node.js';
import { ApplyConflictsError, applyConfig, recordUpdate, type ManagerSets, type UpdaterConfig } from './updater.js';

const cm: UpdaterConfig = { node: structNode(ConfigMap), ignore: (s) => s };
const deploy: UpdaterConfig = { node: structNode(Deployment), ignore: (s) => s };
const upd = (m: string) => managerIdentifier({ manager: m, operation: 'Update', apiVersion: 'v1' });
const app = (m: string) => managerIdentifier({ manager: m, operation: 'Apply' });

/** The managers as `{ name: fieldsV1 }`, for compact expectations (data only: metadata is not stripped here). */
function owners(managers: ManagerSets): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, vs] of managers) out[(JSON.parse(id) as { manager: string }).manager] = setToFieldsV1(vs.set);
  return out;
}

function dig(v: unknown, ...keys: string[]): unknown {
  for (const k of keys) v = (v as Record<string, unknown>)[k];
  return v;
}

test('recordUpdate credits changed fields to the updater and takes them from others', () => {
  const managers: ManagerSets = new Map();
  recordUpdate(cm, {}, { data: { a: '1', b: '2' } }, 'v1', managers, upd('alice'));
  assert.deepEqual(owners(managers), { alice: { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } } });
  // bob changes a, adds c, leaves b alone: only what he touched moves.
  recordUpdate(cm, { data: { a: '1', b: '2' } }, { data: { a: 'x', b: '2', c: '3' } }, 'v1', managers, upd('bob'));
  assert.deepEqual(owners(managers), {
    alice: { 'f:data': { '.': {}, 'f:b': {} } },
    bob: { 'f:data': { 'f:a': {}, 'f:c': {} } },
  });
  // removing b takes it from alice; a manager left with nothing is dropped.
  recordUpdate(cm, { data: { a: 'x', b: '2', c: '3' } }, { data: { a: 'x', c: '3' } }, 'v1', managers, upd('carol'));
  recordUpdate(cm, { data: { a: 'x', c: '3' } }, { data: { a: 'y', c: '4' } }, 'v1', managers, upd('carol'));
  assert.deepEqual(owners(managers), {
    alice: { 'f:data': {} },
    carol: { 'f:data': { 'f:a': {}, 'f:c': {} } },
  });
});

test('applyConfig creates, updates and removes what the applier dropped', () => {
  const managers: ManagerSets = new Map();
  const created = applyConfig(cm, {}, { data: { a: '1', b: '2' } }, 'v1', managers, app('alice'), false);
  assert.deepEqual(created, { data: { a: '1', b: '2' } });
  // Another manager adds c by update; alice drops b from her configuration and changes a.
  recordUpdate(cm, created!, { data: { a: '1', b: '2', c: '3' } }, 'v1', managers, upd('bob'));
  const next = applyConfig(cm, { data: { a: '1', b: '2', c: '3' } }, { data: { a: '9' } }, 'v1', managers, app('alice'), false);
  assert.deepEqual(next, { data: { a: '9', c: '3' } });
  assert.deepEqual(owners(managers), { alice: { 'f:data': { 'f:a': {} } }, bob: { 'f:data': { 'f:c': {} } } });
  // Applying the same thing again changes nothing.
  assert.equal(applyConfig(cm, next!, { data: { a: '9' } }, 'v1', managers, app('alice'), false), undefined);
});

test('a field another manager still owns is not removed when the applier drops it', () => {
  const managers: ManagerSets = new Map();
  const live = applyConfig(cm, {}, { data: { a: '1', shared: 's' } }, 'v1', managers, app('alice'), false)!;
  applyConfig(cm, live, { data: { shared: 's' } }, 'v1', managers, app('bob'), false);
  const next = applyConfig(cm, live, { data: { a: '1' } }, 'v1', managers, app('alice'), false);
  assert.deepEqual(next, undefined, 'shared stays: bob applied it too');
  assert.deepEqual(owners(managers), { alice: { 'f:data': { 'f:a': {} } }, bob: { 'f:data': { 'f:shared': {} } } });
});

test('applyConfig conflicts on changed values owned by others, unless forced', () => {
  const managers: ManagerSets = new Map();
  const live = applyConfig(cm, {}, { data: { a: '1', b: '1' } }, 'v1', managers, app('alice'), false)!;
  // Same value: shared ownership, no conflict.
  assert.equal(applyConfig(cm, live, { data: { a: '1' } }, 'v1', new Map(managers), app('bob'), false), undefined);
  assert.throws(
    () => applyConfig(cm, live, { data: { a: '2', b: '2' } }, 'v1', new Map(managers), app('bob'), false),
    (err: unknown) =>
      err instanceof ApplyConflictsError &&
      err.conflicts.map((c) => `${c.manager} ${pathString(c.path)}`).join('|') === `${app('alice')} .data.a|${app('alice')} .data.b`,
  );
  const forced = applyConfig(cm, live, { data: { a: '2' } }, 'v1', managers, app('bob'), true);
  assert.deepEqual(forced, { data: { a: '2', b: '1' } });
  assert.deepEqual(owners(managers), { alice: { 'f:data': { 'f:b': {} } }, bob: { 'f:data': { 'f:a': {} } } });
});

test('applying containers merges by name and prunes containers the applier no longer lists', () => {
  const managers: ManagerSets = new Map();
  const spec = (containers: JsonValue[]): JsonValue => ({ spec: { template: { spec: { containers } } } });
  const live = applyConfig(deploy, {}, spec([{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }]), 'apps/v1', managers, app('alice'), false)!;
  // bob sets an env var on web through an update.
  const withEnv = spec([{ name: 'web', image: 'nginx', env: [{ name: 'X', value: '1' }] }, { name: 'side', image: 'busybox' }]);
  recordUpdate(deploy, live, withEnv, 'apps/v1', managers, upd('bob'));
  const next = applyConfig(deploy, withEnv, spec([{ name: 'web', image: 'nginx:2' }]), 'apps/v1', managers, app('alice'), false);
  assert.deepEqual(next, spec([{ name: 'web', image: 'nginx:2', env: [{ name: 'X', value: '1' }] }]));
  const containers = dig(owners(managers).alice, 'f:spec', 'f:template', 'f:spec', 'f:containers');
  assert.deepEqual(Object.keys(containers as object), ['k:{"name":"web"}']);
});

test('the ignore filter keeps reset fields out of ownership and conflicts', () => {
  const status = FieldSet.of(makePath('status'));
  const cfg: UpdaterConfig = { node: structNode(Deployment), ignore: (s) => s.recursiveDifference(status) };
  const managers: ManagerSets = new Map();
  recordUpdate(cfg, {}, { spec: { replicas: 1 }, status: { replicas: 1 } }, 'apps/v1', managers, upd('ctl'));
  assert.deepEqual(owners(managers), { ctl: { 'f:spec': { 'f:replicas': {} } } });
});
