import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notFound } from '../../apimachinery/errors.js';
import type { FileProjection } from './atomic-writer.js';
import { FakeObjectSource } from './fakes.js';
import { configMapPayload, fetchConfigMap, fetchSecret, mergePayloads, secretPayload } from './key-to-path.js';

function flat(p: Map<string, FileProjection>): Record<string, [string, string]> {
  return Object.fromEntries(
    [...p].map(([k, v]) => [k, [Buffer.from(v.data as string | Uint8Array).toString('utf8'), v.mode.toString(8)]]),
  );
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('configMapPayload projects keys, items, modes and binaryData', () => {
  const cm = { data: { a: 'A', b: 'B' }, binaryData: { bin: b64('BIN') } };
  const cases = [
    {
      name: 'all keys',
      items: undefined,
      optional: false,
      want: { a: ['A', '644'], b: ['B', '644'], bin: ['BIN', '644'] },
    },
    {
      name: 'items with and without mode',
      items: [
        { key: 'a', path: 'x/a.txt', mode: 0o400 },
        { key: 'bin', path: 'bin' },
      ],
      optional: false,
      want: { 'x/a.txt': ['A', '400'], bin: ['BIN', '644'] },
    },
    { name: 'optional skips missing keys', items: [{ key: 'nope', path: 'n' }], optional: true, want: {} },
  ];
  for (const c of cases) assert.deepEqual(flat(configMapPayload(c.items, cm, 0o644, c.optional)), c.want, c.name);
  assert.throws(() => configMapPayload([{ key: 'missing-key', path: 'p' }], cm, 0o644, false), {
    code: 'KeyNotFound',
    message: 'configmap references non-existent config key: missing-key',
  });
});

test('secretPayload decodes base64 and reports missing keys as upstream', () => {
  const secret = { data: { user: b64('admin'), pass: b64('s3cret') } };
  assert.deepEqual(flat(secretPayload(undefined, secret, 0o400, false)), {
    user: ['admin', '400'],
    pass: ['s3cret', '400'],
  });
  assert.deepEqual(flat(secretPayload([{ key: 'pass', path: 'p' }], secret, 0o644, false)), { p: ['s3cret', '644'] });
  assert.throws(() => secretPayload([{ key: 'token', path: 't' }], secret, 0o644, false), {
    code: 'KeyNotFound',
    message: 'references non-existent secret key: token',
  });
  assert.deepEqual(
    flat(
      mergePayloads([
        secretPayload(undefined, { data: { a: b64('1') } }, 0o644, false),
        new Map([['a', { data: '2', mode: 0o600 }]]),
      ]),
    ),
    {
      a: ['2', '600'],
    },
  );
});

test('fetching: missing objects fail unless optional, NotFound errors count as missing', async () => {
  const objects = new FakeObjectSource();
  objects.configMaps.set('ns/cm', { data: { k: 'v' } });
  assert.deepEqual(await fetchConfigMap(objects, 'ns', 'cm', false), { data: { k: 'v' } });
  await assert.rejects(fetchConfigMap(objects, 'ns', 'x', false), {
    code: 'ObjectNotFound',
    message: 'configmap "x" not found',
  });
  await assert.rejects(fetchSecret(objects, 'ns', 'x', false), {
    code: 'ObjectNotFound',
    message: 'secret "x" not found',
  });
  assert.deepEqual(await fetchConfigMap(objects, 'ns', 'x', true), {});
  assert.deepEqual(objects.calls, ['configmap ns/cm', 'configmap ns/x', 'secret ns/x', 'configmap ns/x']);

  const throwing = {
    getConfigMap: async () => {
      throw notFound({ group: '', resource: 'configmaps' }, 'x');
    },
    getSecret: async () => {
      throw new Error('connection refused');
    },
  };
  await assert.rejects(fetchConfigMap(throwing, 'ns', 'x', false), { code: 'ObjectNotFound' });
  assert.deepEqual(await fetchConfigMap(throwing, 'ns', 'x', true), {});
  await assert.rejects(fetchSecret(throwing, 'ns', 'x', true), { code: 'ObjectLookup', message: 'connection refused' });
});
