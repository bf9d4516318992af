/**
 * Pod lifecycle on real containerd, read back through the API as kubectl would: probes (liveness restarts
 * with growing CrashLoopBackOff, readiness gating the Ready conditions, startup holding liveness off), a
 * memory hog ending OOMKilled, and configuration (env from fieldRef/secretKeyRef, a configMap volume that
 * follows edits through its atomic `..data` swap, writable emptyDirs, `medium: Memory` as a tmpfs).
 * Expected strings are upstream v1.33's (pkg/kubelet/events, kuberuntime, prober).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIGMAPS, SECRETS } from '../client/rest/resources.js';
import type { ApiPod, PodCondition } from './kuberuntime/pod-types.js';
import {
  deletePodAndWait,
  eventsFor,
  execIn,
  podsIn,
  startRealNode,
  testPod,
  waitFor,
  waitForNodeReady,
  type RealNodeFixture,
} from './testing/real-node.js';

const NS = 'default';
let rn: RealNodeFixture;

before(async () => {
  rn = await startRealNode({ podCIDR: '10.244.221.0/24', prefix: 'plc' });
  await waitForNodeReady(rn.fx.nodes, rn.nodeName);
});

after(async () => {
  await rn?.close();
});

const cond = (p: ApiPod, type: string): PodCondition | undefined => p.status?.conditions?.find((c) => c.type === type);
const pods = () => podsIn(rn.fx, NS);
const formatPod = (p: ApiPod) => `${p.metadata.name}_${NS}(${p.metadata.uid})`;

const deleteAndWait = (name: string) => deletePodAndWait(pods(), name);

test('a failing liveness probe restarts the container with growing CrashLoopBackOff', { timeout: 90_000 }, async () => {
  const created = await pods().create(
    testPod('live', rn.nodeName, {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sleep', '600'],
          livenessProbe: { exec: { command: ['test', '-f', '/tmp/ok'] }, periodSeconds: 1, failureThreshold: 1 },
        },
      ],
    }),
  );
  try {
    const want10 = `back-off 10s restarting failed container=c pod=${formatPod(created)}`;
    const crashLoop = await waitFor(
      'CrashLoopBackOff after the second death',
      async () => {
        const s = (await pods().get('live')).status?.containerStatuses?.[0];
        return s?.state?.waiting?.reason === 'CrashLoopBackOff' ? s : undefined;
      },
      40_000,
    );
    assert.equal(crashLoop.state?.waiting?.message, want10);
    assert.ok((crashLoop.restartCount ?? 0) >= 1, `restartCount ${crashLoop.restartCount}`);
    // The killed instance: 128 + SIGTERM, or + SIGKILL once the grace period ran out.
    assert.ok(
      [137, 143].includes(crashLoop.lastState?.terminated?.exitCode ?? 0),
      `exit ${crashLoop.lastState?.terminated?.exitCode}`,
    );
    assert.equal(crashLoop.lastState?.terminated?.reason, 'Error');
    assert.equal(crashLoop.ready, false);

    const grown = await waitFor(
      'the back-off doubling',
      async () => {
        const s = (await pods().get('live')).status?.containerStatuses?.[0];
        return s?.state?.waiting?.message?.startsWith('back-off 20s') ? s : undefined;
      },
      45_000,
    );
    assert.ok((grown.restartCount ?? 0) >= 2, `restartCount ${grown.restartCount}`);
    assert.equal(grown.state?.waiting?.reason, 'CrashLoopBackOff');

    const events = await eventsFor(rn.fx, NS, 'live');
    const has = (reason: string, message: string) => events.some((e) => e.reason === reason && e.message === message);
    assert.ok(has('Unhealthy', 'Liveness probe failed: '), JSON.stringify(events.map((e) => [e.reason, e.message])));
    assert.ok(has('Killing', 'Container c failed liveness probe, will be restarted'));
    assert.ok(has('BackOff', `Back-off restarting failed container c in pod ${formatPod(created)}`));
    assert.ok(events.filter((e) => e.reason === 'Unhealthy').every((e) => e.type === 'Warning'));
  } finally {
    await deleteAndWait('live');
  }
});

test('a readiness probe gates Ready and ContainersReady both ways', { timeout: 60_000 }, async () => {
  await pods().create(
    testPod('ready', rn.nodeName, {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sleep', '600'],
          readinessProbe: { exec: { command: ['test', '-f', '/tmp/ready'] }, periodSeconds: 1, failureThreshold: 1 },
        },
      ],
    }),
  );
  try {
    const running = await waitFor('ready Running', async () => {
      const p = await pods().get('ready');
      return p.status?.phase === 'Running' && p.status.containerStatuses?.[0]?.state?.running ? p : undefined;
    });
    // Running but not ready: a failing readiness probe holds both conditions False.
    await waitFor(
      'a readiness failure recorded',
      async () => (await eventsFor(rn.fx, NS, 'ready')).some((e) => e.reason === 'Unhealthy') || undefined,
    );
    const notReady = await pods().get('ready');
    assert.equal(cond(notReady, 'Ready')?.status, 'False');
    assert.equal(cond(notReady, 'Ready')?.reason, 'ContainersNotReady');
    assert.equal(cond(notReady, 'ContainersReady')?.status, 'False');
    assert.equal(notReady.status?.containerStatuses?.[0]?.ready, false);
    assert.equal(notReady.status?.containerStatuses?.[0]?.started, true);

    const id = running.status!.containerStatuses![0]!.containerID!;
    await execIn(rn.node.cri, id, ['touch', '/tmp/ready']);
    const ready = await waitFor(
      'Ready True',
      async () => {
        const p = await pods().get('ready');
        return cond(p, 'Ready')?.status === 'True' ? p : undefined;
      },
      15_000,
    );
    assert.equal(cond(ready, 'ContainersReady')?.status, 'True');
    assert.equal(ready.status?.containerStatuses?.[0]?.ready, true);

    await execIn(rn.node.cri, id, ['rm', '/tmp/ready']);
    const again = await waitFor(
      'Ready False again',
      async () => {
        const p = await pods().get('ready');
        return cond(p, 'Ready')?.status === 'False' ? p : undefined;
      },
      15_000,
    );
    assert.equal(cond(again, 'ContainersReady')?.status, 'False');
    assert.equal(again.status?.containerStatuses?.[0]?.restartCount, 0);
    const unhealthy = (await eventsFor(rn.fx, NS, 'ready')).filter((e) => e.reason === 'Unhealthy');
    assert.ok(
      unhealthy.some((e) => e.message === 'Readiness probe failed: '),
      JSON.stringify(unhealthy),
    );
  } finally {
    await deleteAndWait('ready');
  }
});

test('a startup probe holds liveness off until it succeeds', { timeout: 60_000 }, async () => {
  await pods().create(
    testPod('startup', rn.nodeName, {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sleep', '600'],
          startupProbe: { exec: { command: ['test', '-f', '/tmp/started'] }, periodSeconds: 1, failureThreshold: 60 },
          // Would kill the container within ~2 s if it ran before the startup probe succeeded.
          livenessProbe: { exec: { command: ['test', '-f', '/tmp/alive'] }, periodSeconds: 1, failureThreshold: 1 },
        },
      ],
    }),
  );
  try {
    const running = await waitFor('startup running', async () => {
      const p = await pods().get('startup');
      return p.status?.containerStatuses?.[0]?.state?.running ? p : undefined;
    });
    await waitFor(
      'startup failures recorded',
      async () => {
        const n = (await eventsFor(rn.fx, NS, 'startup')).filter(
          (e) => e.reason === 'Unhealthy' && e.message === 'Startup probe failed: ',
        );
        return n.reduce((sum, e) => sum + (e.count ?? 1), 0) >= 3 || undefined;
      },
      20_000,
    );
    const held = await pods().get('startup');
    const s = held.status?.containerStatuses?.[0];
    assert.equal(s?.started, false);
    assert.equal(s?.ready, false);
    assert.equal(s?.restartCount, 0);
    assert.ok(!(await eventsFor(rn.fx, NS, 'startup')).some((e) => e.message.startsWith('Liveness probe failed')));

    await execIn(rn.node.cri, running.status!.containerStatuses![0]!.containerID!, [
      'touch',
      '/tmp/started',
      '/tmp/alive',
    ]);
    const started = await waitFor(
      'started true',
      async () => {
        const p = await pods().get('startup');
        return p.status?.containerStatuses?.[0]?.started === true ? p : undefined;
      },
      15_000,
    );
    assert.equal(started.status?.containerStatuses?.[0]?.restartCount, 0);
    assert.equal(cond(started, 'Ready')?.status, 'True');
  } finally {
    await deleteAndWait('startup');
  }
});

test('a memory hog over its limit ends OOMKilled, Burstable, Failed', { timeout: 90_000 }, async () => {
  await pods().create(
    testPod('oom', rn.nodeName, {
      restartPolicy: 'Never',
      containers: [
        { name: 'c', image: 'busybox', command: ['tail', '/dev/zero'], resources: { limits: { memory: '32Mi' } } },
      ],
    }),
  );
  try {
    const done = await waitFor(
      'oom terminated',
      async () => {
        const p = await pods().get('oom');
        return p.status?.containerStatuses?.[0]?.state?.terminated ? p : undefined;
      },
      60_000,
    );
    const t = done.status!.containerStatuses![0]!.state!.terminated!;
    assert.equal(t.reason, 'OOMKilled');
    assert.equal(t.exitCode, 137);
    assert.equal(done.status?.qosClass, 'Burstable');
    const failed = await waitFor(
      'oom Failed',
      async () => ((await pods().get('oom')).status?.phase === 'Failed' ? true : undefined),
      15_000,
    );
    assert.ok(failed);
  } finally {
    await deleteAndWait('oom');
  }
});

test(
  'env from fieldRef and secretKeyRef, a configMap volume following edits, emptyDirs',
  { timeout: 120_000 },
  async () => {
    const cms = rn.fx.client.resource<{ metadata: { name: string }; data?: Record<string, string> }>(CONFIGMAPS, NS);
    const secrets = rn.fx.client.resource<{ metadata: { name: string }; data?: Record<string, string> }>(SECRETS, NS);
    await cms.create({ metadata: { name: 'cfg' }, data: { greeting: 'one' } });
    await secrets.create({ metadata: { name: 'sec' }, data: { token: Buffer.from('s3cret').toString('base64') } });
    await pods().create(
      testPod('conf', rn.nodeName, {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sleep', '600'],
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'sec', key: 'token' } } },
            ],
            volumeMounts: [
              { name: 'cfg', mountPath: '/etc/cfg' },
              { name: 'scratch', mountPath: '/scratch' },
              { name: 'mem', mountPath: '/mem' },
            ],
          },
        ],
        volumes: [
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 'scratch', emptyDir: {} },
          { name: 'mem', emptyDir: { medium: 'Memory' } },
        ],
      }),
    );
    try {
      const p = await waitFor(
        'conf Running',
        async () => {
          const got = await pods().get('conf');
          return got.status?.phase === 'Running' ? got : undefined;
        },
        60_000,
      );
      const id = p.status!.containerStatuses![0]!.containerID!;
      const sh = async (script: string) => {
        const r = await execIn(rn.node.cri, id, ['sh', '-c', script]);
        assert.equal(r.exitCode, 0, `${script} exited ${r.exitCode}`);
        return r.stdout.trim();
      };
      assert.equal(await sh('echo $POD_NAME $TOKEN'), 'conf s3cret');
      assert.equal(await sh('cat /etc/cfg/greeting'), 'one');
      // The key is a symlink through ..data, which points at a timestamped dir: edits swap ..data atomically.
      assert.equal(await sh('readlink /etc/cfg/greeting'), '..data/greeting');
      assert.match(await sh('readlink /etc/cfg/..data'), /^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+$/);
      assert.equal(await sh('echo x >/scratch/f && cat /scratch/f'), 'x');
      assert.match(await sh('grep " /mem " /proc/mounts'), /^tmpfs \/mem tmpfs rw/);
      assert.equal(await sh('echo y >/mem/f && cat /mem/f'), 'y');

      await cms.patch('cfg', 'merge', { data: { greeting: 'two' } });
      await waitFor(
        'the edit reaches the volume',
        async () => ((await sh('cat /etc/cfg/greeting')) === 'two' ? true : undefined),
        60_000,
      );
    } finally {
      await deleteAndWait('conf');
      await cms.delete('cfg').catch(() => undefined);
      await secrets.delete('sec').catch(() => undefined);
    }
  },
);
