/**
 * Bad input on real containerd: each broken pod says why through its status and events, with upstream
 * v1.33's reasons and messages, while a healthy pod on the same node keeps serving. Cases: an image nobody
 * serves (ErrImagePull → ImagePullBackOff), a missing binary (RunContainerError, then CrashLoopBackOff over
 * a StartError/128 instance), a hostPath of the wrong type and a missing configMap (FailedMount, the pod stays
 * ContainerCreating; creating the configMap lets it start), and a missing optional configMap (runs).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIGMAPS } from '../client/rest/resources.js';
import type { ApiPod } from './kuberuntime/pod-types.js';
import {
  deletePodAndWait,
  eventsFor,
  podsIn,
  startRealNode,
  testPod,
  waitFor,
  watchPodStatus,
  type RealNodeFixture,
} from './testing/real-node.js';

const NS = 'default';
const GHOST = '127.0.0.1:9/no-such-image:1';
let rn: RealNodeFixture;
let webIP = '';

const pods = () => podsIn(rn.fx, NS);
const formatPod = (p: ApiPod) => `${p.metadata.name}_${NS}(${p.metadata.uid})`;

async function body(ip: string): Promise<string> {
  return (await fetch(`http://${ip}/index.html`, { signal: AbortSignal.timeout(3000) })).text();
}

before(async () => {
  rn = await startRealNode({ podCIDR: '10.244.222.0/24', prefix: 'bad' });
  await pods().create(
    testPod('web', rn.nodeName, {
      containers: [
        {
          name: 'web',
          image: 'busybox',
          command: ['sh', '-c', 'mkdir -p /www && echo hello-from-pod >/www/index.html && httpd -f -p 80 -h /www'],
          readinessProbe: { httpGet: { path: '/index.html', port: 80 }, periodSeconds: 1 },
        },
      ],
    }),
  );
  const web = await waitFor(
    'web Ready',
    async () => {
      const p = await pods().get('web');
      return p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? p : undefined;
    },
    60_000,
  );
  webIP = web.status?.podIP ?? '';
  assert.match(webIP, /^10\.244\.222\.\d+$/);
});

after(async () => {
  await rn?.close();
});

const deleteAndWait = (name: string) => deletePodAndWait(pods(), name);

test(
  'an image nobody serves: ErrImagePull, then ImagePullBackOff carrying the pull error',
  { timeout: 60_000 },
  async () => {
    const log = watchPodStatus(pods(), 'ghost');
    try {
      await pods().create(testPod('ghost', rn.nodeName, { containers: [{ name: 'c', image: GHOST }] }));
      const backOff = await waitFor(
        'ImagePullBackOff',
        async () => {
          const s = (await pods().get('ghost')).status?.containerStatuses?.[0];
          return s?.state?.waiting?.reason === 'ImagePullBackOff' ? s : undefined;
        },
        30_000,
      );
      const reasons = log.waitingReasons();
      assert.deepEqual(
        reasons.slice(reasons.indexOf('ErrImagePull'), reasons.indexOf('ErrImagePull') + 2),
        ['ErrImagePull', 'ImagePullBackOff'],
        reasons.join(),
      );
      const pullError =
        log.seen.map((s) => s.containerStatuses?.[0]?.state?.waiting).find((w) => w?.reason === 'ErrImagePull')
          ?.message ?? '';
      // containerd's own words, as grpc-go prints a status: the registry at 127.0.0.1:9 refused the connection.
      assert.match(
        pullError,
        /^rpc error: code = \w+ desc = failed to pull and unpack image .*127\.0\.0\.1:9.*connection refused/,
      );
      assert.equal(backOff.state?.waiting?.message, `Back-off pulling image "${GHOST}": ErrImagePull: ${pullError}`);
      assert.equal(backOff.restartCount, 0);
      const p = await pods().get('ghost');
      assert.equal(p.status?.phase, 'Pending');

      // Events are written in the background: wait for the last one the status implies.
      const events = await waitFor(
        'the BackOff events',
        async () => {
          const got = await eventsFor(rn.fx, NS, 'ghost');
          return got.some((e) => e.message === 'Error: ImagePullBackOff') ? got : undefined;
        },
        10_000,
      );
      const find = (type: string, reason: string, message: string) =>
        events.find((e) => e.type === type && e.reason === reason && e.message === message);
      assert.ok(
        find('Normal', 'Pulling', `Pulling image "${GHOST}"`),
        JSON.stringify(events.map((e) => [e.type, e.reason, e.message])),
      );
      assert.ok(find('Warning', 'Failed', `Failed to pull image "${GHOST}": ${pullError}`));
      assert.ok(find('Warning', 'Failed', 'Error: ErrImagePull'));
      assert.ok(find('Normal', 'BackOff', `Back-off pulling image "${GHOST}"`));
      assert.ok(find('Warning', 'Failed', 'Error: ImagePullBackOff'));
      assert.equal(events[0]?.involvedObject.fieldPath, 'spec.containers{c}');
    } finally {
      log.close();
      await deleteAndWait('ghost');
    }
  },
);

test(
  'a missing binary: RunContainerError, then CrashLoopBackOff over a StartError instance',
  { timeout: 60_000 },
  async () => {
    const log = watchPodStatus(pods(), 'nocmd');
    try {
      const created = await pods().create(
        testPod('nocmd', rn.nodeName, { containers: [{ name: 'c', image: 'busybox', command: ['/no/such/binary'] }] }),
      );
      const looping = await waitFor(
        'CrashLoopBackOff',
        async () => {
          const s = (await pods().get('nocmd')).status?.containerStatuses?.[0];
          return s?.state?.waiting?.reason === 'CrashLoopBackOff' ? s : undefined;
        },
        30_000,
      );
      assert.equal(
        looping.state?.waiting?.message,
        `back-off 10s restarting failed container=c pod=${formatPod(created)}`,
      );
      const last = looping.lastState?.terminated;
      assert.equal(last?.reason, 'StartError');
      assert.equal(last?.exitCode, 128);
      assert.match(
        last?.message ?? '',
        /exec: "\/no\/such\/binary": stat \/no\/such\/binary: no such file or directory/,
      );
      assert.ok((looping.restartCount ?? 0) >= 1);
      assert.ok(log.waitingReasons().includes('RunContainerError'), log.waitingReasons().join());
      const runError =
        log.seen.map((s) => s.containerStatuses?.[0]?.state?.waiting).find((w) => w?.reason === 'RunContainerError')
          ?.message ?? '';
      // The runtime's message itself (grpc status.Message()), without any wrapping of ours.
      assert.match(runError, /^failed to create containerd task: .*no such file or directory/);

      const events = await waitFor(
        'the BackOff event',
        async () => {
          const got = await eventsFor(rn.fx, NS, 'nocmd');
          return got.some((e) => e.reason === 'BackOff') ? got : undefined;
        },
        10_000,
      );
      assert.ok(
        events.some((e) => e.type === 'Warning' && e.reason === 'Failed' && e.message === `Error: ${runError}`),
        JSON.stringify(events.map((e) => [e.reason, e.message])),
      );
      assert.ok(
        events.some(
          (e) =>
            e.type === 'Warning' &&
            e.reason === 'BackOff' &&
            e.message === `Back-off restarting failed container c in pod ${formatPod(created)}`,
        ),
      );
    } finally {
      log.close();
      await deleteAndWait('nocmd');
    }
  },
);

test(
  'a hostPath of the wrong type: FailedMount, and the pod stays ContainerCreating',
  { timeout: 60_000 },
  async () => {
    const file = join(rn.dir, 'not-a-dir');
    await writeFile(file, 'x');
    await pods().create(
      testPod('hp', rn.nodeName, {
        containers: [
          { name: 'c', image: 'busybox', command: ['sleep', '600'], volumeMounts: [{ name: 'hp', mountPath: '/hp' }] },
        ],
        volumes: [{ name: 'hp', hostPath: { path: file, type: 'Directory' } }],
      }),
    );
    try {
      const want = `MountVolume.SetUp failed for volume "hp" : hostPath type check failed: ${file} is not a directory`;
      const ev = await waitFor(
        'FailedMount',
        async () => (await eventsFor(rn.fx, NS, 'hp')).find((e) => e.reason === 'FailedMount'),
        20_000,
      );
      assert.equal(ev.type, 'Warning');
      assert.equal(ev.message, want);
      assert.equal(ev.involvedObject.fieldPath, undefined);
      const p = await waitFor('hp status', async () => {
        const got = await pods().get('hp');
        return got.status?.containerStatuses?.length ? got : undefined;
      });
      assert.equal(p.status?.phase, 'Pending');
      assert.deepEqual(p.status?.containerStatuses?.[0]?.state, { waiting: { reason: 'ContainerCreating' } });
      assert.equal(p.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status, 'False');
      const sandboxes = (await rn.node.cri.listPodSandbox({})).items.filter((s) => s.metadata?.name === 'hp');
      assert.deepEqual(sandboxes, []);
    } finally {
      await deleteAndWait('hp');
    }
  },
);

test(
  'a missing configMap: FailedMount until it is created, then the pod starts; optional ones run',
  { timeout: 90_000 },
  async () => {
    const cms = rn.fx.client.resource<{ metadata: { name: string }; data?: Record<string, string> }>(CONFIGMAPS, NS);
    const withCM = (name: string, cm: string, optional?: boolean) =>
      testPod(name, rn.nodeName, {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sleep', '600'],
            volumeMounts: [{ name: 'cfg', mountPath: '/cfg' }],
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: cm, ...(optional === undefined ? {} : { optional }) } }],
      });
    await pods().create(withCM('needcm', 'late'));
    await pods().create(withCM('optcm', 'never-there', true));
    try {
      const ev = await waitFor(
        'FailedMount',
        async () => (await eventsFor(rn.fx, NS, 'needcm')).find((e) => e.reason === 'FailedMount'),
        20_000,
      );
      assert.equal(ev.type, 'Warning');
      assert.equal(ev.message, 'MountVolume.SetUp failed for volume "cfg" : configmap "late" not found');
      const waiting = await pods().get('needcm');
      assert.equal(waiting.status?.phase, 'Pending');
      assert.equal(waiting.status?.containerStatuses?.[0]?.state?.waiting?.reason, 'ContainerCreating');

      await waitFor(
        'optional configMap pod Running',
        async () => ((await pods().get('optcm')).status?.phase === 'Running' ? true : undefined),
        30_000,
      );

      await cms.create({ metadata: { name: 'late' }, data: { k: 'v' } });
      await waitFor(
        'needcm Running once its configMap exists',
        async () => ((await pods().get('needcm')).status?.phase === 'Running' ? true : undefined),
        40_000,
      );
    } finally {
      await deleteAndWait('needcm');
      await deleteAndWait('optcm');
      await cms.delete('late').catch(() => undefined);
    }
  },
);

test('the healthy pod kept serving through all of it', async () => {
  assert.equal((await body(webIP)).trim(), 'hello-from-pod');
  const web = await pods().get('web');
  assert.equal(web.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'True');
  assert.equal(web.status?.containerStatuses?.[0]?.restartCount, 0);
});
