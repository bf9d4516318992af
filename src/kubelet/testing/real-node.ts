/**
 * A real node for integration tests: an in-process API server, a Node object carrying a podCIDR (no IPAM
 * controller in these tests), and `startNode` with its own containerd in a temp dir. `close()` removes
 * everything the node made — containerd and its shims, mounts, cgroups, the CNI bridge and host-local
 * store — even when a test failed half-way. Each fixture gets unique node, cgroup and bridge names, so
 * fixtures in parallel test files never collide; only the podCIDRs must differ (pick one per test file).
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Lease } from '../../client/leaderelection/lease-lock.js';
import { RestClient } from '../../client/rest/rest-client.js';
import { EVENTS, LEASES, NODES, PODS } from '../../client/rest/resources.js';
import type { ResourceClient } from '../../client/rest/resource-client.js';
import { silentLogger, type Logger } from '../../util/log.js';
import { waitFor } from '../../testing/wait-for.js';
import type { CriClient } from '../cri/service.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { killShims, removeCgroups, unmountUnder } from '../containerd/cleanup.js';
import { cniNames } from '../cni/conflist.js';
import { NODE_LEASE_NAMESPACE } from '../node/node-lease.js';
import { startApiFixture, type ApiFixture } from '../node/test-helpers.js';
import type { Node } from '../node/types.js';
import { startNode, type NodeHandle, type NodeSetupOptions } from '../setup.js';

export interface RealNodeFixture {
  fx: ApiFixture;
  node: NodeHandle;
  nodeName: string;
  /** The temp dir holding the kubelet root (`kubelet/`) and containerd's data (`ctd/`). */
  dir: string;
  close(): Promise<void>;
}

export interface RealNodeOptions {
  /** The node's podCIDR; distinct per test file (e.g. `10.244.<n>.0/24`). */
  podCIDR: string;
  /** Name prefix (a random suffix is added). */
  prefix?: string;
  /** Default 127.0.0.1. */
  nodeIP?: string;
  logger?: Logger;
  /** Extra options for `startNode`. */
  node?: Partial<NodeSetupOptions>;
}

/** The kubelet's client-side rate limit: upstream's KubeletConfiguration defaults (kubeAPIQPS, kubeAPIBurst). */
export const KUBELET_API_QPS = 50;
export const KUBELET_API_BURST = 100;

export { waitFor };

export async function startRealNode(o: RealNodeOptions): Promise<RealNodeFixture> {
  const suffix = randomBytes(3).toString('hex');
  const nodeName = `${o.prefix ?? 'it'}-${suffix}`;
  const cgroupRoot = `/k8ts-${nodeName}`;
  const dir = await mkdtemp('/tmp/k8ts-node-');
  let fx: ApiFixture | undefined;
  let node: NodeHandle | undefined;
  const close = async () => {
    await node?.stop().catch(() => undefined);
    if (node?.containerd) await killShims(node.containerd.socket).catch(() => undefined);
    await unmountUnder(dir).catch(() => undefined);
    await removeCgroups(cgroupRoot).catch(() => undefined);
    // The bridge device and host-local's store outlive containerd: they belong to this node only.
    const { bridgeName, networkName } = cniNames(nodeName);
    await promisify(execFile)('ip', ['link', 'del', bridgeName]).catch(() => undefined);
    await rm(join('/var/lib/cni/networks', networkName), { recursive: true, force: true });
    kubeletClient?.close();
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  };
  let kubeletClient: RestClient | undefined;
  try {
    // The kubelet gets its own client with its own (upstream default) rate limit, as a real one has; the
    // test's client is not limited, so polling from tests never delays the kubelet's writes or vice versa.
    const base = await startApiFixture();
    const client = RestClient.fromKubeconfig(base.api.kubeconfig, { component: 'kubelet-test', qps: Infinity });
    fx = {
      api: base.api,
      client,
      nodes: client.resource<Node>(NODES),
      leases: client.resource<Lease>(LEASES, NODE_LEASE_NAMESPACE),
      async close() {
        client.close();
        await base.close();
      },
    };
    kubeletClient = RestClient.fromKubeconfig(base.api.kubeconfig, { component: 'kubelet', qps: KUBELET_API_QPS, burst: KUBELET_API_BURST });
    await fx.nodes.create({ metadata: { name: nodeName }, spec: { podCIDR: o.podCIDR } });
    node = await startNode({
      client: kubeletClient,
      nodeName,
      nodeIP: o.nodeIP ?? '127.0.0.1',
      rootDir: join(dir, 'kubelet'),
      containerdDataDir: join(dir, 'ctd'),
      cgroupRoot,
      kubeletPort: 0, // several test nodes on one machine: never fight over 10250
      logger: o.logger ?? silentLogger,
      ...o.node,
    });
  } catch (err) {
    await close();
    throw err;
  }
  return { fx, node, nodeName, dir, close };
}

/** A core/v1 Event as tests read it. */
export interface TestEvent {
  type: string;
  reason: string;
  message: string;
  count?: number;
  involvedObject: { name: string; uid?: string; fieldPath?: string };
}

/** The pods client of a namespace (what kubectl reads status through). */
export function podsIn(fx: ApiFixture, namespace: string): ResourceClient<ApiPod> {
  return fx.client.resource<ApiPod>(PODS, namespace);
}

/** Waits until the Node reports Ready=True; resolves the Node. */
export function waitForNodeReady(nodes: ResourceClient<Node>, nodeName: string, timeoutMs = 30_000): Promise<Node> {
  return waitFor(
    `node ${nodeName} Ready`,
    async () => {
      const n = await nodes.get(nodeName);
      return n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? n : undefined;
    },
    timeoutMs,
  );
}

/** Deletes a pod (already gone is fine) and waits until the API no longer has it. */
export async function deletePodAndWait(pods: ResourceClient<ApiPod>, name: string, timeoutMs = 30_000): Promise<void> {
  await pods.delete(name).catch(() => undefined);
  await waitFor(`${name} gone`, async () => pods.get(name).then(() => undefined, () => true), timeoutMs);
}

/** The events of a namespace about the object named `name`, oldest first. */
export async function eventsFor(fx: ApiFixture, namespace: string, name: string): Promise<TestEvent[]> {
  const items = (await fx.client.resource<TestEvent & { metadata?: { name?: string } }>(EVENTS, namespace).list()).items;
  return items.filter((e) => e.involvedObject.name === name);
}

/** Runs `cmd` in a container (`containerd://<id>` or bare id) over CRI ExecSync; resolves stdout and the exit code. */
export async function execIn(cri: CriClient, containerID: string, cmd: string[]): Promise<{ stdout: string; exitCode: number }> {
  const id = containerID.replace(/^[a-z]+:\/\//, '');
  const r = await cri.execSync({ container_id: id, cmd, timeout: '10' });
  return { stdout: Buffer.from(r.stdout ?? '').toString('utf8'), exitCode: r.exit_code };
}

/** A pod bound to `nodeName` with a short grace period (fields in `spec` override). */
export function testPod(name: string, nodeName: string, spec: Partial<ApiPod['spec']> & Pick<ApiPod['spec'], 'containers'>): ApiPod {
  return {
    metadata: { name } as ApiPod['metadata'],
    spec: { nodeName, terminationGracePeriodSeconds: 1, ...spec },
  };
}

/** Every status a watch saw of one pod, in order; `close()` ends the watch. */
export interface PodStatusLog {
  seen: NonNullable<ApiPod['status']>[];
  /** The waiting reasons of the first container, in the order seen (repeats collapsed). */
  waitingReasons(): string[];
  close(): void;
}

/** Starts recording the statuses of pod `name` (a watch, so short-lived states are not missed). */
export function watchPodStatus(pods: ResourceClient<ApiPod>, name: string): PodStatusLog {
  const stream = pods.watch({ fieldSelector: `metadata.name=${name}` });
  const seen: NonNullable<ApiPod['status']>[] = [];
  void (async () => {
    try {
      for await (const ev of stream) {
        if ((ev.type === 'ADDED' || ev.type === 'MODIFIED') && ev.object.metadata.name === name && ev.object.status) seen.push(ev.object.status);
      }
    } catch {
      // closed
    }
  })();
  return {
    seen,
    waitingReasons() {
      const out: string[] = [];
      for (const s of seen) {
        const r = s.containerStatuses?.[0]?.state?.waiting?.reason;
        if (r && out[out.length - 1] !== r) out.push(r);
      }
      return out;
    },
    close: () => stream.close(),
  };
}
