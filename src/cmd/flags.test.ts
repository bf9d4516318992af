import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePort, UsageError } from './flags.js';

test('parsePort takes 1-65535, and 0 only where it means any free port', () => {
  assert.equal(parsePort('port', '6443'), 6443);
  assert.equal(parsePort('kubelet-port', '0', { zeroMeansAny: true }), 0);
  const bad = [
    { value: '0', o: {}, want: /^--p "0": not a port number \(1-65535\)$/ },
    { value: '65536', o: {}, want: /not a port number \(1-65535\)/ },
    { value: 'x', o: { zeroMeansAny: true }, want: /^--p "x": not a port number \(0-65535, 0 for any free port\)$/ },
    { value: '-1', o: { zeroMeansAny: true }, want: /not a port number/ },
  ];
  for (const b of bad)
    assert.throws(() => parsePort('p', b.value, b.o), (err: unknown) => err instanceof UsageError && b.want.test(err.message), b.value);
});
