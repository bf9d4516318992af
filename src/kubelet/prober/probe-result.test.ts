import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goDuration, joinHostPort, PROBE_USER_AGENT, truncateUtf8 } from './probe-result.js';

test('goDuration prints durations as Go time.Duration.String does', () => {
  const cases: { ms: number; want: string }[] = [
    { ms: 0, want: '0s' },
    { ms: 0.5, want: '500µs' },
    { ms: 500, want: '500ms' },
    { ms: 1000, want: '1s' },
    { ms: 1500, want: '1.5s' },
    { ms: 40_000, want: '40s' },
    { ms: 80_000, want: '1m20s' },
    { ms: 160_000, want: '2m40s' },
    { ms: 300_000, want: '5m0s' },
    { ms: 3_600_000, want: '1h0m0s' },
    { ms: -2000, want: '-2s' },
  ];
  for (const c of cases) assert.equal(goDuration(c.ms), c.want, `${c.ms}ms`);
});

test('truncateUtf8 keeps at most the byte cap without splitting a character', () => {
  assert.equal(truncateUtf8('hello', 10), 'hello');
  assert.equal(truncateUtf8('hello', 3), 'hel');
  assert.equal(truncateUtf8('aé', 2), 'a');
  assert.equal(Buffer.byteLength(truncateUtf8('x'.repeat(20_000))), 10 * 1024);
});

test('joinHostPort brackets IPv6 literals', () => {
  assert.equal(joinHostPort('10.42.0.5', 80), '10.42.0.5:80');
  assert.equal(joinHostPort('::1', 8080), '[::1]:8080');
});

test('the probe User-Agent names the Kubernetes minor version', () => {
  assert.equal(PROBE_USER_AGENT, 'kube-probe/1.33');
});
