import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { criError, GrpcCode } from '../cri/errors.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { BackOff } from '../lifecycle/backoff.js';
import { FakeRecorder } from '../prober/events.js';
import { grpcErrorString, ImageManager, imagePullPolicy, pullImage } from './image-puller.js';

test('imagePullPolicy defaults like the API', () => {
  const cases = [
    { image: 'busybox', want: 'Always' },
    { image: 'busybox:latest', want: 'Always' },
    { image: 'busybox:1.36', want: 'IfNotPresent' },
    { image: '127.0.0.1:5000/x', want: 'Always' },
    { image: '127.0.0.1:5000/x:2', want: 'IfNotPresent' },
    { image: 'busybox@sha256:abc', want: 'IfNotPresent' },
  ];
  for (const c of cases) assert.equal(imagePullPolicy({ image: c.image }), c.want, c.image);
  assert.equal(imagePullPolicy({ image: 'busybox', imagePullPolicy: 'Never' }), 'Never');
});

test('pullImage per policy and presence', async () => {
  const cases = [
    { name: 'present, IfNotPresent: no pull', image: 'local:1', policy: 'IfNotPresent', wantReason: undefined, wantPulls: 0 },
    { name: 'absent, Never', image: 'other:1', policy: 'Never', wantReason: 'ErrImageNeverPull', wantPulls: 0 },
    { name: 'absent, pullable', image: 'remote:1', policy: 'IfNotPresent', wantReason: undefined, wantPulls: 1 },
    { name: 'absent, unpullable', image: 'nowhere:1', policy: 'IfNotPresent', wantReason: 'ErrImagePull', wantPulls: 1 },
    { name: 'present, Always, pull fails: local copy', image: 'local:1', policy: 'Always', wantReason: undefined, wantPulls: 1 },
  ];
  for (const c of cases) {
    const cri = new FakeCriClient();
    cri.images.add('docker.io/library/local:1');
    cri.images.addPullable('docker.io/library/remote:1');
    const got = await pullImage(cri, { image: c.image, imagePullPolicy: c.policy });
    assert.equal('reason' in got ? got.reason : undefined, c.wantReason, c.name);
    assert.equal(cri.requestsOf('PullImage').length, c.wantPulls, c.name);
  }
});

test('grpcErrorString prints a CRI failure as grpc-go does', () => {
  const cases = [
    { name: 'unknown', err: criError('PullImage', GrpcCode.UNKNOWN, 'failed to pull'), want: 'rpc error: code = Unknown desc = failed to pull' },
    { name: 'not found', err: criError('PullImage', GrpcCode.NOT_FOUND, 'no such image'), want: 'rpc error: code = NotFound desc = no such image' },
    { name: 'plain error', err: new Error('boom'), want: 'boom' },
  ];
  for (const c of cases) assert.equal(grpcErrorString(c.err), c.want, c.name);
});

test('ImageManager records Pulled for a present image and ErrImageNeverPull for a missing one', async () => {
  const cases = [
    { name: 'present, IfNotPresent', image: 'local:1', policy: 'IfNotPresent', want: ['Normal Pulled Container image "local:1" already present on machine'] },
    { name: 'absent, Never', image: 'other:1', policy: 'Never', want: ['Warning ErrImageNeverPull Container image "other:1" is not present with pull policy of Never'] },
  ];
  for (const c of cases) {
    const cri = new FakeCriClient();
    cri.images.add('docker.io/library/local:1');
    const recorder = new FakeRecorder();
    const images = new ImageManager({ cri, backOff: new BackOff({ clock: new FakeClock() }), recorder });
    const pod = { metadata: { name: 'p', namespace: 'ns', uid: 'u' }, spec: { containers: [{ name: 'c', image: c.image, imagePullPolicy: c.policy }] } };
    await images.ensureImageExists(pod, pod.spec.containers[0]!);
    assert.deepEqual(recorder.lines(), c.want, c.name);
  }
});

test('pullImage passes imagePullSecrets credentials to the runtime, each in turn', async () => {
  const cri = new FakeCriClient();
  cri.images.addPullable('127.0.0.1:5000/app:1');
  const auth = (u: string) => ({ username: u, password: 'p', auth: '', server_address: '127.0.0.1:5000', identity_token: '', registry_token: '' });
  const got = await pullImage(cri, { image: '127.0.0.1:5000/app:1' }, undefined, undefined, [auth('a'), auth('b')]);
  assert.ok(!('reason' in got));
  assert.deepEqual(cri.requestsOf('PullImage').map((r) => (r as { auth?: { username: string } | null }).auth?.username), ['a']);
  const missing = await pullImage(new FakeCriClient(), { image: '127.0.0.1:5000/none:1' }, undefined, undefined, [auth('a'), auth('b')]);
  assert.equal('reason' in missing && missing.reason, 'ErrImagePull');
  assert.match('message' in missing ? missing.message : '', /^\[.*, .*\]$/);
});
