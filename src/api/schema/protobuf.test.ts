import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchemaRegistry } from './registry.js';
import {
  ProtobufDecodeError,
  decodeK8sProtobuf,
  decodeK8sProtobufEnvelope,
  decodeProtobufMessage,
  formatGoDuration,
  formatRFC3339,
} from './protobuf.js';
import { PodPortForwardOptions } from './core-v1-options.js';
import { KUBECTL_CAPTURED_BODIES } from './testdata/kubectl-bodies.js';
import { entry, envelope, int32, message, raw, str, sub, varint, type Part } from './testdata/protobuf-builders.js';

const registry = buildSchemaRegistry();

// --- builders (testdata/protobuf-builders.ts) ---------------------------------------------------------------
/** ObjectMeta as Go writes it: every non-pointer string present, creationTimestamp an empty message. */
const objectMeta = (name: string, ...extra: Part[]): Part =>
  sub(
    1,
    str(1, name),
    str(2, ''),
    str(3, ''),
    str(4, ''),
    str(5, ''),
    str(6, ''),
    varint(7, 0),
    raw(8, new Uint8Array()),
    ...extra,
  );

const decode = (bytes: Uint8Array) => decodeK8sProtobuf(bytes, registry);

// --- tests ------------------------------------------------------------------------------------------------------

test('decodes a Namespace like the JSON kubectl 1.27 sends', () => {
  const bytes = envelope('v1', 'Namespace', message(objectMeta('foo'), sub(2), sub(3)));
  assert.deepEqual(decode(bytes), {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name: 'foo', creationTimestamp: null },
    spec: {},
    status: {},
  });
});

test('decodes ConfigMap data with map keys sorted and empty values kept', () => {
  const bytes = envelope(
    'v1',
    'ConfigMap',
    message(
      objectMeta('cm', entry(11, 'app', str(2, 'web'))),
      entry(2, 'z', str(2, 'last')),
      entry(2, 'empty', str(2, '')),
      entry(2, 'a', str(2, 'b')),
    ),
  );
  const got = decode(bytes);
  assert.deepEqual(got, {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: 'cm', creationTimestamp: null, labels: { app: 'web' } },
    data: { a: 'b', empty: '', z: 'last' },
  });
  assert.deepEqual(Object.keys(got.data as object), ['a', 'empty', 'z']);
});

test('decodes Secret bytes values as base64', () => {
  const bytes = envelope(
    'v1',
    'Secret',
    message(
      objectMeta('s'),
      entry(2, 'bin', raw(2, Uint8Array.of(0xff, 0x00, 0x10))),
      entry(2, 'text', raw(2, new TextEncoder().encode('hunter2'))),
      str(3, 'Opaque'),
      varint(5, 1),
    ),
  );
  assert.deepEqual(decode(bytes), {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name: 's', creationTimestamp: null },
    immutable: true,
    data: { bin: '/wAQ', text: 'aHVudGVyMg==' },
    type: 'Opaque',
  });
});

test('decodes a Pod with ports, quantities, int-or-string, negative int32 and unknown fields', () => {
  const quantityValue = (s: string) => sub(2, str(1, s));
  const container = sub(
    2,
    str(1, 'web'),
    str(2, 'nginx:1.27'),
    sub(6, str(1, 'http'), int32(2, 0), int32(3, 8080), str(4, 'TCP'), str(5, '')),
    sub(8, entry(1, 'cpu', quantityValue('500m')), entry(2, 'memory', quantityValue('1Gi'))),
    // livenessProbe { handler { httpGet { path, port: IntOrString{type: String, strVal} } }, periodSeconds }
    sub(10, sub(1, sub(2, str(1, '/healthz'), sub(2, varint(1, 1), int32(2, 0), str(3, 'http')))), int32(4, 10)),
    // readinessProbe { handler { tcpSocket { port: IntOrString{type: Int, intVal: 8080} } } }
    sub(11, sub(1, sub(3, sub(1, varint(1, 0), int32(2, 8080), str(3, ''))))),
    str(13, '/dev/termination-log'),
    varint(999, 7), // a field number this schema does not know: skipped
  );
  const spec = sub(2, container, str(3, 'Always'), varint(4, 30), int32(25, -5));
  const meta = objectMeta('p', str(3, 'default'));
  const created = sub(1, str(1, 'p'), str(3, 'default'), sub(8, varint(1, 1704164645), int32(2, 0)));
  const bytes = envelope('v1', 'Pod', message(meta, spec));
  assert.deepEqual(decode(bytes), {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: null },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          resources: { limits: { cpu: '500m' }, requests: { memory: '1Gi' } },
          livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
          readinessProbe: { tcpSocket: { port: 8080 } },
          terminationMessagePath: '/dev/termination-log',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      priority: -5,
    },
    status: {},
  });
  const withTime = decode(envelope('v1', 'Pod', message(created, sub(2))));
  assert.deepEqual(withTime.metadata, { name: 'p', namespace: 'default', creationTimestamp: '2024-01-02T03:04:05Z' });
  assert.deepEqual(withTime.spec, { containers: null });
});

test('decodes a SelfSubjectAccessReview with explicitly encoded empty strings', () => {
  const attrs = sub(
    1,
    str(1, 'default'),
    str(2, 'get'),
    str(3, ''),
    str(4, ''),
    str(5, 'pods'),
    str(6, ''),
    str(7, ''),
  );
  const bytes = envelope(
    'authorization.k8s.io/v1',
    'SelfSubjectAccessReview',
    message(objectMeta(''), sub(2, attrs), sub(3, varint(1, 0), str(2, ''), str(3, ''), varint(4, 0))),
  );
  assert.deepEqual(decode(bytes), {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
    status: { allowed: false },
  });
});

test('decodes embedded raw JSON (FieldsV1), microsecond times and wrapped lists (ExtraValue)', () => {
  const managed = sub(
    17,
    str(1, 'kubectl'),
    str(2, 'Apply'),
    str(3, 'v1'),
    sub(4, varint(1, 1704164645), int32(2, 0)),
    str(6, 'FieldsV1'),
    sub(7, raw(1, new TextEncoder().encode('{"f:metadata":{"f:labels":{}}}'))),
    str(8, ''),
  );
  const spec = sub(
    2,
    str(3, 'jane'),
    str(4, 'devs'),
    str(4, 'ops'),
    entry(5, 'scopes', sub(2, str(1, 'read'), str(1, 'write'))),
    entry(5, 'empty', sub(2)),
  );
  const got = decode(
    envelope('authorization.k8s.io/v1', 'SubjectAccessReview', message(objectMeta('r', managed), spec)),
  );
  assert.deepEqual(got.metadata, {
    name: 'r',
    creationTimestamp: null,
    managedFields: [
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'v1',
        time: '2024-01-02T03:04:05Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': {} } },
      },
    ],
  });
  assert.deepEqual(got.spec, {
    user: 'jane',
    groups: ['devs', 'ops'],
    extra: { empty: [], scopes: ['read', 'write'] },
  });
  assert.deepEqual(got.status, { allowed: false });
});

test('repeated scalars decode both packed and unpacked', () => {
  const unpacked = message(int32(1, 8080), int32(1, 9090));
  const packed = message((w) =>
    w
      .uint32((1 << 3) | 2)
      .fork()
      .int32(8080)
      .int32(9090)
      .ldelim(),
  );
  for (const bytes of [unpacked, packed]) {
    assert.deepEqual(decodeProtobufMessage(bytes, PodPortForwardOptions), { ports: [8080, 9090] });
  }
});

test('kubectl 1.32 protobuf bodies decode to the JSON older kubectl sends', (t) => {
  for (const body of KUBECTL_CAPTURED_BODIES) {
    const bytes = Buffer.from(body.protobufHex, 'hex');
    const env = decodeK8sProtobufEnvelope(bytes);
    if (!registry.lookup(env.apiVersion, env.kind)) {
      t.diagnostic(`skipped "${body.command}": ${env.apiVersion} ${env.kind} is not declared yet`);
      continue;
    }
    assert.equal(JSON.stringify(decode(bytes)), JSON.stringify(JSON.parse(body.json)), body.command);
  }
});

test('decode errors are typed', () => {
  const cases: { name: string; bytes: Uint8Array; code: ProtobufDecodeError['code'] }[] = [
    { name: 'no magic', bytes: Uint8Array.of(1, 2, 3, 4, 5), code: 'BadMagic' },
    { name: 'short body', bytes: Uint8Array.of(0x6b, 0x38), code: 'BadMagic' },
    { name: 'unknown kind', bytes: envelope('v1', 'Nope', new Uint8Array()), code: 'UnknownKind' },
    { name: 'unknown group', bytes: envelope('nope.io/v1', 'Pod', new Uint8Array()), code: 'UnknownKind' },
    {
      name: 'truncated object',
      bytes: envelope('v1', 'Namespace', message(objectMeta('foo')).subarray(0, 5)),
      code: 'Malformed',
    },
    { name: 'wrong wire type', bytes: envelope('v1', 'Namespace', message(varint(1, 3))), code: 'Malformed' },
    {
      name: 'content encoding',
      bytes: Uint8Array.from([
        0x6b,
        0x38,
        0x73,
        0x00,
        ...message(sub(1, str(1, 'v1'), str(2, 'Namespace')), str(3, 'gzip')),
      ]),
      code: 'UnsupportedEncoding',
    },
  ];
  for (const c of cases) {
    assert.throws(
      () => decode(c.bytes),
      (e: unknown) => e instanceof ProtobufDecodeError && e.code === c.code,
      c.name,
    );
  }
});

test('formatGoDuration matches time.Duration.String', () => {
  const cases: [bigint, string][] = [
    [0n, '0s'],
    [1n, '1ns'],
    [1500n, '1.5µs'],
    [2_000_000n, '2ms'],
    [1_500_000_000n, '1.5s'],
    [60_000_000_000n, '1m0s'],
    [3_723_000_000_000n, '1h2m3s'],
    [-90_000_000_000n, '-1m30s'],
  ];
  for (const [ns, want] of cases) assert.equal(formatGoDuration(ns), want, String(ns));
});

test('formatRFC3339 renders seconds and microseconds in UTC', () => {
  assert.equal(formatRFC3339(1704164645, 0, false), '2024-01-02T03:04:05Z');
  assert.equal(formatRFC3339(1704164645, 123456789, true), '2024-01-02T03:04:05.123456Z');
  assert.equal(formatRFC3339(0, 0, true), '1970-01-01T00:00:00.000000Z');
});
