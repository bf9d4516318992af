/**
 * The kubelet's volume plugins and manager. The kubelet builds the plugins with `standardVolumePlugins`, a
 * `VolumeManager` over them, and calls `mountPodVolumes` / `containerMounts` / `unmountPodVolumes` /
 * `cleanupOrphanedPods` from its pod workers.
 */
export * from './atomic-writer.js';
export * from './config-map.js';
export * from './container-mounts.js';
export * from './downward-api.js';
export * from './empty-dir.js';
export * from './errors.js';
export { diskUsage, type VolumeUsage } from './fs-util.js';
export * from './host-path.js';
export * from './local-volume.js';
export * from './mounter.js';
export * from './paths.js';
export * from './plugin.js';
export * from './projected.js';
export * from './resources.js';
export * from './secret.js';
export * from './standard-plugins.js';
export { expandSubPathExpr, expandVariables } from './subpath.js';
export * from './types.js';
export * from './volume-manager.js';
export * from './volume-spec.js';
