import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConfigMapKey, isRelaxedEnvVarName, isValidID, isValidPortName } from './validation-common.js';

test('isValidPortName', () => {
  const cases: [string, string[]][] = [
    ['http', []],
    ['web-8080', []],
    ['a-very-long-port-name', ['must be no more than 15 characters']],
    ['8080', ['must contain at least one letter (a-z)']],
    [
      'HTTP',
      [
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ],
    ],
    ['a--b', ['must not contain consecutive hyphens']],
    ['-a', ['must not begin or end with a hyphen']],
  ];
  for (const [name, want] of cases) assert.deepEqual(isValidPortName(name), want, name);
});

test('isConfigMapKey', () => {
  assert.deepEqual(isConfigMapKey('app.properties'), []);
  assert.deepEqual(isConfigMapKey('..data'), ["must not start with '..'"]);
  assert.deepEqual(isConfigMapKey('.'), ["must not be '.'"]);
  assert.match(
    isConfigMapKey('a/b')[0]!,
    /^a valid config key must consist of alphanumeric characters, '-', '_' or '.' \(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '\[-._a-zA-Z0-9\]\+'\)$/,
  );
});

test('isRelaxedEnvVarName and ids', () => {
  assert.deepEqual(isRelaxedEnvVarName('1-weird.NAME'), []);
  assert.deepEqual(isRelaxedEnvVarName('A=B'), [
    "a valid environment variable name must consist only of printable ASCII characters other than '='",
  ]);
  assert.deepEqual(isRelaxedEnvVarName('tab\there'), [
    "a valid environment variable name must consist only of printable ASCII characters other than '='",
  ]);
  assert.deepEqual(isValidID(0), []);
  assert.deepEqual(isValidID(-1), ['must be between 0 and 2147483647, inclusive']);
});
