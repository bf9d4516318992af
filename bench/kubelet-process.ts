/**
 * A kubelet in its own process (`k8ts kubelet`, with its own containerd) for the pod startup bench, so that
 * the kubelet's RSS and CPU are measured apart from the API server's. The Node carries its podCIDR before the
 * kubelet starts (no IPAM controller). `stop()` sends SIGTERM (the kubelet removes its pods and stops
 * containerd), then removes what outlives it: mounts, cgroups, the CNI bridge and host-local's store.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cniNames } from '../src/kubelet/cni/conflist.js';
import { killShims, removeCgroups, unmountUnder } from '../src/kubelet/containerd/cleanup.js';
import { containerdPaths } from '../src/kubelet/containerd/config.js';

export interface KubeletProcess {
  pid: number;
  nodeName: string;
  /** containerd's pid (a child of the kubelet), once started. */
  containerdPid(): Promise<number | undefined>;
  stop(): Promise<void>;
}

const cli = fileURLToPath(new URL('../src/cmd/k8ts.js', import.meta.url));

export async function startKubeletProcess(o: { kubeconfig: string; nodeName: string }): Promise<KubeletProcess> {
  const dir = await mkdtemp('/tmp/k8ts-bench-');
  const cgroupRoot = `/k8ts-${o.nodeName}`;
  const child = spawn(
    process.execPath,
    [cli, 'kubelet', '--kubeconfig', o.kubeconfig, '--node-name', o.nodeName, '--node-ip', '127.0.0.1', '--root-dir', join(dir, 'kubelet'),
      '--containerd-data-dir', join(dir, 'ctd'), '--cgroup-root', cgroupRoot, '--kubelet-port', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid!,
    nodeName: o.nodeName,
    async containerdPid() {
      for (const name of await readdir('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmd = (await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '')).split('\0')[0] ?? '';
        if (ppid === child.pid && /(^|\/)containerd$/.test(cmd)) return Number(name);
      }
      return undefined;
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
          await exited;
          clearTimeout(timer);
        }
        await killShims(containerdPaths(join(dir, 'ctd')).socket).catch(() => undefined);
        await unmountUnder(dir).catch(() => undefined);
        await removeCgroups(cgroupRoot).catch(() => undefined);
        const { bridgeName, networkName } = cniNames(o.nodeName);
        await promisify(execFile)('ip', ['link', 'del', bridgeName]).catch(() => undefined);
        await rm(join('/var/lib/cni/networks', networkName), { recursive: true, force: true });
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
