/**
 * An in-memory CRI runtime for unit tests of the kubelet: implements {@link CriClient}, records every call,
 * and models containerd's observable behaviour closely enough for sync-loop tests (NOT_FOUND rules, name
 * reservation, forced stops on removal, hostname rules of NODE-network sandboxes).
 *
 * Containers never run anything: they move between states when the test or the kubelet says so
 * (`exitContainer` simulates a process ending). Nothing is asynchronous beyond the returned promises.
 */
import { GrpcCode } from './errors.js';
import { FakeRuntimeState } from './fake-state.js';
import { containerStats, containerSummary, labelsMatch, sandboxSummary, stringMap } from './fake-views.js';
import { imageMethods, runtimeMethods, type CriClient } from './service.js';
import type { Empty } from './types-runtime.js';

export type { FakeContainer, FakeCriClientOptions, FakePodNetwork, FakeSandbox, RecordedCriCall } from './fake-state.js';

const EMPTY: Empty = {};

/**
 * See the module comment. Calls complete in the order they are made; do not mutate the public maps while
 * a call is in flight.
 */
export class FakeCriClient extends FakeRuntimeState implements CriClient {
  // ---- RuntimeService ----

  version: CriClient['version'] = (req) =>
    this.run(runtimeMethods.version, req, () => ({
      version: '0.1.0',
      runtime_name: 'fake',
      runtime_version: '0.0.0',
      runtime_api_version: 'v1',
    }));

  status: CriClient['status'] = (req) =>
    this.run(runtimeMethods.status, req, () => ({
      status: {
        conditions: [
          { type: 'RuntimeReady', status: true, reason: '', message: '' },
          {
            type: 'NetworkReady',
            status: this.networkReady,
            reason: this.networkReady ? '' : 'NetworkPluginNotReady',
            message: this.networkReady ? '' : 'cni config uninitialized',
          },
        ],
      },
      info: {},
    }));

  runPodSandbox: CriClient['runPodSandbox'] = (req) =>
    this.run(runtimeMethods.runPodSandbox, req, () => {
      const config = req.config ?? {};
      const md = config.metadata;
      if (!md?.name || !md.namespace || !md.uid)
        throw this.err(
          'RunPodSandbox',
          GrpcCode.INVALID_ARGUMENT,
          'sandbox metadata name, namespace and uid are required',
        );
      const network = config.linux?.security_context?.namespace_options?.network ?? 'POD';
      if (network === 'NODE' && config.hostname) {
        throw this.err(
          'RunPodSandbox',
          GrpcCode.UNKNOWN,
          'failed to create containerd task: unable to set hostname without a private UTS namespace',
        );
      }
      const id = this.newId('sandbox');
      this.reserve(`sandbox/${md.name}_${md.namespace}_${md.uid}_${md.attempt ?? 0}`, id, 'RunPodSandbox');
      let ip = '';
      if (network !== 'NODE') {
        try {
          ip = this.podNetwork ? this.podNetwork.allocate(id) : `10.88.0.${this.nextIp++}`;
        } catch (err) {
          this.release(id);
          throw this.err('RunPodSandbox', GrpcCode.UNKNOWN, `failed to setup network for sandbox "${id}": ${(err as Error).message}`);
        }
      }
      this.sandboxes.set(id, {
        config,
        status: {
          id,
          metadata: { name: md.name, namespace: md.namespace, uid: md.uid, attempt: md.attempt ?? 0 },
          state: 'SANDBOX_READY',
          created_at: this.nowNanos(),
          network: { ip, additional_ips: [] },
          linux: null,
          labels: stringMap(config.labels),
          annotations: stringMap(config.annotations),
          runtime_handler: req.runtime_handler ?? '',
        },
      });
      return { pod_sandbox_id: id };
    });

  stopPodSandbox: CriClient['stopPodSandbox'] = (req) =>
    this.run(runtimeMethods.stopPodSandbox, req, () => {
      const sb = this.sandbox('StopPodSandbox', req.pod_sandbox_id);
      for (const c of this.containers.values()) if (c.pod_sandbox_id === sb.status.id) this.finish(c, 137);
      sb.status.state = 'SANDBOX_NOTREADY';
      return EMPTY;
    });

  removePodSandbox: CriClient['removePodSandbox'] = (req) =>
    this.run(runtimeMethods.removePodSandbox, req, () => {
      // containerd treats removing an unknown sandbox as done, and force-stops a ready one.
      const sb = this.sandboxes.get(req.pod_sandbox_id ?? '');
      if (!sb) return EMPTY;
      for (const [id, c] of this.containers) if (c.pod_sandbox_id === sb.status.id) this.dropContainer(id);
      this.sandboxes.delete(sb.status.id);
      this.release(sb.status.id);
      this.podNetwork?.release(sb.status.id);
      return EMPTY;
    });

  podSandboxStatus: CriClient['podSandboxStatus'] = (req) =>
    this.run(runtimeMethods.podSandboxStatus, req, () => ({
      status: structuredClone(this.sandbox('PodSandboxStatus', req.pod_sandbox_id).status),
      info: {},
    }));

  listPodSandbox: CriClient['listPodSandbox'] = (req) =>
    this.run(runtimeMethods.listPodSandbox, req, () => {
      const f = req.filter;
      const items = [...this.sandboxes.values()]
        .map((s) => s.status)
        .filter((s) => !f?.id || s.id.startsWith(f.id))
        .filter((s) => !f?.state || s.state === (f.state.state ?? 'SANDBOX_READY'))
        .filter((s) => labelsMatch(s.labels, f?.label_selector))
        .map(sandboxSummary);
      return { items };
    });

  createContainer: CriClient['createContainer'] = (req) =>
    this.run(runtimeMethods.createContainer, req, () => {
      const sb = this.sandbox('CreateContainer', req.pod_sandbox_id);
      const config = req.config ?? {};
      const md = config.metadata;
      if (!md?.name)
        throw this.err('CreateContainer', GrpcCode.INVALID_ARGUMENT, 'container metadata name is required');
      const imageName = config.image?.image ?? '';
      const image = this.images.find(imageName);
      if (!image)
        throw this.err('CreateContainer', GrpcCode.NOT_FOUND, `failed to resolve image "${imageName}": not found`);
      const id = this.newId('container');
      this.reserve(`container/${md.name}_${sb.status.id}_${md.attempt ?? 0}`, id, 'CreateContainer');
      const logDir = sb.config.log_directory ?? '';
      this.containers.set(id, {
        pod_sandbox_id: sb.status.id,
        config,
        status: {
          id,
          metadata: { name: md.name, attempt: md.attempt ?? 0 },
          state: 'CONTAINER_CREATED',
          created_at: this.nowNanos(),
          started_at: '0',
          finished_at: '0',
          exit_code: 0,
          image: { image: imageName, annotations: {}, user_specified_image: '', runtime_handler: '' },
          image_ref: image.id,
          reason: '',
          message: '',
          labels: stringMap(config.labels),
          annotations: stringMap(config.annotations),
          mounts: [],
          log_path: config.log_path && logDir ? `${logDir}/${config.log_path}` : '',
          resources: null,
        },
      });
      return { container_id: id };
    });

  startContainer: CriClient['startContainer'] = (req) =>
    this.run(runtimeMethods.startContainer, req, () => {
      const c = this.container('StartContainer', req.container_id);
      if (c.status.state !== 'CONTAINER_CREATED') {
        throw this.err('StartContainer', GrpcCode.UNKNOWN, `container is in ${c.status.state} state`);
      }
      c.status.state = 'CONTAINER_RUNNING';
      c.status.started_at = this.nowNanos();
      return EMPTY;
    });

  stopContainer: CriClient['stopContainer'] = (req) =>
    this.run(runtimeMethods.stopContainer, req, () => {
      this.finish(this.container('StopContainer', req.container_id), 137);
      return EMPTY;
    });

  removeContainer: CriClient['removeContainer'] = (req) =>
    this.run(runtimeMethods.removeContainer, req, () => {
      this.dropContainer(req.container_id ?? '');
      return EMPTY;
    });

  listContainers: CriClient['listContainers'] = (req) =>
    this.run(runtimeMethods.listContainers, req, () => {
      const f = req.filter;
      const containers = [...this.containers.values()]
        .filter((c) => !f?.id || c.status.id.startsWith(f.id))
        .filter((c) => !f?.pod_sandbox_id || c.pod_sandbox_id.startsWith(f.pod_sandbox_id))
        .filter((c) => !f?.state || c.status.state === (f.state.state ?? 'CONTAINER_CREATED'))
        .filter((c) => labelsMatch(c.status.labels, f?.label_selector))
        .map(containerSummary);
      return { containers };
    });

  containerStatus: CriClient['containerStatus'] = (req) =>
    this.run(runtimeMethods.containerStatus, req, () => ({
      status: structuredClone(this.container('ContainerStatus', req.container_id).status),
      info: {},
    }));

  updateContainerResources: CriClient['updateContainerResources'] = (req) =>
    this.run(runtimeMethods.updateContainerResources, req, () => {
      const c = this.container('UpdateContainerResources', req.container_id);
      c.config = { ...c.config, linux: { ...(c.config.linux ?? {}), resources: req.linux ?? null } };
      return EMPTY;
    });

  execSync: CriClient['execSync'] = (req) =>
    this.run(runtimeMethods.execSync, req, () => {
      const c = this.container('ExecSync', req.container_id);
      if (c.status.state !== 'CONTAINER_RUNNING') {
        throw this.err('ExecSync', GrpcCode.UNKNOWN, `container is in ${c.status.state} state`);
      }
      return this.execSyncHandler(c.status.id, (req.cmd ?? []).map(String));
    });

  exec: CriClient['exec'] = (req) =>
    this.run(runtimeMethods.exec, req, () => ({
      url: this.streamUrl('exec', this.container('Exec', req.container_id).status.id),
    }));

  attach: CriClient['attach'] = (req) =>
    this.run(runtimeMethods.attach, req, () => ({
      url: this.streamUrl('attach', this.container('Attach', req.container_id).status.id),
    }));

  portForward: CriClient['portForward'] = (req) =>
    this.run(runtimeMethods.portForward, req, () => ({
      url: this.streamUrl('portforward', this.sandbox('PortForward', req.pod_sandbox_id).status.id),
    }));

  containerStats: CriClient['containerStats'] = (req) =>
    this.run(runtimeMethods.containerStats, req, () => ({
      stats: containerStats(this.container('ContainerStats', req.container_id), this.nowNanos()),
    }));

  listContainerStats: CriClient['listContainerStats'] = (req) =>
    this.run(runtimeMethods.listContainerStats, req, () => {
      const f = req.filter;
      const stats = [...this.containers.values()]
        .filter((c) => c.status.state === 'CONTAINER_RUNNING')
        .filter((c) => !f?.id || c.status.id.startsWith(f.id))
        .filter((c) => !f?.pod_sandbox_id || c.pod_sandbox_id.startsWith(f.pod_sandbox_id))
        .filter((c) => labelsMatch(c.status.labels, f?.label_selector))
        .map((c) => containerStats(c, this.nowNanos()));
      return { stats };
    });

  // ---- ImageService ----

  listImages: CriClient['listImages'] = (req) =>
    this.run(imageMethods.listImages, req, () => ({ images: this.images.list(req.filter?.image?.image ?? '') }));

  imageStatus: CriClient['imageStatus'] = (req) =>
    this.run(imageMethods.imageStatus, req, () => ({
      image: this.images.find(req.image?.image ?? '') ?? null,
      info: {},
    }));

  pullImage: CriClient['pullImage'] = (req) =>
    this.run(imageMethods.pullImage, req, () => {
      const name = req.image?.image ?? '';
      const image = this.images.pull(name);
      if (!image) throw this.err('PullImage', GrpcCode.NOT_FOUND, `failed to resolve reference "${name}": not found`);
      return { image_ref: image.id };
    });

  removeImage: CriClient['removeImage'] = (req) =>
    this.run(imageMethods.removeImage, req, () => {
      this.images.remove(req.image?.image ?? '');
      return EMPTY;
    });

  imageFsInfo: CriClient['imageFsInfo'] = (req) =>
    this.run(imageMethods.imageFsInfo, req ?? {}, () => ({
      image_filesystems: [
        {
          timestamp: this.nowNanos(),
          fs_id: { mountpoint: '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs' },
          used_bytes: { value: String(this.images.totalSize()) },
          inodes_used: { value: String(this.images.list('').length) },
        },
      ],
      container_filesystems: [],
    }));
}
