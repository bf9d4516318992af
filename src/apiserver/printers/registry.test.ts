import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { builtinPrinters } from './registry.js';

const NOW = new Date('2025-03-01T12:00:00Z');

const required = [
  '/pods',
  '/podtemplates',
  '/replicationcontrollers',
  '/services',
  '/endpoints',
  '/nodes',
  '/namespaces',
  '/events',
  '/limitranges',
  '/resourcequotas',
  '/secrets',
  '/serviceaccounts',
  '/configmaps',
  '/persistentvolumes',
  '/persistentvolumeclaims',
  '/componentstatuses',
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'apps/controllerrevisions',
  'batch/jobs',
  'batch/cronjobs',
  'autoscaling/horizontalpodautoscalers',
  'policy/poddisruptionbudgets',
  'rbac.authorization.k8s.io/roles',
  'rbac.authorization.k8s.io/rolebindings',
  'rbac.authorization.k8s.io/clusterroles',
  'rbac.authorization.k8s.io/clusterrolebindings',
  'networking.k8s.io/networkpolicies',
  'networking.k8s.io/ingresses',
  'networking.k8s.io/ingressclasses',
  'storage.k8s.io/storageclasses',
  'scheduling.k8s.io/priorityclasses',
  'coordination.k8s.io/leases',
  'discovery.k8s.io/endpointslices',
  'events.k8s.io/events',
];

test('registry has a printer for every built-in kind upstream prints', () => {
  const printers = builtinPrinters();
  for (const key of required) assert.ok(printers.has(key), `missing ${key}`);
});

test('every printer: first column is the name, one cell per column, even for an empty object', () => {
  const empty: KObject = { metadata: { name: 'n' } };
  for (const [key, printer] of builtinPrinters()) {
    const cells = printer.cells(empty, NOW);
    assert.equal(cells.length, printer.columns.length, key);
    if (key.endsWith('/events')) continue; // events lead with LAST SEEN, the name is the last (wide) column
    assert.equal(printer.columns[0].format, 'name', key);
    assert.equal(cells[0], 'n', key);
  }
});

test('every column has a description and a known priority', () => {
  for (const [key, printer] of builtinPrinters()) {
    for (const c of printer.columns) {
      assert.ok(c.description.length > 0, `${key} ${c.name}`);
      assert.ok(c.priority === 0 || c.priority === 1, `${key} ${c.name}`);
    }
  }
});

test('each call returns a fresh map', () => {
  assert.notEqual(builtinPrinters(), builtinPrinters());
});
