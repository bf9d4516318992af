/**
 * A pod's persistentVolumeClaim on a real node: a claim bound to a hostPath PersistentVolume is mounted and
 * the pod writes through it to the host; a claim that is not bound keeps the pod ContainerCreating with
 * upstream's FailedMount reason. No PV controller exists yet, so the test binds claim and volume itself.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES } from '../../client/rest/resources.js';
import type { KubeObject } from '../../client/rest/types.js';
import { eventsFor, podsIn, startRealNode, testPod, waitFor, type RealNodeFixture } from '../testing/real-node.js';

let rn: RealNodeFixture;
before(async () => {
  rn = await startRealNode({ podCIDR: '10.244.225.0/24', prefix: 'pvc' });
});
after(async () => {
  await rn?.close();
});

interface Claim extends KubeObject {
  spec?: Record<string, unknown>;
  status?: { phase?: string };
}

test('a claim bound to a hostPath volume is mounted; an unbound one fails with FailedMount', async () => {
  const claims = rn.fx.client.resource<Claim>(PERSISTENTVOLUMECLAIMS, 'default');
  const volumes = rn.fx.client.resource<Claim>(PERSISTENTVOLUMES);
  const hostDir = join(rn.dir, 'pv-data');
  await mkdir(hostDir, { recursive: true });
  const claimSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };
  const pvc = await claims.create({ metadata: { name: 'data' }, spec: { ...claimSpec, volumeName: 'pv-data' } } as Claim);
  await claims.update({ ...pvc, status: { phase: 'Bound' } }, { subresource: 'status' });
  await volumes.create({
    metadata: { name: 'pv-data' },
    spec: {
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      hostPath: { path: hostDir, type: 'Directory' },
      claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: 'default', name: 'data', uid: pvc.metadata?.uid },
    },
  } as Claim);
  await claims.create({ metadata: { name: 'unbound' }, spec: claimSpec } as Claim);

  const pods = podsIn(rn.fx, 'default');
  const mount = (claimName: string) => ({
    hostNetwork: true,
    containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo from-pod >/data/f && sleep 3600'], volumeMounts: [{ name: 'd', mountPath: '/data' }] }],
    volumes: [{ name: 'd', persistentVolumeClaim: { claimName } }],
  });
  await pods.create(testPod('writer', rn.nodeName, mount('data') as never));
  await pods.create(testPod('waiter', rn.nodeName, mount('unbound') as never));

  await waitFor('the pod wrote through the claim', async () => ((await readFile(join(hostDir, 'f'), 'utf8').catch(() => '')) === 'from-pod\n' ? true : undefined), 60_000);
  assert.equal((await pods.get('writer')).status?.phase, 'Running');

  const events = await waitFor('FailedMount for the unbound claim', async () => {
    const evs = (await eventsFor(rn.fx, 'default', 'waiter')).filter((e) => e.reason === 'FailedMount');
    return evs.length ? evs : undefined;
  }, 60_000);
  assert.match(events[0]!.message, /error processing PVC default\/unbound: PVC is not bound/);
  const waiter = await pods.get('waiter');
  assert.equal(waiter.status?.containerStatuses?.[0]?.state?.waiting?.reason, 'ContainerCreating');

  await pods.delete('writer');
  await pods.delete('waiter');
  await waitFor('pods gone', async () => ((await pods.list()).items.length === 0 ? true : undefined), 30_000);
});
