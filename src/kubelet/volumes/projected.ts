/**
 * projected volumes (pkg/volume/projected): secrets, configMaps, downward API fields and service account tokens
 * merged into one memory-backed directory. Every source is tried and their errors are reported together; the
 * token comes from the kubelet's token source and is written 0600 when the pod sets fsUser or fsGroup (the
 * ownership pass then grants the group read access), else with the default mode.
 */
import type { FileProjection, Payload } from './atomic-writer.js';
import { AtomicVolumePlugin, type AtomicVolumeOptions } from './atomic-volume.js';
import { collectDownwardAPI } from './downward-api.js';
import { aggregateMessage, asVolumeError, VolumeError } from './errors.js';
import { configMapPayload, DEFAULT_MODE, fetchConfigMap, fetchSecret, secretPayload } from './key-to-path.js';
import type { MountContext, ObjectSource, ServiceAccountTokenSource, TearDownTarget, VolumeSpec } from './plugin.js';
import type { Pod } from './types.js';

export const PROJECTED_PLUGIN_NAME = 'kubernetes.io/projected';

/** serviceAccountToken.expirationSeconds when the API left it unset. */
export const DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;

export interface ProjectedPluginOptions extends AtomicVolumeOptions {
  objects: ObjectSource;
  /** Issues service account tokens; without it a token projection fails. */
  tokens?: ServiceAccountTokenSource;
  /** Keep the volume on a tmpfs (upstream always does). Default true. */
  memoryBacked?: boolean;
}

export class ProjectedPlugin extends AtomicVolumePlugin {
  readonly name = PROJECTED_PLUGIN_NAME;
  protected readonly memoryBacked: boolean;

  constructor(private readonly options: ProjectedPluginOptions) {
    super(options);
    this.memoryBacked = options.memoryBacked ?? true;
  }

  canSupport(spec: VolumeSpec): boolean {
    return spec.volume?.projected !== undefined && spec.volume.projected !== null;
  }

  override async tearDown(target: TearDownTarget): Promise<void> {
    await super.tearDown(target);
    this.options.tokens?.forget?.(target.podUid);
  }

  protected async collect(pod: Pod, spec: VolumeSpec, ctx: MountContext): Promise<Payload> {
    const source = spec.volume!.projected!;
    const defaultMode = source.defaultMode ?? DEFAULT_MODE;
    const namespace = pod.metadata.namespace ?? '';
    const failures: VolumeError[] = [];
    const payload = new Map<string, FileProjection>();
    const add = (files: ReadonlyMap<string, FileProjection>) => {
      for (const [k, v] of files) payload.set(k, v);
    };
    for (const projection of source.sources ?? []) {
      try {
        if (projection.secret) {
          const optional = projection.secret.optional === true;
          const secret = await fetchSecret(this.options.objects, namespace, projection.secret.name ?? '', optional);
          add(secretPayload(projection.secret.items, secret, defaultMode, optional));
        } else if (projection.configMap) {
          const optional = projection.configMap.optional === true;
          const cm = await fetchConfigMap(this.options.objects, namespace, projection.configMap.name ?? '', optional);
          add(configMapPayload(projection.configMap.items, cm, defaultMode, optional));
        } else if (projection.downwardAPI) {
          add(await collectDownwardAPI(projection.downwardAPI.items, pod, this.allocatable, defaultMode));
        } else if (projection.serviceAccountToken) {
          add(await this.tokenFile(pod, projection.serviceAccountToken, defaultMode, ctx));
        } else if (projection.clusterTrustBundle) {
          throw new VolumeError('Unsupported', 'clusterTrustBundle projections are not supported by this kubelet');
        }
      } catch (err) {
        failures.push(asVolumeError(err, 'ObjectLookup'));
      }
    }
    if (failures.length === 1) throw failures[0]!;
    if (failures.length > 1) {
      // One code stands for all only when they agree; the message lists every cause as utilerrors does.
      const code = failures.every((f) => f.code === failures[0]!.code) ? failures[0]!.code : 'ObjectLookup';
      throw new VolumeError(code, aggregateMessage(failures.map((f) => f.message)));
    }
    return payload;
  }

  private async tokenFile(
    pod: Pod,
    projection: { audience?: string; expirationSeconds?: number; path: string },
    defaultMode: number,
    ctx: MountContext,
  ): Promise<Map<string, FileProjection>> {
    const tokens = this.options.tokens;
    if (!tokens) throw new VolumeError('Unsupported', 'service account token projection requires a token source');
    const token = await tokens.getToken({
      namespace: pod.metadata.namespace ?? '',
      serviceAccountName: pod.spec.serviceAccountName || 'default',
      audiences: projection.audience ? [projection.audience] : [],
      expirationSeconds: projection.expirationSeconds ?? DEFAULT_TOKEN_EXPIRATION_SECONDS,
      boundPod: { name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
    });
    // With fsUser/fsGroup the owner (or the group, after the ownership pass) reads it; nobody else needs to.
    const mode = ctx.fsUser !== undefined || ctx.fsGroup !== undefined ? 0o600 : defaultMode;
    const file: FileProjection =
      ctx.fsUser !== undefined ? { data: token, mode, fsUser: ctx.fsUser } : { data: token, mode };
    return new Map([[projection.path, file]]);
  }
}
