/**
 * secret volumes (pkg/volume/secret): like configMap volumes, but on a tmpfs so secret bytes stay in memory.
 * A missing secret fails with `secret "x" not found` unless optional.
 */
import type { Payload } from './atomic-writer.js';
import { AtomicVolumePlugin, type AtomicVolumeOptions } from './atomic-volume.js';
import { DEFAULT_MODE, fetchSecret, secretPayload } from './key-to-path.js';
import type { MountContext, ObjectSource, VolumeSpec } from './plugin.js';
import type { Pod } from './types.js';

export const SECRET_PLUGIN_NAME = 'kubernetes.io/secret';

export interface SecretPluginOptions extends AtomicVolumeOptions {
  objects: ObjectSource;
  /** Keep secrets on a tmpfs (upstream always does); tests without root may turn it off. Default true. */
  memoryBacked?: boolean;
}

export class SecretPlugin extends AtomicVolumePlugin {
  readonly name = SECRET_PLUGIN_NAME;
  protected readonly memoryBacked: boolean;

  constructor(private readonly options: SecretPluginOptions) {
    super(options);
    this.memoryBacked = options.memoryBacked ?? true;
  }

  canSupport(spec: VolumeSpec): boolean {
    return spec.volume?.secret !== undefined && spec.volume.secret !== null;
  }

  protected async collect(pod: Pod, spec: VolumeSpec, _ctx: MountContext): Promise<Payload> {
    const source = spec.volume!.secret!;
    const optional = source.optional === true;
    const secret = await fetchSecret(
      this.options.objects,
      pod.metadata.namespace ?? '',
      source.secretName ?? '',
      optional,
    );
    return secretPayload(source.items, secret, source.defaultMode ?? DEFAULT_MODE, optional);
  }
}
