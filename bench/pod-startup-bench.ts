/**
 * Pod startup benchmark: a real node — the API server in this process, `k8ts kubelet` in its own with its own
 * containerd — 30 pod-network busybox pods created at once, and the time from each create request to the
 * pod's first Running status as a watch sees it. Prints p50/p99/max beside the targets, and the RSS and CPU
 * of the kubelet, the API server and containerd. Needs root and containerd; bounded: it gives up after 60 s
 * and prints what was reached.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import type { ApiPod } from '../src/kubelet/kuberuntime/pod-types.js';
import { randomBytes } from 'node:crypto';
import { RestClient } from '../src/client/rest/rest-client.js';
import { NODES, PODS as PODS_RESOURCE } from '../src/client/rest/resources.js';
import type { Node } from '../src/kubelet/node/types.js';
import { startApiFixture, type ApiFixture } from '../src/kubelet/node/test-helpers.js';
import { testPod, waitFor, waitForNodeReady } from '../src/kubelet/testing/real-node.js';
import { startKubeletProcess, type KubeletProcess } from './kubelet-process.js';
import { fmt, summarize } from './stats.js';

const PODS = Number(process.env.BENCH_PODS ?? 30);
const DEADLINE_MS = 60_000;
const SEQUENTIAL_PODS = 10;
const NS = 'default';
/** Kept apart from the kubelet integration tests' podCIDRs (bench and tests do not run at once). */
const POD_CIDR = '10.244.223.0/24';

/** VmRSS of a process in MiB, from /proc/<pid>/status (NaN when unreadable). */
async function rssMiB(pid: number | 'self'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/** CPU seconds a process used so far, its own and that of its children it waited for, from /proc/<pid>/stat. */
async function cpuSeconds(pid: number): Promise<{ own: number; children: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the parenthesised command: utime, stime, cutime, cstime are the 12th–15th, in ticks (100/s).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  return f.length > 14 ? { own: (f[11]! + f[12]!) / 100, children: (f[13]! + f[14]!) / 100 } : { own: NaN, children: NaN };
}

/** CPU of every containerd shim alive now (own + the runc processes it waited for). */
async function shimCpuSeconds(): Promise<{ own: number; children: number }> {
  const total = { own: 0, children: 0 };
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const cmd = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (!cmd.startsWith('/usr/bin/containerd-shim') && !cmd.includes('containerd-shim-runc')) continue;
    const c = await cpuSeconds(Number(name));
    total.own += c.own || 0;
    total.children += c.children || 0;
  }
  return total;
}

async function canRun(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'needs root';
  const found = await promisify(execFile)('sh', ['-c', 'command -v containerd']).then(
    () => true,
    () => false,
  );
  return found ? undefined : 'needs containerd';
}

export async function runPodStartupBench(): Promise<void> {
  console.log(`\n## Pod startup benchmark (${PODS} pods created at once, pod network, image present)\n`);
  const why = await canRun();
  if (why) {
    console.log(`skipped: ${why}`);
    return;
  }
  let fx: ApiFixture | undefined;
  let client: RestClient | undefined;
  let kubelet: KubeletProcess | undefined;
  try {
    fx = await startApiFixture();
    // The bench's own client is not rate limited: 30 creates at once must not queue behind client-side QPS.
    client = RestClient.fromKubeconfig(fx.api.kubeconfig, { component: 'bench', qps: Infinity });
    const nodes = client.resource<Node>(NODES);
    const nodeName = `bench-${randomBytes(3).toString('hex')}`;
    await nodes.create({ metadata: { name: nodeName }, spec: { podCIDR: POD_CIDR } });
    kubelet = await startKubeletProcess({ kubeconfig: fx.api.kubeconfig, nodeName });
    await waitForNodeReady(nodes, nodeName, 60_000);
    const node = { nodeName };
    const pods = client.resource<ApiPod>(PODS_RESOURCE, NS);
    const names = Array.from({ length: PODS }, (_, i) => `bench-${i}`);
    const createdAt = new Map<string, number>();
    const runningAfter = new Map<string, number>();
    const watch = pods.watch({});
    let allRunning: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allRunning = resolve));
    const watching = (async () => {
      for await (const ev of watch) {
        if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED') continue;
        const p: ApiPod = ev.object;
        const t0 = createdAt.get(p.metadata.name);
        if (t0 === undefined || runningAfter.has(p.metadata.name) || p.status?.phase !== 'Running') continue;
        runningAfter.set(p.metadata.name, performance.now() - t0);
        if (runningAfter.size === PODS) allRunning();
      }
    })().catch(() => undefined);

    const ctdPid = await kubelet.containerdPid();
    const noCpu = { own: NaN, children: NaN };
    const cpuBefore = {
      self: process.cpuUsage(),
      kubelet: await cpuSeconds(kubelet.pid),
      containerd: ctdPid ? await cpuSeconds(ctdPid) : noCpu,
      shims: await shimCpuSeconds(),
    };
    const started = performance.now();
    await Promise.all(
      names.map((name) => {
        createdAt.set(name, performance.now());
        // IfNotPresent: the image is present, so this measures startup rather than a pull attempt per pod.
        return pods.create(
          testPod(name, node.nodeName, {
            terminationGracePeriodSeconds: 0,
            containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sleep', '3600'] }],
          }),
        );
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, DEADLINE_MS)))]);
    clearTimeout(timer);
    const wall = performance.now() - started;
    const kubeletRss = await rssMiB(kubelet.pid);
    const apiRss = await rssMiB('self');
    const selfCpu = process.cpuUsage(cpuBefore.self);
    const apiCpu = (selfCpu.user + selfCpu.system) / 1e6;
    const kubeletCpu = (await cpuSeconds(kubelet.pid)).own - cpuBefore.kubelet.own;
    const ctdAfter = ctdPid ? await cpuSeconds(ctdPid) : noCpu;
    const containerdCpu = ctdAfter.own - cpuBefore.containerd.own;
    // containerd waits for the CNI plugins it runs; each pod's shim waits for its runc calls.
    const cniCpu = ctdAfter.children - cpuBefore.containerd.children;
    const shimsAfter = await shimCpuSeconds();
    const shimCpu = shimsAfter.own - cpuBefore.shims.own;
    const runcCpu = shimsAfter.children - cpuBefore.shims.children;
    const containerdRss = ctdPid ? await rssMiB(ctdPid) : NaN;
    watch.close();
    await watching;

    const s = summarize([...runningAfter.values()]);
    console.log(
      '| pods Running | wall s | p50 ms | p99 ms | max ms | kubelet RSS MiB | API server RSS MiB | containerd RSS MiB | kubelet CPU s | API server CPU s | containerd CPU s |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${runningAfter.size}/${PODS} | ${fmt(wall / 1000, 1)} | ${fmt(s.p50, 0)} | ${fmt(s.p99, 0)} | ${fmt(s.max, 0)} | ${fmt(kubeletRss, 0)} | ${fmt(apiRss, 0)} | ${fmt(containerdRss, 0)} | ${fmt(kubeletCpu, 1)} | ${fmt(apiCpu, 1)} | ${fmt(containerdCpu, 1)} |`,
    );
    console.log(
      `\nCPU seconds spent starting them: kubelet ${fmt(kubeletCpu, 2)}, API server (+ this bench's client) ${fmt(apiCpu, 2)}, containerd ${fmt(containerdCpu, 2)}, CNI plugins ${fmt(cniCpu, 2)}, shims ${fmt(shimCpu, 2)}, runc ${fmt(runcCpu, 2)} (wall ${fmt(wall / 1000, 2)} s on ${availableParallelism()} cores)`,
    );
    if (runningAfter.size < PODS)
      console.log(`\ngave up after ${DEADLINE_MS / 1000} s: ${PODS - runningAfter.size} pods not Running`);
    console.log('\nTargets:');
    const check = (ok: boolean, what: string) => console.log(`  ${ok ? 'met ' : 'MISS'}  ${what}`);
    const complete = runningAfter.size === PODS;
    check(complete && s.p50 < 1000, `create → Running p50 < 1 s (${fmt(s.p50, 0)} ms)`);
    check(complete && s.p99 < 2000, `create → Running p99 < 2 s (${fmt(s.p99, 0)} ms)`);

    // Delete everything and wait (bounded) for the kubelet to tear it down before the node goes.
    await Promise.all(names.map((name) => pods.delete(name).catch(() => undefined)));
    // The kubelet deletes a pod's API object once it has killed it: an empty list means torn down.
    const tornDown = () =>
      waitFor('pods torn down', async () => ((await pods.list()).items.length === 0 ? true : undefined), 30_000).catch(() => {
        console.log('  (some pods were still there after 30 s; the node teardown removes them)');
      });
    await tornDown();

    // For comparison: the same pods one at a time, when the machine is not saturated (seen by a watch too).
    const single: number[] = [];
    const seqWatch = pods.watch({});
    const waiting = new Map<string, () => void>();
    const seqWatching = (async () => {
      for await (const ev of seqWatch) {
        if ((ev.type === 'ADDED' || ev.type === 'MODIFIED') && ev.object.status?.phase === 'Running') waiting.get(ev.object.metadata.name)?.();
      }
    })().catch(() => undefined);
    const until = performance.now() + 30_000;
    for (let i = 0; i < SEQUENTIAL_PODS && performance.now() < until; i++) {
      const name = `bench-seq-${i}`;
      let timer: NodeJS.Timeout | undefined;
      const running = new Promise<boolean>((resolve) => {
        waiting.set(name, () => resolve(true));
        timer = setTimeout(() => resolve(false), 10_000);
      });
      const t0 = performance.now();
      await pods.create(
        testPod(name, node.nodeName, {
          terminationGracePeriodSeconds: 0,
          containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sleep', '3600'] }],
        }),
      );
      if (await running) single.push(performance.now() - t0);
      clearTimeout(timer);
      await pods.delete(name).catch(() => undefined);
    }
    seqWatch.close();
    await seqWatching;
    const seq = summarize(single);
    console.log(`\nOne pod at a time (${single.length}/${SEQUENTIAL_PODS} Running): p50 ${fmt(seq.p50, 0)} ms, max ${fmt(seq.max, 0)} ms`);
    await tornDown();
  } catch (err) {
    console.log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await kubelet?.stop();
    client?.close();
    await fx?.close();
  }
}
