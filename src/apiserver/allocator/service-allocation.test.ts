import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import { ServiceAllocator } from './service-allocation.js';
import { isInvalid } from '../../apimachinery/errors.js';
import type { KObject, RequestContext } from '../registry/types.js';

const ctx: RequestContext = { namespace: 'default', dryRun: false, user: { name: 'u', groups: [] }, now: new Date(0) };
const svc = (spec: Record<string, unknown>): KObject => ({ metadata: { name: 's', namespace: 'default' }, spec });

test('ClusterIPs are unique under concurrent creates, never the network address or the kubernetes IP', async () => {
  const store = openSqliteStore(':memory:');
  const alloc = new ServiceAllocator(store, { serviceCIDR: '10.96.0.0/27' }); // 32 addresses
  const hooks = alloc.hooks();
  const services = Array.from({ length: 29 }, () => svc({ type: 'ClusterIP' }));
  await Promise.all(services.map((s) => hooks.beginCreate!(s, ctx)));
  const ips = services.map((s) => (s.spec as { clusterIP: string }).clusterIP);
  assert.equal(new Set(ips).size, 29);
  assert.ok(!ips.includes('10.96.0.0') && !ips.includes('10.96.0.1') && !ips.includes('10.96.0.31'));
  await assert.rejects(hooks.beginCreate!(svc({ type: 'ClusterIP' }), ctx), (e: unknown) => isInvalid(e));
  await hooks.afterDelete!(services[0]!, ctx);
  const again = svc({ type: 'ClusterIP' });
  await hooks.beginCreate!(again, ctx);
  assert.equal((again.spec as { clusterIP: string }).clusterIP, ips[0]);
  await store.close();
});

test('a requested ClusterIP outside the range or taken is refused with upstream wording', async () => {
  const store = openSqliteStore(':memory:');
  const hooks = new ServiceAllocator(store, { serviceCIDR: '10.43.0.0/16' }).hooks();
  await hooks.beginCreate!(svc({ clusterIP: '10.43.0.10' }), ctx);
  await assert.rejects(hooks.beginCreate!(svc({ clusterIP: '10.43.0.10' }), ctx), /provided IP is already allocated/);
  await assert.rejects(hooks.beginCreate!(svc({ clusterIP: '192.168.0.1' }), ctx), /provided IP is not in the valid range. The range of valid IPs is 10.43.0.0\/16/);
  await store.close();
});

test('NodePorts are allocated for NodePort services, kept on update, and released on delete', async () => {
  const store = openSqliteStore(':memory:');
  const hooks = new ServiceAllocator(store, { serviceCIDR: '10.43.0.0/16', nodePortRange: { min: 30000, max: 30001 } }).hooks();
  const a = svc({ type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] });
  await hooks.beginCreate!(a, ctx);
  const ports = (a.spec as { ports: { nodePort: number }[] }).ports.map((p) => p.nodePort).sort();
  assert.deepEqual(ports, [30000, 30001]);
  await assert.rejects(hooks.beginCreate!(svc({ type: 'NodePort', ports: [{ port: 1 }] }), ctx));
  const updated = svc({ type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] });
  await hooks.beginUpdate!(updated, a, ctx);
  assert.deepEqual((updated.spec as { ports: { nodePort: number }[] }).ports.map((p) => p.nodePort), (a.spec as { ports: { nodePort: number }[] }).ports.map((p) => p.nodePort));
  await hooks.afterDelete!(a, ctx);
  await hooks.beginCreate!(svc({ type: 'NodePort', ports: [{ port: 1 }] }), ctx);
  await store.close();
});

test('dry-run allocation persists nothing', async () => {
  const store = openSqliteStore(':memory:');
  const alloc = new ServiceAllocator(store, { serviceCIDR: '10.43.0.0/16' });
  const s = svc({ type: 'ClusterIP' });
  await alloc.hooks().beginCreate!(s, { ...ctx, dryRun: true });
  assert.match((s.spec as { clusterIP: string }).clusterIP, /^10\.43\./);
  assert.equal(await store.get('/registry/ranges/serviceips'), undefined);
  await store.close();
});

test('an update that drops NodePorts (NodePort → ClusterIP) gives them back', async () => {
  const store = openSqliteStore(':memory:');
  const hooks = new ServiceAllocator(store, { serviceCIDR: '10.43.0.0/16', nodePortRange: { min: 30000, max: 30000 } }).hooks();
  const np = svc({ type: 'NodePort', ports: [{ port: 80 }] });
  await hooks.beginCreate!(np, ctx);
  const asClusterIP = svc({ type: 'ClusterIP', clusterIP: (np.spec as { clusterIP: string }).clusterIP, ports: [{ port: 80 }] });
  await hooks.beginUpdate!(asClusterIP, np, ctx);
  assert.equal((asClusterIP.spec as { ports: { nodePort?: number }[] }).ports[0]!.nodePort, undefined);
  await hooks.afterUpdate!(asClusterIP, np, ctx);
  await hooks.beginCreate!(svc({ type: 'NodePort', ports: [{ port: 1 }] }), ctx); // the only port is free again
  await store.close();
});
