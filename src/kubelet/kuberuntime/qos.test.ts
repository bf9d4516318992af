import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerOOMScoreAdjust, getPodQOS } from './qos.js';
import type { ApiContainer } from './pod-types.js';

test('getPodQOS classifies pods', () => {
  const cases: { name: string; containers: ApiContainer[]; want: string }[] = [
    { name: 'nothing set', containers: [{ name: 'a' }], want: 'BestEffort' },
    { name: 'memory limit only', containers: [{ name: 'a', resources: { limits: { memory: '32Mi' } } }], want: 'Burstable' },
    { name: 'limits equal requests', containers: [{ name: 'a', resources: { limits: { memory: '32Mi', cpu: '1' } } }], want: 'Guaranteed' },
    { name: 'requests below limits', containers: [{ name: 'a', resources: { limits: { memory: '32Mi', cpu: '1' }, requests: { cpu: '500m' } } }], want: 'Burstable' },
  ];
  for (const c of cases) assert.equal(getPodQOS({ containers: c.containers }), c.want, c.name);
});

test('containerOOMScoreAdjust follows the QoS class', () => {
  const c: ApiContainer = { name: 'a', resources: { requests: { memory: '512Mi' } } };
  assert.equal(containerOOMScoreAdjust('Guaranteed', c, 1024 ** 3), -997);
  assert.equal(containerOOMScoreAdjust('BestEffort', c, 1024 ** 3), 1000);
  assert.equal(containerOOMScoreAdjust('Burstable', c, 1024 ** 3), 500);
});
