import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronScheduleError, isKnownTimeZone } from './schedule.js';

test('valid schedules parse', () => {
  for (const s of [
    '* * * * *',
    '*/5 * * * *',
    '0 0 * * 0',
    '0 9-17/2 * * MON-FRI',
    '15,45 */6 1,15 jan,jul ?',
    '0 0 1 1 *',
    '59 23 31 12 6',
    '5/15 * * * *',
    '@hourly',
    '@daily',
    '@midnight',
    '@weekly',
    '@monthly',
    '@yearly',
    '@annually',
    '@every 1h30m',
    'TZ=UTC 0 * * * *',
    'CRON_TZ=Europe/Berlin @daily',
    '  0   1 * * *  ',
  ]) {
    assert.equal(cronScheduleError(s), undefined, s);
  }
});

test('invalid schedules give robfig/cron error texts', () => {
  const cases: [string, string][] = [
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@often', 'unrecognized descriptor: @often'],
    ['@every soon', 'failed to parse duration @every soon: time: invalid duration "soon"'],
    ['TZ=Mars/Base 0 * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
  ];
  for (const [schedule, want] of cases) assert.equal(cronScheduleError(schedule), want, schedule);
});

test('time zones', () => {
  assert.equal(isKnownTimeZone('UTC'), true);
  assert.equal(isKnownTimeZone('America/New_York'), true);
  assert.equal(isKnownTimeZone('Nowhere/Else'), false);
});
