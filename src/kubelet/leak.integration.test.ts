/**
 * 50 create/delete cycles of pod-network busybox pods on real containerd (five at a time) leave nothing
 * behind: no sandbox or container in CRI, no IP reserved in host-local's store, no mount under the node's
 * dir, no pod log dir, no cgroup under the node's cgroup root, none of the pods' network namespaces, and no
 * iptables/nftables rule or CNI chain that concerned the pods. Other nodes may run on this machine at the
 * same time, so host-wide state is compared only for what this node's pods created (their IPs, netns paths
 * and the CNI chains naming them), recorded while they ran.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cniNames } from './cni/conflist.js';
import { CGROUP_V1_ROOT, mountsUnder } from './containerd/cleanup.js';
import type { ApiPod } from './kuberuntime/pod-types.js';
import { deletePodAndWait, podsIn, startRealNode, testPod, waitFor, waitForNodeReady, type RealNodeFixture } from './testing/real-node.js';

const run = promisify(execFile);
const NS = 'default';
const CIDR_PREFIX = '10.244.223.';
const ROUNDS = Number(process.env.K8TS_LEAK_ROUNDS ?? 10);
const PER_ROUND = 5;
let rn: RealNodeFixture;

before(async () => {
  rn = await startRealNode({ podCIDR: '10.244.223.0/24', prefix: 'leak' });
  await waitForNodeReady(rn.fx.nodes, rn.nodeName);
});

after(async () => {
  await rn?.close();
});

/** iptables-save (nft backend) plus the native nft ruleset: every line. */
async function rulesets(): Promise<string[]> {
  const ipt = await run('iptables-save', [], { maxBuffer: 64 << 20 }).then(
    (r) => r.stdout,
    () => '',
  );
  const nft = await run('nft', ['list', 'ruleset'], { maxBuffer: 64 << 20 }).then(
    (r) => r.stdout,
    () => '',
  );
  return `${ipt}\n${nft}`.split('\n');
}

/** Lines that concern any of `ips` (an exact address, not a prefix of a longer one). */
function linesNaming(lines: string[], ips: Iterable<string>): string[] {
  const res = [...ips].map((ip) => new RegExp(`(^|[^0-9.])${ip.replace(/\./g, '\\.')}($|[^0-9])`));
  return lines.filter((l) => res.some((re) => re.test(l)));
}

/** CNI chain names (`CNI-…`) that rules about `ips` jump to or live in. */
function cniChainsNaming(lines: string[], ips: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const l of linesNaming(lines, ips)) for (const m of l.matchAll(/\bCNI-[0-9a-f]{16,}\b/g)) out.add(m[0]);
  return out;
}

/** The network namespace path of a running sandbox, from containerd's verbose status (its runtime spec). */
async function sandboxNetns(id: string): Promise<string | undefined> {
  const st = await rn.node.cri.podSandboxStatus({ pod_sandbox_id: id, verbose: true });
  const info = JSON.parse(st.info?.['info'] ?? '{}') as {
    runtimeSpec?: { linux?: { namespaces?: { type: string; path?: string }[] } };
  };
  return info.runtimeSpec?.linux?.namespaces?.find((n) => n.type === 'network')?.path;
}

async function cgroupChildren(cgroupRoot: string): Promise<string[]> {
  const out: string[] = [];
  for (const h of await readdir(CGROUP_V1_ROOT).catch(() => [] as string[])) {
    const dir = join(CGROUP_V1_ROOT, h, cgroupRoot);
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => []))
      if (e.isDirectory()) out.push(join(dir, e.name));
  }
  return out;
}

test(`${ROUNDS * PER_ROUND} pod create/delete cycles leave nothing behind`, { timeout: 240_000 }, async () => {
  const pods = podsIn(rn.fx, NS);
  const { networkName } = cniNames(rn.nodeName);
  const cgroupRoot = `/k8ts-${rn.nodeName}`;
  const mountsBefore = await mountsUnder(rn.dir);
  const rulesBefore = await rulesets();
  const ips = new Set<string>();
  const netnsPaths = new Set<string>();
  const chains = new Set<string>();
  let cycles = 0;

  for (let round = 0; round < ROUNDS; round++) {
    const names = Array.from({ length: PER_ROUND }, (_, i) => `cycle-${round}-${i}`);
    const t0 = Date.now();
    // One pod per round is deleted with no grace: it vanishes from the API at once and only the kubelet's
    // relist finds its leftovers; the others go the graceful way (the kubelet kills, then deletes).
    await Promise.all(
      names.map((name, i) =>
        pods.create(
          testPod(name, rn.nodeName, {
            terminationGracePeriodSeconds: i === 0 ? 0 : 1,
            containers: [{ name: 'c', image: 'busybox', command: ['sleep', '600'] }],
          }),
        ),
      ),
    );
    const running: ApiPod[] = await Promise.all(
      names.map((name) =>
        waitFor(
          `${name} Running`,
          async () => {
            const p = await pods.get(name);
            return p.status?.phase === 'Running' && p.status.podIP ? p : undefined;
          },
          30_000,
        ),
      ),
    );
    const t1 = Date.now();
    for (const p of running) {
      assert.ok(p.status!.podIP!.startsWith(CIDR_PREFIX), p.status!.podIP);
      ips.add(p.status!.podIP!);
    }
    // What the pods made on the host while they ran, to look for after they are gone.
    for (const sb of (await rn.node.cri.listPodSandbox({})).items) {
      const ns = await sandboxNetns(sb.id);
      if (ns) netnsPaths.add(ns);
    }
    for (const c of cniChainsNaming(
      await rulesets(),
      running.map((p) => p.status!.podIP!),
    ))
      chains.add(c);
    await Promise.all(names.map((name) => deletePodAndWait(pods, name)));
    cycles += names.length;
    if (process.env.K8TS_LEAK_DEBUG)
      console.log(`round ${round}: running after ${t1 - t0} ms, gone after ${Date.now() - t1} ms`);
  }
  assert.equal(cycles, ROUNDS * PER_ROUND);
  assert.equal(netnsPaths.size, cycles, 'every pod had its own network namespace');
  // The conflist has no ipMasq, so the bridge plugin makes no per-pod chains today; any other chain that names
  // a pod (portmap's, for hostPorts) is still looked for after the pods are gone.

  // Graceful deletes finish after the kubelet's teardown; the no-grace ones are torn down by its relist
  // (every second), so give that a bounded moment.
  const cri = rn.node.cri;
  await waitFor(
    'the runtime empty',
    async () => (await cri.listPodSandbox({})).items.length === 0 || undefined,
    15_000,
  ).catch(() => undefined);
  assert.deepEqual(
    (await cri.listPodSandbox({})).items.map((s) => s.id),
    [],
  );
  assert.deepEqual(
    (await cri.listContainers({})).containers.map((c) => c.id),
    [],
  );
  // The relist's teardown ends with volumes, logs and cgroups, right after the sandbox removal.
  await waitFor(
    'pod dirs gone',
    async () => (await readdir(join(rn.dir, 'kubelet', 'pods')).catch(() => [])).length === 0 || undefined,
    5_000,
  ).catch(() => undefined);

  const store = join('/var/lib/cni/networks', networkName);
  const reserved = (await readdir(store).catch(() => [] as string[])).filter((f) => /^\d+\.\d+\.\d+\.\d+$/.test(f));
  assert.deepEqual(reserved, [], `IPs still reserved in ${store}`);

  assert.deepEqual(await mountsUnder(rn.dir), mountsBefore);
  assert.deepEqual(await readdir(join(rn.dir, 'kubelet', 'pods')).catch(() => []), []);
  assert.deepEqual(await readdir(join(rn.dir, 'kubelet', 'logs')).catch(() => []), []);
  assert.deepEqual(await cgroupChildren(cgroupRoot), []);
  assert.deepEqual(
    [...netnsPaths].filter((p) => existsSync(p)),
    [],
  );

  const rulesAfter = await rulesets();
  assert.deepEqual(linesNaming(rulesAfter, ips), linesNaming(rulesBefore, ips));
  const leftChains = [...chains].filter((c) => rulesAfter.some((l) => l.includes(c)));
  assert.deepEqual(leftChains, []);
});
