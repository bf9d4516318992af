import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appsV1Kinds } from '../../api/schema/apps-v1.js';
import type { ManagedFieldsEntry } from '../../apimachinery/meta.js';
import { StatusError } from '../../apimachinery/errors.js';
import type { KObject } from '../registry/types.js';
import { fieldsV1ToSet, setToFieldsV1 } from './fields-v1.js';
import { LAST_APPLIED_ANNOTATION, allowedConflictsFromLastApplied, buildLastApplied, setLastApplied } from './last-applied.js';
import { pathString } from './path-element.js';
import { structNode } from './schema-node.js';
import { StructuredFieldManager } from './structured-field-manager.js';

const DEPLOY = appsV1Kinds.find((k) => k.gvk.kind === 'Deployment')!;
const NOW = new Date('2024-05-01T10:00:00Z');
const ctx = (manager: string, force = false) => ({ kind: DEPLOY, manager, subresource: '', now: NOW, force });

function deployment(replicas: number, containers: { name: string; image: string }[]): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'ns', labels: { app: 'web' } },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } },
  };
}

/** What `kubectl apply` (client-side) sends on create: the object with its own configuration as annotation. */
function clientSideCreate(fm: StructuredFieldManager, config: KObject): KObject {
  const obj = structuredClone(config);
  const annotated = { ...structuredClone(config), metadata: { ...config.metadata, annotations: {} } };
  obj.metadata.annotations = { [LAST_APPLIED_ANNOTATION]: JSON.stringify(annotated) + '\n' };
  fm.update(obj, undefined, ctx('kubectl-client-side-apply'));
  return { ...obj, metadata: { ...obj.metadata, uid: 'u', resourceVersion: '1', creationTimestamp: '2024-05-01T09:00:00Z' } };
}

/** client-go's csaupgrade: the client-side-apply Update entry is folded into kubectl's Apply entry. */
function upgradeManagedFields(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  const isCsa = (e: ManagedFieldsEntry) => e.manager === 'kubectl-client-side-apply' && e.operation === 'Update';
  const out = structuredClone(entries);
  let target = out.findIndex((e) => e.manager === 'kubectl' && e.operation === 'Apply');
  if (target < 0) {
    target = out.findIndex(isCsa);
    out[target] = { ...out[target]!, manager: 'kubectl', operation: 'Apply' };
  }
  const csa = out.find((e) => isCsa(e) && e.apiVersion === out[target]!.apiVersion);
  if (csa) out[target]!.fieldsV1 = setToFieldsV1(fieldsV1ToSet(out[target]!.fieldsV1).union(fieldsV1ToSet(csa.fieldsV1)));
  return out.filter((e) => !isCsa(e));
}

// Sorted: entry order depends on times (an apply that changed nothing records none).
const managers = (o: KObject) => (o.metadata.managedFields ?? []).map((e) => `${e.manager}/${e.operation}`).sort();

test('kubectl apply --server-side after client-side apply: the whole kubectl sequence', () => {
  const fm = new StructuredFieldManager();
  const v1 = deployment(2, [{ name: 'web', image: 'nginx:1' }, { name: 'side', image: 'busybox' }]);
  let live = clientSideCreate(fm, v1);

  // Another manager than kubectl gets the ordinary conflicts with the client-side-apply manager.
  const v2 = deployment(3, [{ name: 'web', image: 'nginx:2' }]);
  assert.throws(
    () => fm.apply(live, v2, ctx('alice')),
    (err: unknown) =>
      err instanceof StatusError &&
      err.message ===
        'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
  );

  // 1. kubectl's apply: the same conflicts are forgiven because the values are the last applied ones.
  live = fm.apply(live, v2, ctx('kubectl'));
  assert.equal((live.spec as { replicas: number }).replicas, 3);
  assert.equal(live.metadata.annotations![LAST_APPLIED_ANNOTATION], buildLastApplied(v2), 'the annotation follows the new configuration');
  assert.deepEqual(managers(live), ['kubectl-client-side-apply/Update', 'kubectl/Apply']);

  // 2. kubectl keeps the annotation owned by a separate applier.
  const justAnnotation: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'ns', annotations: { [LAST_APPLIED_ANNOTATION]: live.metadata.annotations![LAST_APPLIED_ANNOTATION]! } },
  };
  live = fm.apply(live, justAnnotation, ctx('kubectl-last-applied'));

  // 3. kubectl moves the client-side-apply entry into its own with a JSON patch of managedFields (an Update).
  const patched = structuredClone(live);
  patched.metadata.managedFields = upgradeManagedFields(live.metadata.managedFields!);
  fm.update(patched, live, ctx('kubectl'));
  live = patched;
  assert.deepEqual(managers(live), ['kubectl-last-applied/Apply', 'kubectl/Apply']);

  // 4. kubectl re-sends its apply: the fields only client-side apply had set (the side container) go away.
  live = fm.apply(live, v2, ctx('kubectl'));
  const containers = (live.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers;
  assert.deepEqual(containers.map((c) => c.name), ['web']);
  assert.ok(live.metadata.annotations![LAST_APPLIED_ANNOTATION], 'the annotation survives, owned by kubectl-last-applied');
  assert.deepEqual(managers(live), ['kubectl-last-applied/Apply', 'kubectl/Apply']);
});

test('fields changed since the last client-side apply still conflict', () => {
  const fm = new StructuredFieldManager();
  let live = clientSideCreate(fm, deployment(2, [{ name: 'web', image: 'nginx:1' }]));
  const scaled = structuredClone(live);
  (scaled.spec as { replicas: number }).replicas = 5;
  fm.update(scaled, live, ctx('kubectl-edit'));
  live = scaled;
  assert.throws(
    () => fm.apply(live, deployment(3, [{ name: 'web', image: 'nginx:2' }]), ctx('kubectl')),
    (err: unknown) => err instanceof StatusError && err.message === 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
  );
});

test('allowedConflictsFromLastApplied keeps the last applied fields whose live value is unchanged', () => {
  const config = deployment(2, [{ name: 'web', image: 'nginx:1' }]);
  const live = structuredClone(config);
  (live.spec as { replicas: number }).replicas = 4;
  live.metadata.annotations = { [LAST_APPLIED_ANNOTATION]: JSON.stringify(config) };
  const allowed = allowedConflictsFromLastApplied(live, structNode(DEPLOY.schema), 'apps/v1')!;
  const paths = allowed.paths().map(pathString);
  assert.ok(paths.includes('.spec.template.spec.containers[name="web"].image'));
  assert.ok(!paths.includes('.spec.replicas'));
  const cases: { name: string; annotation: string | undefined }[] = [
    { name: 'no annotation', annotation: undefined },
    { name: 'not JSON', annotation: '{' },
    { name: 'another version', annotation: JSON.stringify({ ...config, apiVersion: 'apps/v1beta1' }) },
  ];
  for (const c of cases) {
    const o = structuredClone(live);
    o.metadata.annotations = c.annotation === undefined ? {} : { [LAST_APPLIED_ANNOTATION]: c.annotation };
    assert.equal(allowedConflictsFromLastApplied(o, structNode(DEPLOY.schema), 'apps/v1'), undefined, c.name);
  }
});

test('buildLastApplied writes sorted Go JSON with a newline, without the annotation itself', () => {
  const applied: KObject = {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'c', annotations: { [LAST_APPLIED_ANNOTATION]: 'old' } },
    data: { z: '<&>', a: '1' },
  };
  assert.equal(buildLastApplied(applied), '{"apiVersion":"v1","data":{"a":"1","z":"\\u003c\\u0026\\u003e"},"kind":"ConfigMap","metadata":{"name":"c"}}\n');
  const big: KObject = { metadata: { annotations: { other: 'x'.repeat(256 * 1024 - 10) } } };
  setLastApplied(big, 'y'.repeat(100));
  assert.equal(big.metadata.annotations![LAST_APPLIED_ANNOTATION], undefined, 'dropped past the size limit');
});
