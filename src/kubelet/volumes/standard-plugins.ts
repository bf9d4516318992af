/**
 * The plugins a k8ts kubelet ships, wired from its dependencies. cmd/ calls this and hands the list to a
 * VolumePluginRegistry; nothing here is a process-wide default.
 */
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import { ConfigMapPlugin } from './config-map.js';
import { DownwardAPIPlugin } from './downward-api.js';
import { EmptyDirPlugin } from './empty-dir.js';
import { HostPathPlugin } from './host-path.js';
import { LocalVolumePlugin } from './local-volume.js';
import type { Mounter } from './mounter.js';
import type { ObjectSource, ServiceAccountTokenSource, VolumePlugin } from './plugin.js';
import { ProjectedPlugin } from './projected.js';
import type { NodeAllocatableSource } from './resources.js';
import { SecretPlugin } from './secret.js';

export interface StandardVolumePluginDeps {
  mounter: Mounter;
  /** configMaps and secrets, from the kubelet's informers. */
  objects: ObjectSource;
  /** Service account tokens for projected volumes. */
  tokens?: ServiceAccountTokenSource;
  /** Node allocatable: memory-backed volume sizes and downward API limits. Defaults to the machine's. */
  nodeAllocatable?: NodeAllocatableSource;
  clock?: Clock;
  logger?: Logger;
  /** Put secret and projected volumes on tmpfs (default true, as upstream; needs root). */
  memoryBackedSecrets?: boolean;
}

/** emptyDir, hostPath, configMap, secret, downwardAPI, projected and local, in that order. */
export function standardVolumePlugins(deps: StandardVolumePluginDeps): VolumePlugin[] {
  const base = {
    mounter: deps.mounter,
    clock: deps.clock,
    logger: deps.logger,
    nodeAllocatable: deps.nodeAllocatable,
  };
  const memoryBacked = deps.memoryBackedSecrets ?? true;
  return [
    new EmptyDirPlugin(base),
    new HostPathPlugin(),
    new ConfigMapPlugin({ ...base, objects: deps.objects }),
    new SecretPlugin({ ...base, objects: deps.objects, memoryBacked }),
    new DownwardAPIPlugin(base),
    new ProjectedPlugin({ ...base, objects: deps.objects, tokens: deps.tokens, memoryBacked }),
    new LocalVolumePlugin({ mounter: deps.mounter }),
  ];
}
