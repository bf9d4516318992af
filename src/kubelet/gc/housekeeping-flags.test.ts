import { test } from 'node:test';
import assert from 'node:assert/strict';
import { housekeepingConfigFromFlags, housekeepingFlagOptions, housekeepingUsage, type HousekeepingFlagName } from './housekeeping-flags.js';

test('housekeeping flags default to upstream values', () => {
  const c = housekeepingConfigFromFlags({});
  assert.deepEqual(c.thresholds.map((t) => t.signal), ['memory.available', 'nodefs.available', 'imagefs.available', 'nodefs.inodesFree']);
  assert.deepEqual(c.imageGC, { highThresholdPercent: 85, lowThresholdPercent: 80, minAgeMs: 120_000, maxAgeMs: 0 });
  assert.deepEqual(c.containerGC, { maxPerPodContainer: 1, maxContainers: -1, minAgeMs: 0 });
  assert.equal(c.pressureTransitionPeriodMs, 300_000);
  assert.equal(c.maxPodGracePeriodSeconds, 0);
  assert.equal(c.nodeStatusMaxImages, 50);
  // Every flag has a usage line.
  for (const flag of Object.keys(housekeepingFlagOptions)) assert.ok(housekeepingUsage.includes(`--${flag} `), flag);
});

test('housekeeping flags parse given values', () => {
  const c = housekeepingConfigFromFlags({
    'eviction-hard': 'memory.available<1Gi',
    'eviction-pressure-transition-period': '30s',
    'eviction-max-pod-grace-period': '10',
    'image-gc-high-threshold': '90',
    'image-gc-low-threshold': '70',
    'minimum-image-gc-age': '1m',
    'image-maximum-gc-age': '24h',
    'maximum-dead-containers-per-container': '2',
    'maximum-dead-containers': '100',
    'minimum-container-ttl-duration': '1m',
    'node-status-max-images': '-1',
  });
  assert.deepEqual(c.thresholds.map((t) => t.value.quantity?.text), ['1Gi']);
  assert.equal(c.pressureTransitionPeriodMs, 30_000);
  assert.equal(c.maxPodGracePeriodSeconds, 10);
  assert.deepEqual(c.imageGC, { highThresholdPercent: 90, lowThresholdPercent: 70, minAgeMs: 60_000, maxAgeMs: 86_400_000 });
  assert.deepEqual(c.containerGC, { maxPerPodContainer: 2, maxContainers: 100, minAgeMs: 60_000 });
  assert.equal(c.nodeStatusMaxImages, -1);
});

test('housekeeping flag errors name the flag', () => {
  const cases: { values: Partial<Record<HousekeepingFlagName, string>>; want: RegExp }[] = [
    { values: { 'eviction-hard': 'memory.available=1Gi' }, want: /"--eviction-hard" flag: malformed pair/ },
    { values: { 'image-gc-high-threshold': 'lots' }, want: /"--image-gc-high-threshold" flag: must be a non-negative integer/ },
    { values: { 'image-gc-high-threshold': '101' }, want: /--image-gc-high-threshold 101, must be in range \[0-100\]/ },
    { values: { 'image-gc-low-threshold': '90' }, want: /--image-gc-low-threshold 90 can not be higher than --image-gc-high-threshold 85/ },
    { values: { 'minimum-image-gc-age': '2 minutes' }, want: /"--minimum-image-gc-age" flag: time: invalid duration/ },
    { values: { 'eviction-pressure-transition-period': '-1s' }, want: /"--eviction-pressure-transition-period" flag: must not be negative/ },
    { values: { 'maximum-dead-containers': '-2' }, want: /"--maximum-dead-containers" flag: must be an integer >= -1/ },
    { values: { 'eviction-max-pod-grace-period': '1.5' }, want: /"--eviction-max-pod-grace-period" flag/ },
  ];
  for (const tc of cases) assert.throws(() => housekeepingConfigFromFlags(tc.values), tc.want, JSON.stringify(tc.values));
});
