import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { PodVolumesError } from './errors.js';
import { canMount, FakeClaimLookup, FakeObjectSource, FakeTokenSource, tempDir, testPod } from './fakes.js';
import { FakeMounter, mountsUnder, SystemMounter, type Mounter } from './mounter.js';
import { standardVolumePlugins } from './standard-plugins.js';
import type { Pod } from './types.js';
import { fsUserFrom, VolumeManager } from './volume-manager.js';

const work = await tempDir();
after(async () => {
  if (canMount) {
    const sys = new SystemMounter();
    for (const m of mountsUnder(await sys.listMounts(), work.dir)) await sys.unmount(m.path);
  }
  await work.cleanup();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

let seq = 0;
/** A kubelet's worth of dependencies over one fresh root. The mounter is real when this process can mount. */
async function node(mounter: Mounter = canMount ? new SystemMounter() : new FakeMounter()) {
  const root = path.join(work.dir, `node${seq++}`);
  const hostDir = path.join(root, 'host');
  const localDisk = path.join(root, 'local-disk');
  await mkdir(localDisk, { recursive: true });
  await writeFile(path.join(localDisk, 'db'), 'rows');
  const objects = new FakeObjectSource();
  objects.configMaps.set('default/app', { data: { 'app.conf': 'v1' } });
  objects.configMaps.set('default/kube-root-ca.crt', { data: { 'ca.crt': 'CA' } });
  objects.secrets.set('default/db', { data: { password: b64('pw') } });
  const claims = new FakeClaimLookup();
  claims.bind('default', 'local-claim', { metadata: { name: 'pv-local' }, spec: { local: { path: localDisk } } });
  claims.bind('default', 'host-claim', {
    metadata: { name: 'pv-host' },
    spec: { hostPath: { path: hostDir, type: 'DirectoryOrCreate' } },
  });
  const tokens = new FakeTokenSource();
  const deps = {
    mounter,
    objects,
    tokens,
    clock: new FakeClock(Date.UTC(2026, 10, 23, 13, 2, 1)),
    nodeAllocatable: () => ({ cpu: '2', memory: '1Gi' }),
  };
  const manager = () =>
    new VolumeManager({
      kubeletRoot: root,
      plugins: new Map(standardVolumePlugins(deps).map((p) => [p.name, p])),
      mounter,
      claims,
    });
  return { root, hostDir, localDisk, objects, claims, tokens, mounter, manager };
}

function everyVolumePod(hostDir: string, uid = 'uid-all'): Pod {
  return testPod(
    {
      serviceAccountName: 'default',
      volumes: [
        { name: 'cache', emptyDir: {} },
        { name: 'mem', emptyDir: { medium: 'Memory', sizeLimit: '8Mi' } },
        { name: 'cfg', configMap: { name: 'app' } },
        { name: 'creds', secret: { secretName: 'db' } },
        { name: 'info', downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
        {
          name: 'kube-api-access',
          projected: {
            sources: [
              { serviceAccountToken: { path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            ],
          },
        },
        { name: 'host', hostPath: { path: path.join(hostDir, 'inline'), type: 'DirectoryOrCreate' } },
        { name: 'local', persistentVolumeClaim: { claimName: 'local-claim' } },
        { name: 'shared', persistentVolumeClaim: { claimName: 'host-claim', readOnly: true } },
      ],
      containers: [
        {
          name: 'app',
          env: [{ name: 'POD', value: 'web' }],
          volumeMounts: [
            { name: 'cache', mountPath: '/cache' },
            { name: 'cache', mountPath: '/logs', subPathExpr: 'logs/$(POD)' },
            { name: 'cfg', mountPath: '/etc/app' },
            { name: 'creds', mountPath: '/etc/creds', readOnly: true },
            { name: 'local', mountPath: '/var/db' },
            { name: 'shared', mountPath: '/shared' },
          ],
        },
      ],
    },
    { uid },
  );
}

async function mountCount(mounter: Mounter, dir: string): Promise<number> {
  return mountsUnder(await mounter.listMounts(), dir).length;
}

test('a pod with every volume kind mounts, refreshes, yields CRI mounts and tears down to nothing', async () => {
  const n = await node();
  const vm = n.manager();
  const pod = everyVolumePod(n.hostDir);
  const volumes = await vm.mountPodVolumes(pod);
  const podDir = vm.paths.podDir('uid-all');
  assert.deepEqual(
    [...volumes].map(([name, v]) => [name, v.pluginName, path.relative(n.root, v.hostPath), v.readOnly]),
    [
      ['cache', 'kubernetes.io/empty-dir', 'pods/uid-all/volumes/kubernetes.io~empty-dir/cache', false],
      ['mem', 'kubernetes.io/empty-dir', 'pods/uid-all/volumes/kubernetes.io~empty-dir/mem', false],
      ['cfg', 'kubernetes.io/configmap', 'pods/uid-all/volumes/kubernetes.io~configmap/cfg', true],
      ['creds', 'kubernetes.io/secret', 'pods/uid-all/volumes/kubernetes.io~secret/creds', true],
      ['info', 'kubernetes.io/downward-api', 'pods/uid-all/volumes/kubernetes.io~downward-api/info', true],
      [
        'kube-api-access',
        'kubernetes.io/projected',
        'pods/uid-all/volumes/kubernetes.io~projected/kube-api-access',
        true,
      ],
      ['host', 'kubernetes.io/host-path', 'host/inline', false],
      ['local', 'kubernetes.io/local-volume', 'pods/uid-all/volumes/kubernetes.io~local-volume/pv-local', false],
      ['shared', 'kubernetes.io/host-path', 'host', true],
    ],
  );
  assert.equal(await readFile(path.join(volumes.get('cfg')!.hostPath, 'app.conf'), 'utf8'), 'v1');
  // With the fake mounter there is no bind to read through.
  if (canMount) assert.equal(await readFile(path.join(volumes.get('local')!.hostPath, 'db'), 'utf8'), 'rows');
  assert.equal(await readFile(path.join(volumes.get('kube-api-access')!.hostPath, 'token'), 'utf8'), 'token-1');
  const mountsAfterFirst = await mountCount(n.mounter, podDir);
  assert.equal(mountsAfterFirst, 4, 'tmpfs for mem, creds, kube-api-access, and the local bind');

  // Idempotent, and a refresh carries configMap updates.
  n.objects.configMaps.set('default/app', { data: { 'app.conf': 'v2' } });
  await vm.mountPodVolumes(pod);
  assert.equal(await mountCount(n.mounter, podDir), mountsAfterFirst, 'nothing mounted twice');
  assert.equal(await readFile(path.join(volumes.get('cfg')!.hostPath, 'app.conf'), 'utf8'), 'v2');

  const cri = await vm.containerMounts(pod, pod.spec.containers![0]!);
  assert.deepEqual(
    cri.map((m) => [m.container_path, path.relative(n.root, m.host_path), m.readonly]),
    [
      ['/cache', 'pods/uid-all/volumes/kubernetes.io~empty-dir/cache', false],
      ['/logs', 'pods/uid-all/volume-subpaths/cache/app/1', false],
      ['/etc/app', 'pods/uid-all/volumes/kubernetes.io~configmap/cfg', true],
      ['/etc/creds', 'pods/uid-all/volumes/kubernetes.io~secret/creds', true],
      ['/var/db', 'pods/uid-all/volumes/kubernetes.io~local-volume/pv-local', false],
      ['/shared', 'host', true],
    ],
  );
  const usage = await vm.volumeUsage('uid-all');
  assert.deepEqual([...usage.keys()], ['cache', 'mem']);

  await vm.unmountPodVolumes('uid-all');
  assert.equal(await mountCount(n.mounter, n.root), 0, 'no mounts left');
  if (canMount) assert.ok(!(await readFile('/proc/self/mountinfo', 'utf8')).includes(n.root), 'mountinfo is clean');
  await assert.rejects(stat(podDir), /ENOENT/, 'no pod directory left');
  assert.equal(await readFile(path.join(n.localDisk, 'db'), 'utf8'), 'rows', 'the local PV keeps its data');
  assert.ok((await stat(path.join(n.hostDir, 'inline'))).isDirectory(), 'host paths stay');
  assert.deepEqual(n.tokens.forgotten, ['uid-all']);
  assert.equal(vm.getMountedVolumes('uid-all').size, 0);
  await vm.unmountPodVolumes('uid-all');
});

test('after a restart the leftovers of gone pods are found and cleaned, running pods are kept', async () => {
  const n = await node();
  const before = n.manager();
  const gone = everyVolumePod(n.hostDir, 'uid-gone');
  const running = testPod({ volumes: [{ name: 'mem', emptyDir: { medium: 'Memory' } }] }, { uid: 'uid-running' });
  await before.mountPodVolumes(gone);
  await before.containerMounts(gone, gone.spec.containers![0]!);
  await before.mountPodVolumes(running);
  // Pretend the kubelet died; a new one starts with no memory of either pod, over the same mounter.
  const after = n.manager();
  assert.deepEqual(await after.cleanupOrphanedPods(['uid-running']), ['uid-gone']);
  assert.equal(await mountCount(n.mounter, after.paths.podDir('uid-gone')), 0);
  await assert.rejects(stat(after.paths.podDir('uid-gone')), /ENOENT/);
  assert.equal(await mountCount(n.mounter, after.paths.podDir('uid-running')), 1, 'the running pod keeps its tmpfs');
  assert.deepEqual(await after.cleanupOrphanedPods(['uid-running']), [], 'idempotent');
  await after.unmountPodVolumes('uid-running');
  assert.equal(await mountCount(n.mounter, n.root), 0);
  assert.deepEqual(await readdir(after.paths.podsDir()), []);
});

test('failures are reported per volume with event reasons and messages; the rest is set up', async () => {
  const n = await node();
  const vm = n.manager();
  const notDir = path.join(n.root, 'a-file');
  await writeFile(notDir, 'x');
  n.claims.claims.set('default/pending', {
    metadata: { name: 'pending', namespace: 'default', uid: 'c1' },
    status: { phase: 'Pending' },
  });
  const pod = testPod(
    {
      volumes: [
        { name: 'ok', emptyDir: {} },
        { name: 'cfg', configMap: { name: 'x' } },
        { name: 'host', hostPath: { path: notDir, type: 'Directory' } },
        { name: 'data', persistentVolumeClaim: { claimName: 'pending' } },
        { name: 'nfs', nfs: { server: 'nfs', path: '/' } },
      ],
    },
    { uid: 'uid-bad' },
  );
  const err = await vm.mountPodVolumes(pod).then(
    () => assert.fail('should fail'),
    (e: unknown) => e as PodVolumesError,
  );
  assert.ok(err instanceof PodVolumesError);
  assert.deepEqual(
    err.errors.map((e) => [e.reason, e.eventMessage()]),
    [
      ['FailedMount', 'MountVolume.SetUp failed for volume "cfg" : configmap "x" not found'],
      [
        'FailedMount',
        `MountVolume.SetUp failed for volume "host" : hostPath type check failed: ${notDir} is not a directory`,
      ],
      ['FailedMount', 'error processing PVC default/pending: PVC is not bound'],
      ['FailedMount', 'failed to get Plugin from volumeSpec for volume "nfs" err=no volume plugin matched'],
    ],
  );
  assert.deepEqual([...vm.getMountedVolumes('uid-bad').keys()], ['ok']);
  // Once the configMap appears, a retry completes that volume too.
  n.objects.configMaps.set('default/x', { data: { k: 'v' } });
  await assert.rejects(vm.mountPodVolumes(pod), (e: PodVolumesError) => e.errors.length === 3);
  assert.deepEqual([...vm.getMountedVolumes('uid-bad').keys()], ['ok', 'cfg']);
  await vm.unmountPodVolumes('uid-bad');
  await assert.rejects(stat(vm.paths.podDir('uid-bad')), /ENOENT/);
});

test('concurrent calls for one pod are serialized', async () => {
  const mounter = new FakeMounter();
  const n = await node(mounter);
  const vm = n.manager();
  const pod = testPod(
    {
      volumes: [
        { name: 'mem', emptyDir: { medium: 'Memory' } },
        { name: 'cfg', configMap: { name: 'app' } },
      ],
    },
    { uid: 'uid-c' },
  );
  await Promise.all([
    vm.mountPodVolumes(pod),
    vm.mountPodVolumes(pod),
    vm.refreshPodVolumes(pod),
    vm.mountPodVolumes(pod),
  ]);
  assert.equal(mounter.calls.filter((c) => c.op === 'mount').length, 1, 'one tmpfs');
  await Promise.all([vm.unmountPodVolumes('uid-c'), vm.unmountPodVolumes('uid-c')]);
  assert.deepEqual(await mounter.listMounts(), []);
});

test('fsUserFrom needs one runAsUser shared by every container', () => {
  const cases = [
    {
      name: 'pod level',
      spec: { securityContext: { runAsUser: 1000 }, containers: [{ name: 'a' }, { name: 'b' }] },
      want: 1000,
    },
    {
      name: 'container overrides agree',
      spec: { containers: [{ name: 'a', securityContext: { runAsUser: 7 } }] },
      want: 7,
    },
    {
      name: 'disagree',
      spec: {
        securityContext: { runAsUser: 1 },
        containers: [{ name: 'a' }, { name: 'b', securityContext: { runAsUser: 2 } }],
      },
      want: undefined,
    },
    { name: 'unset', spec: { containers: [{ name: 'a' }] }, want: undefined },
  ];
  for (const c of cases) assert.equal(fsUserFrom(testPod(c.spec)), c.want, c.name);
});
