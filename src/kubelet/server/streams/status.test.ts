import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notFound } from '../../../apimachinery/errors.js';
import { encodeStatusForProtocol, errorStatus, exitStatus, successStatus } from './status.js';

test('exit code 0 is Success, marshalled as the kubelet does', () => {
  assert.equal(JSON.stringify(exitStatus(0)), '{"metadata":{},"status":"Success"}');
  assert.deepEqual(successStatus(), exitStatus(0));
});

test('a non-zero exit code carries NonZeroExitCode and the code as the ExitCode cause', () => {
  const s = exitStatus(3, ['sh', '-c', 'exit 3']);
  assert.deepEqual(s, {
    metadata: {},
    status: 'Failure',
    message: 'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3',
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: '3' }] },
  });
});

test('runner errors become InternalError; StatusErrors keep their status', () => {
  const internal = errorStatus(new Error('no such container'));
  assert.equal(internal.reason, 'InternalError');
  assert.equal(internal.code, 500);
  assert.equal(internal.message, 'Internal error occurred: error executing command in container: no such container');
  assert.equal(internal.kind, undefined);
  const nf = errorStatus(notFound({ group: '', resource: 'pods' }, 'p'));
  assert.deepEqual([nf.status, nf.reason, nf.code, nf.message], ['Failure', 'NotFound', 404, 'pods "p" not found']);
});

test('each protocol version writes the status its client decodes', () => {
  const ok = successStatus();
  const bad = exitStatus(2);
  const cases: { protocol: string; status: typeof ok; want: string | undefined }[] = [
    { protocol: 'v5.channel.k8s.io', status: ok, want: JSON.stringify(ok) },
    { protocol: 'v4.channel.k8s.io', status: bad, want: JSON.stringify(bad) },
    { protocol: 'v4.base64.channel.k8s.io', status: ok, want: JSON.stringify(ok) },
    { protocol: 'v3.channel.k8s.io', status: ok, want: undefined },
    { protocol: 'v2.channel.k8s.io', status: bad, want: bad.message },
    { protocol: 'channel.k8s.io', status: bad, want: bad.message },
    { protocol: '', status: ok, want: undefined },
  ];
  for (const c of cases) assert.equal(encodeStatusForProtocol(c.protocol, c.status)?.toString(), c.want, c.protocol);
});
