/**
 * The kubelet with a static pod directory, over FakeCriClient and a real in-process API server: the static
 * pod runs and is mirrored, survives its mirror's deletion and the relist, restarts on an edit, and is killed
 * with its mirror when its manifest goes away.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { silentLogger } from '../../util/log.js';
import { PODS } from '../../client/rest/resources.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { Kubelet } from '../kubelet.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { POD_UID_LABEL } from '../kuberuntime/labels.js';
import { startApiFixture, testMachine, type ApiFixture } from '../node/test-helpers.js';
import { CONFIG_MIRROR_ANNOTATION } from './static-pod.js';

let fx: ApiFixture;
let dir: string;
before(async () => {
  fx = await startApiFixture();
  dir = await mkdtemp(join(tmpdir(), 'k8ts-static-kl-'));
});
after(async () => {
  await fx.close();
  await rm(dir, { recursive: true, force: true });
});

const manifest = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {tier: control-plane}}\nspec:\n  terminationGracePeriodSeconds: 3\n  containers: [{name: c, image: ${image}}]\n`;

test('a static pod runs, is mirrored, survives mirror deletion and relists, restarts on edit, stops on removal', async () => {
  const clock = new FakeClock(Date.now());
  const cri = new FakeCriClient({ clock });
  cri.images.add('busybox');
  cri.images.add('nginx');
  await writeFile(join(dir, 'web.yaml'), manifest('busybox'));
  const kubelet = new Kubelet({
    client: fx.client,
    cri,
    identity: { nodeName: 'node-s', hostname: 'node-s', nodeIP: '10.9.0.7' },
    machine: testMachine,
    volumes: {
      mountPodVolumes: async () => undefined,
      containerMounts: async () => [],
      unmountPodVolumes: async () => undefined,
    },
    env: { configMap: async () => undefined, secret: async () => undefined, services: async () => [] },
    settings: { podLogsDir: '/tmp/pods', cgroupRoot: '/k8ts/node-s' },
    clock,
    logger: silentLogger,
    staticPodPath: dir,
    fileCheckFrequencyMs: 5000,
  });
  const pods = fx.client.resource<ApiPod>(PODS, 'default');
  /** Steps the fake clock (rescans, relists, retries) between real round trips until `pred` holds. */
  const until = async <T>(what: string, read: () => Promise<T>, pred: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 500; i++) {
      const v = await read().catch(() => undefined as T);
      if (v !== undefined && pred(v)) return v;
      clock.step(1000);
      await new Promise<void>((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const mirror = () => pods.get('web-node-s');
  const sandboxUids = () => Promise.resolve([...cri.sandboxes.values()].map((s) => s.status.labels[POD_UID_LABEL]));
  const ac = new AbortController();
  const running = kubelet.run(ac.signal);
  try {
    const m1 = await until('mirror Running', mirror, (p) => p.status?.phase === 'Running');
    const node = await fx.nodes.get('node-s');
    const staticUid = m1.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION];
    assert.match(staticUid ?? '', /^[0-9a-f]{32}$/);
    assert.notEqual(m1.metadata.uid, staticUid, 'the mirror pod has its own uid');
    assert.equal(m1.metadata.annotations?.['kubernetes.io/config.source'], 'file');
    assert.deepEqual(m1.metadata.ownerReferences, [
      { apiVersion: 'v1', kind: 'Node', name: 'node-s', uid: node.metadata.uid, controller: true },
    ]);
    assert.equal(m1.metadata.labels?.tier, 'control-plane');
    assert.equal(m1.spec.nodeName, 'node-s');
    assert.deepEqual(await sandboxUids(), [staticUid]);
    assert.equal(
      kubelet.getPod('default', 'web-node-s')?.metadata.uid,
      staticUid,
      'the server sees the static pod, not its mirror',
    );
    assert.deepEqual(
      kubelet.listPods().map((p) => p.metadata.uid),
      [staticUid],
    );
    const sandboxId = [...cri.sandboxes.keys()][0];

    // Relists do not take the static pod for an orphan.
    for (let i = 0; i < 3; i++) {
      clock.step(1000);
      await kubelet.relist();
    }
    assert.deepEqual([...cri.sandboxes.keys()], [sandboxId]);

    // Deleting the mirror pod brings a new one; the static pod keeps running.
    await pods.delete('web-node-s');
    const m2 = await until(
      'mirror recreated',
      mirror,
      (p) => p.metadata.uid !== m1.metadata.uid && p.status?.phase === 'Running',
    );
    assert.equal(m2.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION], staticUid);
    assert.deepEqual([...cri.sandboxes.keys()], [sandboxId]);

    // A bad manifest beside it is skipped; an edit restarts the pod under a new uid with a new mirror.
    await writeFile(join(dir, 'bad.yaml'), 'kind: [');
    await writeFile(join(dir, 'web.yaml'), manifest('nginx'));
    const m3 = await until(
      'mirror of the edited pod',
      mirror,
      (p) => p.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== staticUid && p.status?.phase === 'Running',
    );
    const newUid = m3.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION];
    assert.equal(m3.spec.containers[0]?.image, 'nginx');
    await until('old pod killed', sandboxUids, (uids) => uids.length === 1 && uids[0] === newUid);
    const stop = cri.requestsOf('StopContainer')[0] as { timeout: string };
    assert.equal(stop.timeout, '3', 'the old version stops with its grace period');

    // Removing the manifest kills the pod and deletes its mirror.
    await rm(join(dir, 'web.yaml'));
    await until(
      'mirror deleted',
      () =>
        mirror().then(
          () => 'present',
          () => 'gone',
        ),
      (v) => v === 'gone',
    );
    await until('pod killed', sandboxUids, (uids) => uids.length === 0);
  } finally {
    ac.abort();
    await running;
  }
});
