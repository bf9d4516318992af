import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseGoDuration,
  parseMapFlag,
  parseThresholdConfig,
  thresholdQuantity,
  thresholdsMet,
  type EvictionFlags,
} from './thresholds.js';
import type { Observation, Signal, Threshold } from './types.js';

/** A compact view of a threshold: `signal<value grace` with the minimum reclaim when set. */
function show(t: Threshold): string {
  const v = (x: Threshold['value']) => (x.quantity ? x.quantity.text : `${Math.round((x.percentage ?? 0) * 1e4) / 100}%`);
  return `${t.signal}<${v(t.value)}${t.gracePeriodMs ? ` grace=${t.gracePeriodMs}` : ''}${t.minReclaim ? ` min=${v(t.minReclaim)}` : ''}`;
}

test('parseThresholdConfig parses the kubelet eviction flags', () => {
  const cases: { name: string; flags: EvictionFlags; want: string[] }[] = [
    {
      name: 'upstream defaults when --eviction-hard is not given',
      flags: {},
      want: ['memory.available<100Mi', 'nodefs.available<10%', 'imagefs.available<15%', 'nodefs.inodesFree<5%'],
    },
    { name: 'empty flag disables hard eviction', flags: { evictionHard: '' }, want: [] },
    {
      name: 'flag syntax with spaces and a repeated key',
      flags: { evictionHard: 'memory.available<1Gi, nodefs.available<5%,memory.available<200Mi' },
      want: ['memory.available<200Mi', 'nodefs.available<5%'],
    },
    { name: '0% and 100% are ignored', flags: { evictionHard: 'nodefs.available<0%,imagefs.available<100%' }, want: [] },
    {
      name: 'soft thresholds take their grace period; minimum reclaim attaches to both',
      flags: {
        evictionHard: 'memory.available<100Mi',
        evictionSoft: 'memory.available<300Mi',
        evictionSoftGracePeriod: 'memory.available=1m30s',
        evictionMinimumReclaim: 'memory.available=50Mi',
      },
      want: ['memory.available<100Mi min=50Mi', 'memory.available<300Mi grace=90000 min=50Mi'],
    },
  ];
  for (const tc of cases) assert.deepEqual(parseThresholdConfig(tc.flags).map(show), tc.want, tc.name);
});

test('parseThresholdConfig rejects bad syntax with an error naming the flag', () => {
  const cases: { name: string; flags: EvictionFlags; want: RegExp }[] = [
    { name: 'wrong separator', flags: { evictionHard: 'memory.available=100Mi' }, want: /: invalid argument "memory.available=100Mi" for "--eviction-hard" flag: malformed pair, expect string<string$/ },
    { name: 'unknown signal', flags: { evictionHard: 'memory.free<1Gi' }, want: /"--eviction-hard" flag: unsupported eviction signal memory.free/ },
    { name: 'bad quantity', flags: { evictionHard: 'memory.available<lots' }, want: /"--eviction-hard" flag: .*"lots"/ },
    { name: 'zero quantity', flags: { evictionHard: 'memory.available<0' }, want: /eviction threshold memory.available must be positive: 0/ },
    { name: 'percentage over 100', flags: { evictionHard: 'nodefs.available<150%' }, want: /must be <= 100%: 150%/ },
    { name: 'negative percentage', flags: { evictionHard: 'nodefs.available<-5%' }, want: /must be >= 0%: -5%/ },
    { name: 'bad percentage', flags: { evictionHard: 'nodefs.available<x%' }, want: /invalid percentage "x%"/ },
    { name: 'soft without grace', flags: { evictionSoft: 'memory.available<1Gi' }, want: /"--eviction-soft" flag: grace period must be specified for the soft eviction threshold memory.available/ },
    { name: 'bad grace', flags: { evictionSoft: 'memory.available<1Gi', evictionSoftGracePeriod: 'memory.available=soon' }, want: /"--eviction-soft-grace-period" flag: time: invalid duration "soon"/ },
    { name: 'negative grace', flags: { evictionSoft: 'memory.available<1Gi', evictionSoftGracePeriod: 'memory.available=-1s' }, want: /must be a positive value/ },
    { name: 'negative reclaim', flags: { evictionMinimumReclaim: 'memory.available=-1Mi' }, want: /"--eviction-minimum-reclaim" flag: negative eviction minimum reclaim specified for memory.available/ },
  ];
  for (const tc of cases) assert.throws(() => parseThresholdConfig(tc.flags), tc.want, tc.name);
});

test('parseMapFlag and parseGoDuration', () => {
  assert.deepEqual([...parseMapFlag('f', 'a=1,b=2,', '=')], [['a', '1'], ['b', '2']]);
  const cases: [string, number | undefined][] = [
    ['0', 0],
    ['1m30s', 90_000],
    ['300ms', 300],
    ['1.5h', 5_400_000],
    ['-1s', -1000],
    ['5', undefined],
    ['', undefined],
    ['1x', undefined],
  ];
  for (const [input, want] of cases) assert.equal(parseGoDuration(input), want, input);
});

test('thresholdsMet compares observations with quantities, percentages and minimum reclaim', () => {
  const [mem, nodefs] = parseThresholdConfig({
    evictionHard: 'memory.available<100Mi,nodefs.available<10%',
    evictionMinimumReclaim: 'memory.available=50Mi,nodefs.available=5%',
  }) as [Threshold, Threshold];
  const Mi = 1024 * 1024;
  assert.equal(thresholdQuantity(nodefs.value, 1000), 100);
  const obs = (m: number, fs: number) =>
    new Map<Signal, Observation>([
      ['memory.available', { available: m, capacity: 1000 * Mi }],
      ['nodefs.available', { available: fs, capacity: 1000 }],
    ]);
  const cases: { name: string; mem: number; fs: number; minReclaim: boolean; want: string[] }[] = [
    { name: 'both fine', mem: 500 * Mi, fs: 500, minReclaim: false, want: [] },
    { name: 'memory low', mem: 50 * Mi, fs: 500, minReclaim: false, want: ['memory.available'] },
    { name: 'exactly at the threshold is not below it', mem: 100 * Mi, fs: 100, minReclaim: false, want: [] },
    { name: 'disk low', mem: 500 * Mi, fs: 99, minReclaim: false, want: ['nodefs.available'] },
    { name: 'within minimum reclaim still counts', mem: 120 * Mi, fs: 140, minReclaim: true, want: ['memory.available', 'nodefs.available'] },
    { name: 'beyond minimum reclaim resolves', mem: 151 * Mi, fs: 151, minReclaim: true, want: [] },
  ];
  for (const tc of cases) {
    const got = thresholdsMet([mem, nodefs], obs(tc.mem, tc.fs), tc.minReclaim).map((t) => t.signal);
    assert.deepEqual(got, tc.want, tc.name);
  }
  assert.deepEqual(thresholdsMet([mem], new Map(), false), [], 'no observation, no threshold met');
});
