import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateMessage, asVolumeError, PodVolumesError, stampVolumeError, VolumeError } from './errors.js';

test('eventMessage reads as upstream events for each operation', () => {
  const cases: { name: string; err: VolumeError; reason: string; want: string }[] = [
    {
      name: 'setUp of a configMap volume',
      err: new VolumeError('ObjectNotFound', 'configmap "x" not found', { volumeName: 'cfg', operation: 'setUp' }),
      reason: 'FailedMount',
      want: 'MountVolume.SetUp failed for volume "cfg" : configmap "x" not found',
    },
    {
      name: 'teardown',
      err: new VolumeError('Mount', 'umount failed', { volumeName: 'data', operation: 'tearDown' }),
      reason: 'FailedUnMount',
      want: 'UnmountVolume.TearDown failed for volume "data" : umount failed',
    },
    {
      name: 'claim processing is the bare message',
      err: new VolumeError('ClaimNotReady', 'error processing PVC default/data: PVC is not bound', {
        volumeName: 'data',
        operation: 'process',
      }),
      reason: 'FailedMount',
      want: 'error processing PVC default/data: PVC is not bound',
    },
    {
      name: 'explicit reason wins',
      err: new VolumeError('Internal', 'boom', { reason: 'FailedAttachVolume', operation: 'setUp', volumeName: 'v' }),
      reason: 'FailedAttachVolume',
      want: 'MountVolume.SetUp failed for volume "v" : boom',
    },
  ];
  for (const c of cases) {
    assert.equal(c.err.eventMessage(), c.want, c.name);
    assert.equal(c.err.reason, c.reason, c.name);
    assert.equal(c.err.name, 'VolumeError', c.name);
  }
});

test('stampVolumeError fills only what is missing and wraps foreign errors', () => {
  const own = new VolumeError('KeyNotFound', 'k', { volumeName: 'pv-1' });
  const stamped = stampVolumeError(own, 'data', 'setUp');
  assert.equal(stamped, own);
  assert.equal(stamped.volumeName, 'pv-1', 'a name the plugin set is kept');
  assert.equal(stamped.operation, 'setUp');
  const foreign = stampVolumeError(new Error('EACCES: nope'), 'v', 'tearDown');
  assert.equal(foreign.code, 'Internal');
  assert.equal(foreign.reason, 'FailedUnMount');
  assert.ok(foreign.cause instanceof Error);
  assert.equal(asVolumeError('text').message, 'text');
});

test('aggregateMessage and PodVolumesError list every failure', () => {
  assert.equal(aggregateMessage(['a']), 'a');
  assert.equal(aggregateMessage(['a', 'b']), '[a, b]');
  const e = new PodVolumesError('default/web (u1)', [
    new VolumeError('ObjectNotFound', 'configmap "x" not found', { volumeName: 'cfg' }),
    new VolumeError('HostPathType', 'hostPath type check failed: /x is not a directory', { volumeName: 'host' }),
  ]);
  assert.equal(e.errors.length, 2);
  assert.match(e.message, /volumes=\[cfg host\]/);
  assert.equal(e.name, 'PodVolumesError');
});
