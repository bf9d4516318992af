/**
 * Static pods on a real node (containerd, CNI bridge networking): a manifest's pod runs with an IP from the
 * node's podCIDR and serves HTTP, is mirrored in the API with its status, survives the deletion of its mirror
 * pod, restarts with a new container on an edit, and is removed with its mirror when the manifest goes.
 *
 * startNode (setup.ts) does not forward `staticPodPath` to the Kubelet yet, so this test assembles the same
 * pieces itself: containerd with the local images, the volume manager, and a Kubelet with a manifest dir.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { realClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { PODS } from '../../client/rest/resources.js';
import { apiObjectSources } from '../api-sources.js';
import { cniNames } from '../cni/conflist.js';
import { killShims, removeCgroups, unmountUnder } from '../containerd/cleanup.js';
import { startContainerd, type ContainerdHandle } from '../containerd/supervisor.js';
import { buildLocalImages } from '../images/catalog.js';
import { importArchive } from '../images/import.js';
import { Kubelet } from '../kubelet.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { readMachineInfo } from '../node/machine-info.js';
import { startApiFixture, type ApiFixture } from '../node/test-helpers.js';
import { waitFor } from '../testing/real-node.js';
import { SystemMounter } from '../volumes/mounter.js';
import { VolumePluginRegistry } from '../volumes/plugin.js';
import { standardVolumePlugins } from '../volumes/standard-plugins.js';
import { VolumeManager } from '../volumes/volume-manager.js';
import { CONFIG_MIRROR_ANNOTATION } from './static-pod.js';

const POD_CIDR = '10.244.231.0/24';
const nodeName = `kstatic-${randomBytes(3).toString('hex')}`;
const cgroupRoot = `/k8ts-${nodeName}`;
let dir: string;
let manifests: string;
let fx: ApiFixture | undefined;
let containerd: ContainerdHandle | undefined;
const ac = new AbortController();
let running: Promise<void> | undefined;

before(async () => {
  dir = await mkdtemp('/tmp/k8ts-kstatic-');
  manifests = join(dir, 'manifests');
  await mkdir(manifests);
  fx = await startApiFixture();
  await fx.nodes.create({ metadata: { name: nodeName }, spec: { podCIDR: POD_CIDR } });
  const ctd = join(dir, 'ctd');
  const cniConfDir = join(ctd, 'cni', 'net.d');
  containerd = await startContainerd({ dataDir: ctd, cgroupRoot, cniConfDir, logger: silentLogger });
  for (const archive of await buildLocalImages(join(ctd, 'images')))
    await importArchive({ socket: containerd.socket, file: archive.file });
  const rootDir = join(dir, 'kubelet');
  const objects = apiObjectSources(fx.client);
  const mounter = new SystemMounter();
  const volumes = new VolumeManager({
    kubeletRoot: rootDir,
    plugins: new VolumePluginRegistry(
      standardVolumePlugins({ mounter, objects, clock: realClock, logger: silentLogger }),
    ),
    mounter,
    logger: silentLogger,
  });
  const kubelet = new Kubelet({
    client: fx.client,
    cri: containerd.cri,
    identity: { nodeName, hostname: nodeName, nodeIP: '127.0.0.1' },
    machine: readMachineInfo(dir),
    volumes,
    env: objects,
    settings: { podLogsDir: join(rootDir, 'logs'), cgroupRoot },
    clock: realClock,
    logger: silentLogger,
    cni: { confDir: cniConfDir },
    staticPodPath: manifests,
    fileCheckFrequencyMs: 1000,
  });
  running = kubelet.run(ac.signal);
});

after(async () => {
  ac.abort();
  await running?.catch(() => undefined);
  if (containerd) {
    await containerd.stop().catch(() => undefined);
    await killShims(containerd.socket).catch(() => undefined);
  }
  await unmountUnder(dir).catch(() => undefined);
  await removeCgroups(cgroupRoot).catch(() => undefined);
  const { bridgeName, networkName } = cniNames(nodeName);
  await promisify(execFile)('ip', ['link', 'del', bridgeName]).catch(() => undefined);
  await rm(join('/var/lib/cni/networks', networkName), { recursive: true, force: true });
  await fx?.close();
  await rm(dir, { recursive: true, force: true });
});

const manifest = (text: string) => `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default}
spec:
  terminationGracePeriodSeconds: 2
  containers:
  - name: web
    image: busybox
    command: ["sh", "-c", "mkdir -p /www && echo ${text} >/www/index.html && httpd -f -p 80 -h /www"]
`;

async function body(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return res.text();
}

test('a static pod runs on containerd, is mirrored, survives mirror deletion, follows edits and goes away', async () => {
  const pods = fx!.client.resource<ApiPod>(PODS, 'default');
  const name = `web-${nodeName}`;
  await writeFile(join(manifests, 'web.yaml'), manifest('static-one'));
  const running1 = await waitFor(
    'mirror pod Running with an IP',
    async () => {
      const p = await pods.get(name);
      return p.status?.phase === 'Running' && p.status.podIP ? p : undefined;
    },
    60_000,
  );
  assert.match(running1.status!.podIP!, /^10\.244\.231\./);
  assert.match(running1.status?.containerStatuses?.[0]?.containerID ?? '', /^containerd:\/\//);
  assert.equal(
    (
      await waitFor('HTTP from the static pod', async () =>
        body(`http://${running1.status!.podIP}/`).catch(() => undefined),
      )
    ).trim(),
    'static-one',
  );
  const hash1 = running1.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION];

  await pods.delete(name);
  const running2 = await waitFor('mirror pod recreated', async () => {
    const p = await pods.get(name);
    return p.metadata.uid !== running1.metadata.uid && p.status?.phase === 'Running' ? p : undefined;
  });
  assert.equal(
    running2.status?.containerStatuses?.[0]?.containerID,
    running1.status?.containerStatuses?.[0]?.containerID,
    'the container kept running',
  );

  await writeFile(join(manifests, 'web.yaml'), manifest('static-two'));
  const running3 = await waitFor(
    'edited pod Running',
    async () => {
      const p = await pods.get(name);
      return p.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== hash1 &&
        p.status?.phase === 'Running' &&
        p.status.podIP
        ? p
        : undefined;
    },
    60_000,
  );
  assert.equal(
    (
      await waitFor('HTTP from the edited pod', async () =>
        body(`http://${running3.status!.podIP}/`).catch(() => undefined),
      )
    ).trim(),
    'static-two',
  );

  await rm(join(manifests, 'web.yaml'));
  await waitFor('mirror pod deleted', () =>
    pods.get(name).then(
      () => undefined,
      () => true,
    ),
  );
  await waitFor('containers gone', async () =>
    (await containerd!.cri.listPodSandbox({})).items.length === 0 ? true : undefined,
  );
});
