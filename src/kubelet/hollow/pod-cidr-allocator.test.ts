import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodCIDRAllocator } from './pod-cidr-allocator.js';

test('PodCIDRAllocator hands out host addresses round-robin, releases them, and fails when full or unassigned', () => {
  let cidr = '';
  const a = new PodCIDRAllocator(() => cidr);
  assert.throws(() => a.allocate('s0'), /no podCIDR/);
  cidr = '10.1.2.0/29'; // .0 network, .1 gateway, .7 broadcast: .2-.6 for pods
  const got = ['s1', 's2', 's3', 's4', 's5'].map((id) => a.allocate(id));
  assert.deepEqual(got, ['10.1.2.2', '10.1.2.3', '10.1.2.4', '10.1.2.5', '10.1.2.6']);
  assert.throws(() => a.allocate('s6'), /no IP addresses left/);
  a.release('s2');
  a.release('s2');
  a.release('unknown');
  assert.equal(a.inUse(), 4);
  assert.equal(a.allocate('s7'), '10.1.2.3');
  a.release('s3'); // 10.1.2.4
  a.release('s1'); // 10.1.2.2
  assert.equal(a.allocate('s8'), '10.1.2.4', 'round-robin continues after the last address given');
});
