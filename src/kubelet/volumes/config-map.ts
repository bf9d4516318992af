/**
 * configMap volumes (pkg/volume/configmap): the map's keys, or the listed items, as read-only files published
 * atomically on a disk-backed directory. A missing map fails with `configmap "x" not found` unless optional,
 * in which case the volume is empty (and fills once the map appears, on refresh).
 */
import type { Payload } from './atomic-writer.js';
import { AtomicVolumePlugin, type AtomicVolumeOptions } from './atomic-volume.js';
import { configMapPayload, DEFAULT_MODE, fetchConfigMap } from './key-to-path.js';
import type { MountContext, ObjectSource, VolumeSpec } from './plugin.js';
import type { Pod } from './types.js';

export const CONFIG_MAP_PLUGIN_NAME = 'kubernetes.io/configmap';

export interface ConfigMapPluginOptions extends AtomicVolumeOptions {
  objects: ObjectSource;
}

export class ConfigMapPlugin extends AtomicVolumePlugin {
  readonly name = CONFIG_MAP_PLUGIN_NAME;
  protected readonly memoryBacked = false;

  constructor(private readonly options: ConfigMapPluginOptions) {
    super(options);
  }

  canSupport(spec: VolumeSpec): boolean {
    return spec.volume?.configMap !== undefined && spec.volume.configMap !== null;
  }

  protected async collect(pod: Pod, spec: VolumeSpec, _ctx: MountContext): Promise<Payload> {
    const source = spec.volume!.configMap!;
    const optional = source.optional === true;
    const name = source.name ?? '';
    const configMap = await fetchConfigMap(this.options.objects, pod.metadata.namespace ?? '', name, optional);
    return configMapPayload(source.items, configMap, source.defaultMode ?? DEFAULT_MODE, optional);
  }
}
