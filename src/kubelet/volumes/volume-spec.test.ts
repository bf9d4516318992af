import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notFound } from '../../apimachinery/errors.js';
import { FakeClaimLookup, testPod } from './fakes.js';
import type { PersistentVolume, PersistentVolumeClaim } from './types.js';
import { resolveVolumeSpec, type PersistentVolumeLookup } from './volume-spec.js';

const pv: PersistentVolume = { metadata: { name: 'pv-data' }, spec: { hostPath: { path: '/srv/data' } } };

test('inline volumes resolve to themselves', async () => {
  const volume = { name: 'cache', emptyDir: {} };
  assert.deepEqual(await resolveVolumeSpec(testPod({}), volume, undefined), {
    name: 'cache',
    podVolumeName: 'cache',
    volume,
    readOnly: false,
  });
});

test('a bound claim resolves to its PV, named after the PV, read-only as the claim says', async () => {
  const claims = new FakeClaimLookup();
  claims.bind('default', 'data', pv);
  const spec = await resolveVolumeSpec(
    testPod({}),
    { name: 'vol', persistentVolumeClaim: { claimName: 'data', readOnly: true } },
    claims,
  );
  assert.equal(spec.name, 'pv-data');
  assert.equal(spec.podVolumeName, 'vol');
  assert.equal(spec.readOnly, true);
  assert.equal(spec.persistentVolume?.spec?.hostPath?.path, '/srv/data');
  assert.deepEqual(claims.calls, ['pvc default/data', 'pv pv-data']);
});

test('claim problems fail with upstream messages', async () => {
  type Mutate = (c: FakeClaimLookup) => void;
  const claim = (c: FakeClaimLookup) =>
    c.claims.get('default/data')! as { -readonly [K in keyof PersistentVolumeClaim]: PersistentVolumeClaim[K] };
  const cases: { name: string; mutate: Mutate; want: string }[] = [
    {
      name: 'no claim',
      mutate: (c) => c.claims.clear(),
      want: 'failed to fetch PVC from API server: persistentvolumeclaims "data" not found',
    },
    {
      name: 'being deleted',
      mutate: (c) => (claim(c).metadata = { ...claim(c).metadata, deletionTimestamp: '2026-01-01T00:00:00Z' }),
      want: 'PVC is being deleted',
    },
    { name: 'pending', mutate: (c) => (claim(c).status = { phase: 'Pending' }), want: 'PVC is not bound' },
    { name: 'no volume name', mutate: (c) => (claim(c).spec = {}), want: 'PVC has empty pvc.Spec.VolumeName' },
    {
      name: 'no pv',
      mutate: (c) => c.volumes.clear(),
      want: 'failed to fetch PV pv-data from API server: persistentvolumes "pv-data" not found',
    },
    {
      name: 'pv not bound back',
      mutate: (c) => c.volumes.set('pv-data', pv),
      want: 'found PV object pv-data but it has a nil pv.Spec.ClaimRef indicating it is not yet bound to the claim',
    },
    {
      name: 'pv bound elsewhere',
      mutate: (c) => c.volumes.set('pv-data', { ...pv, spec: { ...pv.spec, claimRef: { uid: 'other' } } }),
      want: 'found PV object pv-data but its pv.Spec.ClaimRef.UID other does not point to claim.UID uid-data',
    },
  ];
  for (const c of cases) {
    const claims = new FakeClaimLookup();
    claims.bind('default', 'data', pv);
    c.mutate(claims);
    await assert.rejects(
      resolveVolumeSpec(testPod({}), { name: 'vol', persistentVolumeClaim: { claimName: 'data' } }, claims),
      (err: { code: string; message: string; operation: string; volumeName: string }) => {
        assert.equal(err.code, 'ClaimNotReady', c.name);
        assert.equal(err.message, `error processing PVC default/data: ${c.want}`, c.name);
        assert.equal(err.operation, 'process');
        assert.equal(err.volumeName, 'vol');
        return true;
      },
    );
  }
  const throwing: PersistentVolumeLookup = {
    getPersistentVolumeClaim: async () => {
      throw notFound({ group: '', resource: 'persistentvolumeclaims' }, 'data');
    },
    getPersistentVolume: async () => undefined,
  };
  await assert.rejects(
    resolveVolumeSpec(testPod({}), { name: 'v', persistentVolumeClaim: { claimName: 'data' } }, throwing),
    {
      message:
        'error processing PVC default/data: failed to fetch PVC from API server: persistentvolumeclaims "data" not found',
    },
  );
});

test('generic ephemeral volumes use <pod>-<volume> claims owned by the pod', async () => {
  const claims = new FakeClaimLookup();
  claims.bind('default', 'web-scratch', pv);
  const pod = testPod({}, { uid: 'pod-1' });
  const volume = { name: 'scratch', ephemeral: { volumeClaimTemplate: {} } };
  await assert.rejects(resolveVolumeSpec(pod, volume, claims), {
    message:
      'error processing PVC default/web-scratch: PVC default/web-scratch was not created for pod default/web (pod is not owner)',
  });
  const c = claims.claims.get('default/web-scratch')!;
  claims.claims.set('default/web-scratch', {
    ...c,
    metadata: { ...c.metadata, ownerReferences: [{ uid: 'pod-1', controller: true }] },
  });
  assert.equal((await resolveVolumeSpec(pod, volume, claims)).name, 'pv-data');
});
