/**
 * downwardAPI volumes (pkg/volume/downwardapi) and the field extraction they share with projected volumes
 * (pkg/fieldpath): pod metadata and container resources as files. Labels and annotations are `key="value"`
 * lines sorted by key, values quoted as Go's %q, without a trailing newline.
 */
import { compareGoStrings, goQuote } from '../../apimachinery/go-format.js';
import { isQualifiedName } from '../../apimachinery/validation/names.js';
import type { FileProjection, Payload } from './atomic-writer.js';
import { AtomicVolumePlugin, type AtomicVolumeOptions } from './atomic-volume.js';
import { aggregateMessage, VolumeError } from './errors.js';
import { goClean } from './fs-util.js';
import { DEFAULT_MODE } from './key-to-path.js';
import type { MountContext, VolumeSpec } from './plugin.js';
import { containerResourceValue, findContainer, type NodeAllocatableSource } from './resources.js';
import type { DownwardAPIVolumeFile, Pod, ResourceList } from './types.js';

export const DOWNWARD_API_PLUGIN_NAME = 'kubernetes.io/downward-api';

/** fieldpath.FormatMap: `k="v"` lines in key order, no trailing newline. */
export function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {})
    .sort(compareGoStrings)
    .map((k) => `${k}=${goQuote(m![k]!)}`)
    .join('\n');
}

/** `metadata.labels['app']` → ['metadata.labels', 'app']; undefined when not subscripted. */
export function splitSubscriptedPath(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const s = fieldPath.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

/** fieldpath.ExtractFieldPathAsString for the metadata fields a downward API volume may project. */
export function extractFieldPath(pod: Pod, fieldPath: string): string {
  const meta = pod.metadata;
  const sub = splitSubscriptedPath(fieldPath);
  if (sub) {
    const [p, key] = sub;
    if (p === 'metadata.annotations' || p === 'metadata.labels') {
      // Annotation keys are checked lower-cased, as upstream does.
      const errs = isQualifiedName(p === 'metadata.annotations' ? key.toLowerCase() : key);
      if (errs.length) throw new VolumeError('DownwardAPI', `invalid key subscript in ${fieldPath}: ${errs.join(';')}`);
      const m = p === 'metadata.annotations' ? meta.annotations : meta.labels;
      return m?.[key] ?? '';
    }
    throw new VolumeError('DownwardAPI', `fieldPath ${goQuote(fieldPath)} does not support subscript`);
  }
  switch (fieldPath) {
    case 'metadata.annotations':
      return formatMap(meta.annotations);
    case 'metadata.labels':
      return formatMap(meta.labels);
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
  }
  throw new VolumeError('DownwardAPI', `unsupported fieldPath: ${fieldPath}`);
}

/**
 * downwardapi.CollectData: one file per item, with its mode or the default. A failing item still yields an
 * (empty) file, and the errors of all items are reported together, as upstream aggregates them.
 */
export async function collectDownwardAPI(
  items: readonly DownwardAPIVolumeFile[] | undefined,
  pod: Pod,
  allocatable: NodeAllocatableSource,
  defaultMode: number,
): Promise<Map<string, FileProjection>> {
  const errors: string[] = [];
  const payload = new Map<string, FileProjection>();
  let nodeAllocatable: ResourceList | undefined;
  for (const item of items ?? []) {
    let data = '';
    try {
      if (item.fieldRef) {
        data = extractFieldPath(pod, item.fieldRef.fieldPath);
      } else if (item.resourceFieldRef) {
        nodeAllocatable ??= await allocatable();
        const container = findContainer(pod, item.resourceFieldRef.containerName ?? '');
        data = containerResourceValue(item.resourceFieldRef, container, nodeAllocatable);
      }
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
    payload.set(goClean(item.path), { data, mode: item.mode ?? defaultMode });
  }
  if (errors.length) throw new VolumeError('DownwardAPI', aggregateMessage(errors));
  return payload;
}

export type DownwardAPIPluginOptions = AtomicVolumeOptions;

export class DownwardAPIPlugin extends AtomicVolumePlugin {
  readonly name = DOWNWARD_API_PLUGIN_NAME;
  protected readonly memoryBacked = false;

  canSupport(spec: VolumeSpec): boolean {
    return spec.volume?.downwardAPI !== undefined && spec.volume.downwardAPI !== null;
  }

  protected collect(pod: Pod, spec: VolumeSpec, _ctx: MountContext): Promise<Payload> {
    const source = spec.volume!.downwardAPI!;
    return collectDownwardAPI(source.items, pod, this.allocatable, source.defaultMode ?? DEFAULT_MODE);
  }
}
