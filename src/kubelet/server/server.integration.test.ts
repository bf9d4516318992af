/**
 * The kubelet's server on a real node (containerd), driven through the API server by real kubectl 1.27 and
 * 1.33: logs (plain, --timestamps, -f, --previous), exec (output, stdin, exit codes), port-forward to a
 * busybox httpd, and cp both ways. Also the server's own routes (healthz, pods, Status errors).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PODS } from '../../client/rest/resources.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { startRealNode, waitFor, type RealNodeFixture } from '../testing/real-node.js';

let rn: RealNodeFixture;
let work: string;
const kubectlDir = execFileSync('sh', ['-c', 'dirname "$(readlink -f "$(command -v kubectl)")"']).toString().trim();

const webPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    containers: [
      {
        name: 'web',
        image: 'busybox',
        command: [
          'sh',
          '-c',
          'mkdir -p /www && echo hello-from-pod >/www/index.html && echo started && httpd -f -v -p 80 -h /www',
        ],
      },
    ],
  },
};

const crashPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'crash', namespace: 'default' },
  spec: {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo run-$(date +%s); sleep 1; exit 1'] }],
  },
};

const talkerPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'talker', namespace: 'default' },
  spec: {
    terminationGracePeriodSeconds: 1,
    containers: [{ name: 't', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }],
  },
};

const ghostPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'ghost', namespace: 'default' },
  spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: '127.0.0.1:9/no-such-image:1' }] },
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Spawns kubectl in the background; `lines` collects its stdout. */
function spawnKubectl(version: string, args: string[]) {
  const child = spawn(join(kubectlDir, `kubectl.${version}`), args, {
    env: { ...process.env, KUBECONFIG: rn.fx.api.kubeconfig, KUBECACHEDIR: join(work, `kcache-${version}`) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return { child, output: () => out };
}

async function kubeletGet(path: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`http://127.0.0.1:${rn.node.kubeletPort}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: r.status, body: await r.text() };
}

before(async () => {
  work = await mkdtemp('/tmp/k8ts-ksrv-');
  rn = await startRealNode({ podCIDR: '10.244.211.0/24', prefix: 'ksrv', node: { kubeletPort: 0 } });
  const pods = rn.fx.client.resource<ApiPod>(PODS, 'default');
  for (const p of [webPod, crashPod, ghostPod, talkerPod])
    await pods.create({ ...p, spec: { ...p.spec, nodeName: rn.nodeName } } as unknown as ApiPod);
  await waitFor(
    'web running with an IP',
    async () => {
      const p = await pods.get('web');
      return p.status?.phase === 'Running' && p.status.podIP ? p : undefined;
    },
    90_000,
  );
  // httpd is up once the log says so (it prints "started" just before exec'ing httpd).
  await waitFor(
    'web logs',
    async () => ((await kubeletGet('/containerLogs/default/web/web')).body.includes('started') ? true : undefined),
    30_000,
  );
});

after(async () => {
  await rn?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('the node publishes the server port; healthz and pods answer', async () => {
  const n = await rn.fx.nodes.get(rn.nodeName);
  assert.equal(
    (n.status as { daemonEndpoints?: { kubeletEndpoint?: { Port?: number } } }).daemonEndpoints?.kubeletEndpoint?.Port,
    rn.node.kubeletPort,
  );
  assert.deepEqual(await kubeletGet('/healthz'), { status: 200, body: 'ok' });
  const pods = await kubeletGet('/pods');
  const list = JSON.parse(pods.body) as { kind: string; items: ApiPod[] };
  assert.equal(list.kind, 'PodList');
  assert.deepEqual(list.items.map((p) => p.metadata.name).sort(), ['crash', 'ghost', 'talker', 'web']);
});

test('stats and metrics describe the node and its containers', async () => {
  const summary = JSON.parse((await kubeletGet('/stats/summary')).body) as {
    node: { nodeName: string; cpu: { usageCoreNanoSeconds: number }; memory: { workingSetBytes: number } };
    pods: { podRef: { name: string }; containers: { name: string; memory: { workingSetBytes?: number } }[] }[];
  };
  assert.equal(summary.node.nodeName, rn.nodeName);
  assert.ok(summary.node.cpu.usageCoreNanoSeconds > 0);
  assert.ok(summary.node.memory.workingSetBytes > 0);
  const web = summary.pods.find((p) => p.podRef.name === 'web');
  assert.ok((web?.containers.find((c) => c.name === 'web')?.memory.workingSetBytes ?? 0) > 0, JSON.stringify(web));
  const metrics = await kubeletGet('/metrics');
  assert.match(metrics.body, /^kubelet_running_pods [1-9]/m);
  assert.match(metrics.body, /^kubelet_running_containers\{container_state="running"\} [1-9]/m);
  const resource = await kubeletGet('/metrics/resource');
  assert.match(resource.body, /^node_cpu_usage_seconds_total [0-9.e+]+ \d+$/m);
  assert.match(
    resource.body,
    /^container_memory_working_set_bytes\{container="web",namespace="default",pod="web"\} \d+ \d+$/m,
  );
});

test('errors are Status JSON with the kubelet codes', async () => {
  const cases = [
    { path: '/containerLogs/default/nope/c', code: 404, message: 'pod "nope" does not exist' },
    { path: '/containerLogs/default/web/nope', code: 404, message: 'container "nope" not found in pod "web"' },
    { path: '/containerLogs/default/web/web?tailLines=-1', code: 422, message: 'Invalid request.' },
    { path: '/no/such/path', code: 404, message: 'the server could not find the requested resource' },
  ];
  for (const c of cases) {
    const r = await kubeletGet(c.path);
    assert.equal(r.status, c.code, c.path);
    const st = JSON.parse(r.body) as { kind: string; message: string; code: number };
    assert.equal(st.kind, 'Status', c.path);
    assert.equal(st.message, c.message, c.path);
  }
});

for (const version of ['1.27', '1.33']) {
  describe(`kubectl ${version}`, () => {
    const k = (args: string[], input?: string) => rn.fx.api.kubectl(args, { version, input });

    test('logs and logs --timestamps', async () => {
      const plain = await k(['logs', 'web']);
      assert.equal(plain.code, 0, plain.stderr);
      assert.match(plain.stdout, /^started$/m);
      const ts = await k(['logs', 'web', '--timestamps']);
      assert.equal(ts.code, 0, ts.stderr);
      assert.match(ts.stdout, /^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z started$/m);
      const tail = await k(['logs', 'web', '--tail=0']);
      assert.equal(tail.stdout, '');
    });

    test('logs -f streams until the client goes away', async () => {
      const { child, output } = spawnKubectl(version, ['logs', '-f', 'web']);
      try {
        await waitFor('first line', async () => (output().includes('started') ? true : undefined), 20_000);
        assert.equal(child.exitCode, null, 'still following');
      } finally {
        child.kill();
      }
    });

    test('exec: output, stdin and exit codes', async () => {
      const echo = await k(['exec', 'web', '--', 'sh', '-c', 'echo $((6*7))']);
      assert.equal(echo.code, 0, echo.stderr);
      assert.equal(echo.stdout, '42\n');
      const piped = await k(['exec', '-i', 'web', '--', 'cat'], 'piped\n');
      assert.equal(piped.code, 0, piped.stderr);
      assert.equal(piped.stdout, 'piped\n');
      const fail = await k(['exec', 'web', '--', 'sh', '-c', 'echo oops >&2; exit 3']);
      assert.equal(fail.code, 3);
      assert.match(fail.stderr, /oops/);
      assert.match(fail.stderr, /command terminated with exit code 3/);
    });

    test('attach streams the running output', async () => {
      await waitFor('talker running', async () => {
        const p = await rn.fx.client.resource<ApiPod>(PODS, 'default').get('talker');
        return p.status?.phase === 'Running' ? true : undefined;
      });
      const { child, output } = spawnKubectl(version, ['attach', 'talker']);
      try {
        await waitFor('a tick', async () => (output().includes('tick') ? true : undefined), 20_000);
      } finally {
        child.kill();
      }
    });

    test('port-forward reaches the pod', async () => {
      const port = await freePort();
      const { child, output } = spawnKubectl(version, ['port-forward', 'pod/web', `${port}:80`]);
      try {
        await waitFor('forwarding', async () => (output().includes('Forwarding from') ? true : undefined), 20_000);
        for (let i = 0; i < 2; i++) {
          const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(10_000) }).catch(
            (err: Error) => {
              throw new Error(`fetch failed: ${String(err.cause ?? err)}; kubectl said: ${output()}`);
            },
          );
          assert.equal(await res.text(), 'hello-from-pod\n');
        }
      } finally {
        child.kill();
      }
    });

    test('cp into and out of the pod', async () => {
      const src = join(work, `in-${version}.txt`);
      await writeFile(src, `copied-in-${version}\n`);
      const cpIn = await k(['cp', src, `default/web:/tmp/in-${version}.txt`]);
      assert.equal(cpIn.code, 0, cpIn.stderr);
      const cat = await k(['exec', 'web', '--', 'cat', `/tmp/in-${version}.txt`]);
      assert.equal(cat.stdout, `copied-in-${version}\n`);
      const dst = join(work, `out-${version}.html`);
      const cpOut = await k(['cp', 'default/web:/www/index.html', dst]);
      assert.equal(cpOut.code, 0, cpOut.stderr);
      assert.equal(await readFile(dst, 'utf8'), 'hello-from-pod\n');
    });
  });
}

test('logs --previous reads the last terminated instance', async () => {
  const pods = rn.fx.client.resource<ApiPod>(PODS, 'default');
  await waitFor(
    'crash restarted',
    async () => {
      const p = await pods.get('crash');
      const cs = p.status?.containerStatuses?.[0] as
        { restartCount?: number; lastState?: { terminated?: { containerID?: string } } } | undefined;
      return (cs?.restartCount ?? 0) >= 1 && cs?.lastState?.terminated?.containerID ? true : undefined;
    },
    60_000,
  );
  for (const version of ['1.27', '1.33']) {
    const prev = await rn.fx.api.kubectl(['logs', 'crash', '--previous'], { version });
    assert.equal(prev.code, 0, prev.stderr);
    assert.match(prev.stdout, /^run-\d+$/m);
  }
  // logs -f of an instance that exits ends by itself.
  const { child, output } = spawnKubectl('1.33', ['logs', '-f', 'crash']);
  try {
    await waitFor('logs -f to end', async () => (child.exitCode !== null ? true : undefined), 20_000);
    assert.match(output(), /^run-\d+$/m);
  } finally {
    child.kill();
  }
  const none = await rn.fx.api.kubectl(['logs', 'web', '--previous'], { version: '1.33' });
  assert.notEqual(none.code, 0);
  assert.match(none.stderr, /previous terminated container "web" in pod "web" not found/);
});

test('a container that never started says what it waits for', async () => {
  const pods = rn.fx.client.resource<ApiPod>(PODS, 'default');
  await waitFor('ghost waiting', async () => {
    const p = await pods.get('ghost');
    const cs = p.status?.containerStatuses?.[0] as { state?: { waiting?: { reason?: string } } } | undefined;
    return cs?.state?.waiting?.reason ? true : undefined;
  });
  const r = await rn.fx.api.kubectl(['logs', 'ghost'], { version: '1.33' });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /Error from server \(BadRequest\): container "c" in pod "ghost" is waiting to start: /);
});
