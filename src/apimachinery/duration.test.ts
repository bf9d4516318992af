import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, shortHumanDuration } from './duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

test('humanDuration matches upstream HumanDuration', () => {
  const cases: { ms: number; want: string }[] = [
    { ms: -2 * s, want: '<invalid>' },
    { ms: -1999, want: '0s' },
    { ms: -1 * s, want: '0s' },
    { ms: 0, want: '0s' },
    { ms: 999, want: '0s' },
    { ms: 45 * s, want: '45s' },
    { ms: 119 * s, want: '119s' },
    { ms: 2 * m, want: '2m' },
    { ms: 5 * m + 30 * s, want: '5m30s' },
    { ms: 9 * m + 59 * s, want: '9m59s' },
    { ms: 10 * m + 30 * s, want: '10m' },
    { ms: 179 * m, want: '179m' },
    { ms: 3 * h, want: '3h' },
    { ms: 5 * h + 30 * m, want: '5h30m' },
    { ms: 7 * h + 59 * m, want: '7h59m' },
    { ms: 8 * h + 59 * m, want: '8h' },
    { ms: 47 * h, want: '47h' },
    { ms: 48 * h, want: '2d' },
    { ms: 2 * d + 3 * h, want: '2d3h' },
    { ms: 7 * d + 23 * h, want: '7d23h' },
    { ms: 8 * d + 5 * h, want: '8d' },
    { ms: 729 * d, want: '729d' },
    { ms: 2 * y, want: '2y' },
    { ms: 3 * y + 45 * d, want: '3y45d' },
    { ms: 7 * y + 364 * d, want: '7y364d' },
    { ms: 8 * y + 100 * d, want: '8y' },
    { ms: 20 * y, want: '20y' },
  ];
  for (const c of cases) assert.equal(humanDuration(c.ms), c.want, `${c.ms}ms`);
});

test('shortHumanDuration matches upstream ShortHumanDuration', () => {
  const cases: { ms: number; want: string }[] = [
    { ms: -5 * s, want: '<invalid>' },
    { ms: -1500, want: '0s' },
    { ms: 45 * s, want: '45s' },
    { ms: 59 * s + 999, want: '59s' },
    { ms: 60 * s, want: '1m' },
    { ms: 5 * m + 30 * s, want: '5m' },
    { ms: 23 * h + 59 * m, want: '23h' },
    { ms: 2 * d + 3 * h, want: '2d' },
    { ms: 364 * d, want: '364d' },
    { ms: 3 * y + 45 * d, want: '3y' },
  ];
  for (const c of cases) assert.equal(shortHumanDuration(c.ms), c.want, `${c.ms}ms`);
});
