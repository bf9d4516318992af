/**
 * Pod startup benchmark: a real node (in-process API server and kubelet, its own containerd), 30 pod-network
 * busybox pods created at once, and the time from each create request to the pod's first Running status as a
 * watch sees it. Prints p50/p99/max beside the targets, and the RSS of this process (API server + kubelet)
 * and of containerd. Needs root and containerd; bounded: it gives up after 60 s and prints what was reached.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { ApiPod } from '../src/kubelet/kuberuntime/pod-types.js';
import { podsIn, startRealNode, testPod, waitFor, type RealNodeFixture } from '../src/kubelet/testing/real-node.js';
import { fmt, summarize } from './stats.js';

const PODS = Number(process.env.BENCH_PODS ?? 30);
const DEADLINE_MS = 60_000;
const NS = 'default';
/** Kept apart from the kubelet integration tests' podCIDRs (bench and tests do not run at once). */
const POD_CIDR = '10.244.223.0/24';

/** VmRSS of a process in MiB, from /proc/<pid>/status (NaN when unreadable). */
async function rssMiB(pid: number | 'self'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/** CPU seconds (user + system) a process used so far, from /proc/<pid>/stat (NaN when unreadable). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the parenthesised command: utime and stime are the 12th and 13th, in clock ticks (100/s).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return f.length > 12 ? (Number(f[11]) + Number(f[12])) / 100 : NaN;
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
  let rn: RealNodeFixture | undefined;
  try {
    rn = await startRealNode({ podCIDR: POD_CIDR, prefix: 'bench' });
    const node = rn;
    await waitFor(
      'node Ready',
      async () => {
        const n = await node.fx.nodes.get(node.nodeName);
        return n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' || undefined;
      },
      60_000,
    );
    const pods = podsIn(node.fx, NS);
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

    const ctdPid = node.node.containerd?.pid();
    const cpuBefore = { self: process.cpuUsage(), containerd: ctdPid ? await cpuSeconds(ctdPid) : NaN };
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
    const kubeletRss = await rssMiB('self');
    const selfCpu = process.cpuUsage(cpuBefore.self);
    const containerdCpu = ctdPid ? (await cpuSeconds(ctdPid)) - cpuBefore.containerd : NaN;
    const containerdRss = ctdPid ? await rssMiB(ctdPid) : NaN;
    watch.close();
    await watching;

    const s = summarize([...runningAfter.values()]);
    console.log(
      '| pods Running | wall s | p50 ms | p99 ms | max ms | this process RSS MiB | containerd RSS MiB | this process CPU s | containerd CPU s |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${runningAfter.size}/${PODS} | ${fmt(wall / 1000, 1)} | ${fmt(s.p50, 0)} | ${fmt(s.p99, 0)} | ${fmt(s.max, 0)} | ${fmt(kubeletRss, 0)} | ${fmt(containerdRss, 0)} | ${fmt((selfCpu.user + selfCpu.system) / 1e6, 1)} | ${fmt(containerdCpu, 1)} |`,
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
    const cri = node.node.cri;
    await waitFor(
      'pods torn down',
      async () => (await cri.listPodSandbox({})).items.length === 0 || undefined,
      30_000,
    ).catch(() => {
      console.log('  (some sandboxes were still there after 30 s; the node teardown removes them)');
    });
  } catch (err) {
    console.log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await rn?.close();
  }
}
