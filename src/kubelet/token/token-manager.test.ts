import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import type { ServiceAccountTokenRequest } from '../volumes/plugin.js';
import { TokenManager } from './token-manager.js';

const req = (uid = 'u1', audiences = ['api']): ServiceAccountTokenRequest => ({
  namespace: 'ns',
  serviceAccountName: 'sa',
  audiences,
  expirationSeconds: 3600,
  boundPod: { name: 'p', uid },
});

test('tokens are cached until 80% of their lifetime, per request, and forgotten per pod', async () => {
  const clock = new FakeClock(Date.parse('2026-11-23T00:00:00Z'));
  let n = 0;
  const asked: ServiceAccountTokenRequest[] = [];
  const m = new TokenManager({
    clock,
    request: async (r) => {
      asked.push(r);
      return { token: `t${++n}`, expirationTimestamp: new Date(clock.now() + r.expirationSeconds * 1000).toISOString() };
    },
  });
  assert.equal(await m.getToken(req()), 't1');
  assert.equal(await m.getToken(req()), 't1');
  assert.equal(await m.getToken(req('u1', ['other'])), 't2', 'other audiences: another token');
  clock.step(47 * 60_000); // 78 % of an hour
  assert.equal(await m.getToken(req()), 't1');
  clock.step(2 * 60_000); // past 80 %
  assert.equal(await m.getToken(req()), 't3');
  m.forget('u1');
  assert.equal(await m.getToken(req()), 't4');
  assert.equal(asked.length, 4);
  assert.deepEqual(asked[0]!.boundPod, { name: 'p', uid: 'u1' });
});
