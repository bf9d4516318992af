/**
 * Volumes that need the API, on a real node. A claim bound to a hostPath PersistentVolume is mounted and the
 * pod writes through it to the host; a claim that is not bound keeps the pod ContainerCreating with upstream's
 * FailedMount reason (no PV controller exists yet, so the test binds claim and volume itself). A projected
 * serviceAccountToken is a token the API issued for the pod.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, SERVICEACCOUNTS } from '../../client/rest/resources.js';
import type { KubeObject } from '../../client/rest/types.js';
import { eventsFor, execIn, podsIn, startRealNode, testPod, waitFor, type RealNodeFixture } from '../testing/real-node.js';

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

test('a projected serviceAccountToken is a token the API issued for this pod', async () => {
  await rn.fx.client.resource<KubeObject>(SERVICEACCOUNTS, 'default').create({ metadata: { name: 'app' } } as KubeObject);
  const pods = podsIn(rn.fx, 'default');
  await pods.create(
    testPod('tok', rn.nodeName, {
      hostNetwork: true,
      serviceAccountName: 'app',
      containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], volumeMounts: [{ name: 't', mountPath: '/var/run/t' }] }],
      volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { audience: 'api', expirationSeconds: 3600, path: 'token' } }] } }],
    } as never),
  );
  const pod = await waitFor('tok Running', async () => {
    const p = await pods.get('tok');
    return p.status?.phase === 'Running' ? p : undefined;
  }, 60_000);
  const { stdout } = await execIn(rn.node.cri, pod.status!.containerStatuses![0]!.containerID!, ['cat', '/var/run/t/token']);
  const parts = stdout.split('.');
  assert.equal(parts.length, 3, `a JWT: ${stdout}`);
  const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { aud?: string[]; sub?: string; 'kubernetes.io'?: { pod?: { name?: string; uid?: string } } };
  assert.deepEqual(claims.aud, ['api']);
  assert.equal(claims.sub, 'system:serviceaccount:default:app');
  assert.deepEqual(claims['kubernetes.io']?.pod, { name: 'tok', uid: pod.metadata.uid });
  await pods.delete('tok');
});
