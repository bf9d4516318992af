import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';
import { RestClient } from '../rest/rest-client.js';
import { LEASES, NAMESPACES } from '../rest/resources.js';
import { LeaderElector } from './leader-elector.js';
import { LeaseLock, type Lease } from './lease-lock.js';

let api: TestApiServer;
let client: RestClient;

before(async () => {
  api = await startTestApiServer();
  client = RestClient.fromKubeconfig(api.kubeconfig, { component: 'le-test', qps: 100, burst: 100 });
  await client.resource(NAMESPACES).create({ metadata: { name: 'le' } });
});
after(async () => {
  client?.close();
  await api?.close();
});

async function until(what: string, cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const LEASE_MS = 2000;

function elector(id: string, leading: Set<string>) {
  const ac = new AbortController();
  const e = new LeaderElector({
    lock: new LeaseLock({ leases: client.resource<Lease>(LEASES, 'le'), name: 'ctrl', identity: id }),
    leaseDurationMs: LEASE_MS,
    renewDeadlineMs: 1500,
    retryPeriodMs: 250,
    releaseOnCancel: true,
    callbacks: {
      onStartedLeading: () => void leading.add(id),
      onStoppedLeading: () => void leading.delete(id),
    },
  });
  return { id, e, ac, done: e.run(ac.signal) };
}

test('two electors on one Lease: exactly one leads; the other takes over after the first releases', async () => {
  const leading = new Set<string>();
  const a = elector('a', leading);
  const b = elector('b', leading);
  try {
    await until('a leader', () => leading.size > 0);
    // Watch for a while: never two leaders.
    const end = Date.now() + 1500;
    while (Date.now() < end) {
      assert.equal(leading.size, 1, `leaders: ${[...leading].join(',')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const [first, second] = leading.has('a') ? [a, b] : [b, a];
    const lease = await client.resource<Lease>(LEASES, 'le').get('ctrl');
    assert.equal(lease.spec?.holderIdentity, first.id);
    assert.equal(lease.spec?.leaseDurationSeconds, 2);
    assert.match(lease.spec?.renewTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    first.ac.abort();
    await first.done;
    const releasedAt = Date.now();
    await until('takeover', () => leading.has(second.id), LEASE_MS + 2000);
    assert.ok(Date.now() - releasedAt <= LEASE_MS + 1000, `took over after ${Date.now() - releasedAt} ms`);
    assert.deepEqual([...leading], [second.id]);
    const after = await client.resource<Lease>(LEASES, 'le').get('ctrl');
    assert.equal(after.spec?.holderIdentity, second.id);
    assert.equal(after.spec?.leaseTransitions, 1);
  } finally {
    a.ac.abort();
    b.ac.abort();
    await Promise.all([a.done, b.done]);
  }
});
