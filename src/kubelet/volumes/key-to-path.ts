/**
 * Turning configMaps and secrets into file payloads (configmap.MakePayload / secret.MakePayload), and fetching
 * them with upstream's not-found and optional semantics. Shared by the configMap, secret and projected plugins.
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { isNotFound } from '../../apimachinery/errors.js';
import type { FileProjection, Payload } from './atomic-writer.js';
import { VolumeError } from './errors.js';
import type { ObjectSource } from './plugin.js';
import type { ConfigMap, KeyToPath, Secret } from './types.js';

/** configMap/secret/downwardAPI/projected defaultMode when the API left it unset: 0644. */
export const DEFAULT_MODE = 0o644;

function modeOf(item: KeyToPath, defaultMode: number): number {
  return item.mode ?? defaultMode;
}

/**
 * The files of a configMap: every key of data and binaryData, or only the listed items. A listed key the map
 * lacks fails unless `optional`, with upstream's message.
 */
export function configMapPayload(
  items: readonly KeyToPath[] | undefined,
  configMap: ConfigMap,
  defaultMode: number,
  optional: boolean,
): Map<string, FileProjection> {
  const payload = new Map<string, FileProjection>();
  const data = configMap.data ?? {};
  const binary = configMap.binaryData ?? {};
  if (!items || items.length === 0) {
    for (const [k, v] of Object.entries(data)) payload.set(k, { data: v, mode: defaultMode });
    for (const [k, v] of Object.entries(binary)) payload.set(k, { data: Buffer.from(v, 'base64'), mode: defaultMode });
    return payload;
  }
  for (const item of items) {
    let content: Uint8Array | string;
    if (Object.hasOwn(data, item.key)) content = data[item.key]!;
    else if (Object.hasOwn(binary, item.key)) content = Buffer.from(binary[item.key]!, 'base64');
    else if (optional) continue;
    else throw new VolumeError('KeyNotFound', `configmap references non-existent config key: ${item.key}`);
    payload.set(item.path, { data: content, mode: modeOf(item, defaultMode) });
  }
  return payload;
}

/** The files of a secret (data values are base64); same rules as configMapPayload. */
export function secretPayload(
  items: readonly KeyToPath[] | undefined,
  secret: Secret,
  defaultMode: number,
  optional: boolean,
): Map<string, FileProjection> {
  const payload = new Map<string, FileProjection>();
  const data = secret.data ?? {};
  if (!items || items.length === 0) {
    for (const [k, v] of Object.entries(data)) payload.set(k, { data: Buffer.from(v, 'base64'), mode: defaultMode });
    return payload;
  }
  for (const item of items) {
    if (!Object.hasOwn(data, item.key)) {
      if (optional) continue;
      throw new VolumeError('KeyNotFound', `references non-existent secret key: ${item.key}`);
    }
    payload.set(item.path, { data: Buffer.from(data[item.key]!, 'base64'), mode: modeOf(item, defaultMode) });
  }
  return payload;
}

/** Merges payloads in order; later sources win on the same path, as upstream's map assignment does. */
export function mergePayloads(payloads: readonly Payload[]): Map<string, FileProjection> {
  const out = new Map<string, FileProjection>();
  for (const p of payloads) for (const [k, v] of p) out.set(k, v);
  return out;
}

async function fetchObject<T>(
  kind: 'configmap' | 'secret',
  get: () => Promise<T | undefined>,
  name: string,
  optional: boolean,
): Promise<T | undefined> {
  let obj: T | undefined;
  try {
    obj = await get();
  } catch (err) {
    if (!isNotFound(err)) {
      throw new VolumeError('ObjectLookup', err instanceof Error ? err.message : String(err), { cause: err });
    }
  }
  if (obj !== undefined) return obj;
  if (optional) return undefined;
  // The kubelet's object managers report NotFound for the singular resource: `configmap "x" not found`.
  throw new VolumeError('ObjectNotFound', `${kind} ${goQuote(name)} not found`);
}

/** A configMap, an empty one when optional and missing, or an ObjectNotFound error. */
export async function fetchConfigMap(
  objects: ObjectSource,
  namespace: string,
  name: string,
  optional: boolean,
): Promise<ConfigMap> {
  return (await fetchObject('configmap', () => objects.getConfigMap(namespace, name), name, optional)) ?? {};
}

/** A secret, an empty one when optional and missing, or an ObjectNotFound error. */
export async function fetchSecret(
  objects: ObjectSource,
  namespace: string,
  name: string,
  optional: boolean,
): Promise<Secret> {
  return (await fetchObject('secret', () => objects.getSecret(namespace, name), name, optional)) ?? {};
}
