import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../util/clock.js';
import { silentLogger } from '../util/log.js';
import { EVENTS } from '../client/rest/resources.js';
import { ApiEventRecorder } from './event-recorder.js';
import { startApiFixture, type ApiFixture } from './node/test-helpers.js';

let fx: ApiFixture;
before(async () => {
  fx = await startApiFixture();
});
after(async () => {
  await fx.close();
});

test('events are created once and repeats bump count', async () => {
  const r = new ApiEventRecorder({ client: fx.client, nodeName: 'n1', clock: new FakeClock(), logger: silentLogger });
  const ref = { kind: 'Pod' as const, apiVersion: 'v1' as const, namespace: 'default', name: 'live', uid: 'u1', fieldPath: 'spec.containers{c}' };
  r.event(ref, 'Warning', 'Unhealthy', 'Liveness probe failed');
  r.event(ref, 'Warning', 'Unhealthy', 'Liveness probe failed');
  r.event(ref, 'Normal', 'Killing', 'Stopping container c');
  await r.flush();
  const items = (await fx.client.resource<{ metadata?: { name?: string }; reason: string; count: number; source: { component: string } }>(EVENTS, 'default').list()).items;
  const byReason = Object.fromEntries(items.map((e) => [e.reason, e.count]));
  assert.deepEqual(byReason, { Unhealthy: 2, Killing: 1 });
  assert.equal(items[0]!.source.component, 'kubelet');
});
