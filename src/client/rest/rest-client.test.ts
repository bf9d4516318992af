import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTooManyRequests } from '../../apimachinery/errors.js';
import { FakeClock } from '../../util/clock.js';
import { flush } from '../testing/flush.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { RestClient } from './rest-client.js';
import { CONFIGMAPS } from './resources.js';

const tooMany = {
  status: 429,
  headers: { 'Retry-After': '2' },
  body: { kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'TooManyRequests', code: 429 },
};

test('429 with Retry-After is retried after the delay the server asked for', async () => {
  const clock = new FakeClock(0);
  const transport = new FakeTransport((_r, call) =>
    call < 2 ? tooMany : { status: 200, body: { metadata: { name: 'a' } } },
  );
  const c = new RestClient({ config: { server: 'http://x', qps: Infinity }, component: 't', transport, clock });
  let result: unknown;
  const p = c
    .resource(CONFIGMAPS, 'n')
    .get('a')
    .then((r) => (result = r));
  await flush();
  assert.equal(transport.requests.length, 1);
  clock.step(1999);
  await flush();
  assert.equal(transport.requests.length, 1);
  clock.step(1);
  await flush();
  assert.equal(transport.requests.length, 2);
  clock.step(2000);
  await p;
  assert.deepEqual(result, { metadata: { name: 'a' } });
  assert.equal(transport.requests.length, 3);
});

test('retries stop after maxRetries, and responses without Retry-After are not retried', async () => {
  const cases: {
    name: string;
    reply: typeof tooMany | { status: number; body: unknown };
    maxRetries: number;
    wantRequests: number;
  }[] = [
    { name: 'gives up after maxRetries', reply: tooMany, maxRetries: 2, wantRequests: 3 },
    { name: '429 without Retry-After', reply: { status: 429, body: '' }, maxRetries: 10, wantRequests: 1 },
  ];
  for (const tc of cases) {
    const clock = new FakeClock(0);
    const transport = new FakeTransport(() => tc.reply);
    const c = new RestClient({
      config: { server: 'http://x', qps: Infinity },
      component: 't',
      transport,
      clock,
      maxRetries: tc.maxRetries,
    });
    const p = c.resource(CONFIGMAPS, 'n').get('a');
    const caught = p.then(
      () => undefined,
      (e: unknown) => e,
    );
    for (let i = 0; i < 5; i++) {
      await flush();
      clock.step(2000);
    }
    const err = await caught;
    assert.ok(isTooManyRequests(err), tc.name);
    assert.equal(transport.requests.length, tc.wantRequests, tc.name);
  }
});

test('client-side rate limit: requests beyond the burst wait for tokens on the clock', async () => {
  const clock = new FakeClock(0);
  const transport = new FakeTransport();
  const c = new RestClient({ config: { server: 'http://x', qps: 2, burst: 2 }, component: 't', transport, clock });
  const cms = c.resource(CONFIGMAPS, 'n');
  const all = Promise.all([cms.get('a'), cms.get('b'), cms.get('c'), cms.get('d')]);
  await flush();
  assert.equal(transport.requests.length, 2);
  clock.step(500);
  await flush();
  assert.equal(transport.requests.length, 3);
  clock.step(500);
  await all;
  assert.deepEqual(
    transport.requests.map((r) => r.path.split('/').at(-1)),
    ['a', 'b', 'c', 'd'],
  );
});
