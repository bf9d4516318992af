/**
 * Static pods (pkg/kubelet/config/common.go, pkg/kubelet/types/pod_update.go): a Pod manifest read from a
 * file becomes a pod bound to this node. It gets the API server's defaults, the name `<name>-<node>`, the
 * namespace `default` unless set, a UID that is the hash of node name, file path and manifest (so an edited
 * manifest is a new pod), the config annotations, and a toleration of every NoExecute taint (static pods are
 * not evicted when the node has problems). Everything here is a pure function.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { errorToString } from '../../apimachinery/field-errors.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { canonicalJSON } from '../node/node-status-manager.js';
import { applyApiPodDefaults, validateApiPod } from './pod-defaults.js';

/** The hash of a static pod's source, equal to its UID. */
export const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash';
/** Where a pod came from: `file`, `http` or `api`. */
export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
/** When the kubelet first saw the pod (RFC 3339). */
export const CONFIG_SEEN_ANNOTATION = 'kubernetes.io/config.seen';
/** On a mirror pod: the config hash of the static pod it mirrors. */
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
export const FILE_SOURCE = 'file';

/** Pod metadata as these helpers read it (both API and static pods). */
interface Annotated {
  metadata: { annotations?: Record<string, string> };
}

/** A pod that did not come from the API server (IsStaticPod). */
export function isStaticPod(pod: Annotated): boolean {
  const source = pod.metadata.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return source !== undefined && source !== 'api';
}

/** An API pod standing in for a static pod (IsMirrorPod). */
export function isMirrorPod(pod: Annotated): boolean {
  return pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;
}

/** The static pod's config hash (its UID). */
export function configHash(pod: Annotated): string {
  return pod.metadata.annotations?.[CONFIG_HASH_ANNOTATION] ?? '';
}

/** The hash a mirror pod says it mirrors. */
export function mirrorHash(pod: Annotated): string | undefined {
  return pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION];
}

/** A static pod's name: the manifest's name plus the lower-cased node name. */
export function staticPodName(name: string, nodeName: string): string {
  return `${name}-${nodeName.toLowerCase()}`;
}

export interface ManifestContext {
  /** The manifest's path; part of the UID, so the same manifest in two files is two pods. */
  file: string;
  nodeName: string;
  /** The config.seen annotation's value (RFC 3339). */
  seen: string;
}

export type ManifestResult = { ok: true; pod: ApiPod } | { ok: false; error: string };

/**
 * Turns one manifest (YAML or JSON text) into a static pod, or says why it is not one. The UID depends only on
 * node, path and content after defaulting, never on `seen`, so re-reading an unchanged file gives the same pod.
 */
export function staticPodFromManifest(text: string, ctx: ManifestContext): ManifestResult {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return { ok: false, error: `couldn't parse as pod: ${(err as Error).message.split('\n')[0]}` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { ok: false, error: 'not a Pod manifest: not an object' };
  const raw = doc as Record<string, unknown>;
  if (raw.kind !== 'Pod' || raw.apiVersion !== 'v1') {
    return {
      ok: false,
      error: `not a Pod manifest: apiVersion ${String(raw.apiVersion)}, kind ${String(raw.kind)} (want v1 Pod)`,
    };
  }
  const meta = raw.metadata;
  if (
    typeof meta !== 'object' ||
    meta === null ||
    typeof (meta as { name?: unknown }).name !== 'string' ||
    !(meta as { name: string }).name
  ) {
    return { ok: false, error: 'invalid pod: metadata.name is required' };
  }
  if (typeof raw.spec !== 'object' || raw.spec === null) return { ok: false, error: 'invalid pod: spec is required' };
  delete raw.status;
  applyApiPodDefaults(raw);
  const pod = raw as unknown as ApiPod;
  const uid =
    typeof pod.metadata.uid === 'string' && pod.metadata.uid
      ? pod.metadata.uid
      : createHash('md5').update(`host:${ctx.nodeName}file:${ctx.file}`).update(canonicalJSON(raw)).digest('hex');
  pod.metadata.uid = uid;
  pod.metadata.name = staticPodName(pod.metadata.name, ctx.nodeName);
  pod.metadata.namespace ||= 'default';
  pod.spec.nodeName = ctx.nodeName;
  pod.metadata.annotations = {
    ...(pod.metadata.annotations ?? {}),
    [CONFIG_HASH_ANNOTATION]: uid,
    [CONFIG_SOURCE_ANNOTATION]: FILE_SOURCE,
    [CONFIG_SEEN_ANNOTATION]: ctx.seen,
  };
  const tolerations = Array.isArray(pod.spec.tolerations) ? (pod.spec.tolerations as Record<string, unknown>[]) : [];
  if (!tolerations.some((t) => t.operator === 'Exists' && t.effect === 'NoExecute' && !t.key)) {
    pod.spec.tolerations = [...tolerations, { operator: 'Exists', effect: 'NoExecute' }];
  }
  pod.status = { phase: 'Pending' };
  const errs = validateApiPod(pod);
  if (errs.length) return { ok: false, error: `invalid pod: ${errs.map(errorToString).join('; ')}` };
  return { ok: true, pod };
}
