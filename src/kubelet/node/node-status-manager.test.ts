import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { settle } from '../../testing/wait-for.js';
import { silentLogger } from '../../util/log.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { canonicalJSON, NodeStatusManager } from './node-status-manager.js';
import { startApiFixture, testMachine, type ApiFixture } from './test-helpers.js';

let fx: ApiFixture;
before(async () => {
  fx = await startApiFixture();
});
after(async () => {
  await fx.close();
});

function manager(name: string, clock: FakeClock, cri = new FakeCriClient()) {
  return new NodeStatusManager({
    nodes: fx.nodes,
    runtime: cri,
    identity: { nodeName: name, hostname: name, nodeIP: '10.1.2.3' },
    machine: testMachine,
    clock,
    logger: silentLogger,
  });
}

test('registerNode creates the node with labels and no status', async () => {
  const m = manager('reg-1', new FakeClock());
  const node = await m.registerNode();
  assert.equal(node.metadata.labels?.['kubernetes.io/hostname'], 'reg-1');
  assert.ok(m.uid());
});

test('registerNode adopts an existing node and restores its labels', async () => {
  await fx.nodes.create({ metadata: { name: 'reg-2', labels: { keep: 'me', 'kubernetes.io/os': 'windows' } }, spec: { podCIDR: '10.244.7.0/24' } });
  const m = manager('reg-2', new FakeClock());
  const node = await m.registerNode();
  assert.equal(node.metadata.labels?.keep, 'me');
  assert.equal(node.metadata.labels?.['kubernetes.io/os'], 'linux');
  assert.equal(m.podCIDR(), '10.244.7.0/24');
});

test('syncNodeStatus reports Ready with capacity, nodeInfo and addresses', async () => {
  const clock = new FakeClock();
  const m = manager('st-1', clock);
  await m.registerNode();
  assert.equal(await m.syncNodeStatus(), true);
  const node = await fx.nodes.get('st-1');
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  assert.equal(ready?.status, 'True');
  assert.equal(node.status?.capacity?.pods, '110');
  assert.equal(node.status?.nodeInfo?.kubeletVersion, 'v1.33.0-k8ts');
  assert.equal(node.status?.nodeInfo?.containerRuntimeVersion, 'fake://0.0.0');
  assert.deepEqual(node.status?.addresses?.[0], { type: 'InternalIP', address: '10.1.2.3' });
});

test('syncNodeStatus skips unchanged status until the report frequency passes', async () => {
  const clock = new FakeClock();
  const cri = new FakeCriClient();
  const m = manager('st-2', clock, cri);
  await m.registerNode();
  const cases = [
    { name: 'first report', advanceMs: 0, networkReady: true, want: true },
    { name: 'nothing changed 10s later', advanceMs: 10_000, networkReady: true, want: false },
    { name: 'network went down', advanceMs: 10_000, networkReady: false, want: true },
    { name: 'steady again', advanceMs: 10_000, networkReady: false, want: false },
    { name: 'report frequency passed', advanceMs: 5 * 60_000, networkReady: false, want: true },
  ];
  for (const c of cases) {
    clock.step(c.advanceMs);
    cri.networkReady = c.networkReady;
    assert.equal(await m.syncNodeStatus(), c.want, c.name);
  }
  const ready = (await fx.nodes.get('st-2')).status?.conditions?.find((c) => c.type === 'Ready');
  assert.equal(ready?.status, 'False');
  assert.match(ready?.message ?? '', /network not ready/);
});

test('syncNodeStatus reports NotReady when the runtime is down', async () => {
  const cri = new FakeCriClient();
  cri.injectError('Status', 14);
  const m = manager('st-3', new FakeClock(), cri);
  await m.registerNode();
  await m.syncNodeStatus();
  const ready = (await fx.nodes.get('st-3')).status?.conditions?.find((c) => c.type === 'Ready');
  assert.equal(ready?.status, 'False');
  assert.match(ready?.message ?? '', /container runtime is down/);
});

test('syncNodeStatus re-registers a node deleted under it', async () => {
  const m = manager('st-4', new FakeClock());
  await m.registerNode();
  await fx.nodes.delete('st-4');
  assert.equal(await m.syncNodeStatus(), true);
  assert.equal((await fx.nodes.get('st-4')).status?.conditions?.length, 4);
});

test('run registers and reports on the clock, and stops on abort', async () => {
  const clock = new FakeClock();
  const m = manager('run-1', clock);
  const ac = new AbortController();
  const done = m.run(ac.signal);
  await settle('the node to register', async () => (await fx.nodes.get('run-1').catch(() => undefined))?.status?.conditions !== undefined);
  const first = (await fx.nodes.get('run-1')).status?.conditions?.[0]?.lastHeartbeatTime;
  assert.ok(first);
  await settle('the next status timer', () => clock.pendingTimers() > 0);
  clock.step(5 * 60_000);
  await settle('a new heartbeat', async () => (await fx.nodes.get('run-1')).status?.conditions?.[0]?.lastHeartbeatTime !== first);
  assert.notEqual((await fx.nodes.get('run-1')).status?.conditions?.[0]?.lastHeartbeatTime, first);
  ac.abort();
  await done;
});

test('canonicalJSON ignores key order', () => {
  assert.equal(canonicalJSON({ a: 1, b: { d: 2, c: [3, { f: 1, e: 2 }] } }), canonicalJSON({ b: { c: [3, { e: 2, f: 1 }], d: 2 }, a: 1 }));
});
