/**
 * A container's environment (kubelet_pods.go makeEnvironmentVariables): service link variables, then
 * envFrom, then env with $(VAR) expansion and valueFrom (fieldRef, resourceFieldRef, configMapKeyRef,
 * secretKeyRef). Reads go through {@link EnvSources}, so this file does no I/O of its own.
 */
import { Quantity } from '../../apimachinery/quantity.js';
import { expandVariables } from '../volumes/subpath.js';
import type { ApiContainer, ApiPod } from './pod-types.js';

export interface ServicePortLike {
  name?: string;
  port: number;
  protocol?: string;
}
/** The Service fields service links need. */
export interface ServiceLike {
  metadata: { name: string; namespace?: string };
  spec?: { clusterIP?: string; ports?: ServicePortLike[] };
}

/**
 * Where referenced objects come from (listers or the API). Resolves undefined for a missing object.
 * Implementations may be called concurrently and must not mutate what they return.
 */
export interface EnvSources {
  configMap(namespace: string, name: string): Promise<{ data?: Record<string, string> } | undefined>;
  /** Secret data values are base64, as in the API's JSON. */
  secret(namespace: string, name: string): Promise<{ data?: Record<string, string> } | undefined>;
  /** Services visible to the pod: its namespace's, plus `kubernetes` in `default`. */
  services(namespace: string): Promise<readonly ServiceLike[]>;
}

/** Runtime facts fieldRef reads besides the pod object. */
export interface EnvRuntimeFacts {
  podIP: string;
  hostIP: string;
  /** Node allocatable, for resourceFieldRef on unset limits. */
  nodeAllocatable?: Record<string, string>;
}

/** An env var that could not be resolved; the container fails with CreateContainerConfigError. */
export class EnvResolutionError extends Error {
  override readonly name = 'EnvResolutionError';
}

const C_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Docker-link style variables of the services (envvars.FromServices), in service order. */
export function serviceEnvVars(services: readonly ServiceLike[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const prefix = svc.metadata.name.toUpperCase().replace(/-/g, '_');
    const ports = svc.spec?.ports ?? [];
    out.push([`${prefix}_SERVICE_HOST`, ip]);
    if (ports[0]) out.push([`${prefix}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
    if (ports[0]) {
      const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
      out.push([`${prefix}_PORT`, `${proto}://${ip}:${ports[0].port}`]);
    }
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push([base, `${proto.toLowerCase()}://${ip}:${p.port}`], [`${base}_PROTO`, proto.toLowerCase()], [`${base}_PORT`, String(p.port)], [`${base}_ADDR`, ip]);
    }
  }
  return out;
}

/** The value of a downward-API fieldPath. */
export function podFieldValue(pod: ApiPod, fieldPath: string, facts: EnvRuntimeFacts): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return facts.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return facts.podIP;
    default:
      throw new EnvResolutionError(`unsupported fieldPath: ${fieldPath}`);
  }
}

function resourceValue(container: ApiContainer, resource: string, divisor: string | undefined, facts: EnvRuntimeFacts): string {
  const [kind, name] = resource.split('.') as [string, string];
  const fromSpec = kind === 'limits' ? container.resources?.limits?.[name] : container.resources?.requests?.[name];
  // Unset limits default to node allocatable (upstream's MergeContainerResourceLimits); unset requests to 0.
  const raw = fromSpec ?? (kind === 'limits' ? facts.nodeAllocatable?.[name] : undefined) ?? '0';
  const q = Quantity.parse(raw);
  const d = Quantity.parse(divisor || '1');
  if (name === 'cpu') return String(Math.ceil(q.toMilli() / d.toMilli()));
  return String(Math.ceil(q.toNumber() / d.toNumber()));
}

/**
 * The container's environment in the order the runtime gets it. Throws {@link EnvResolutionError} for a
 * missing non-optional reference.
 */
export async function makeEnvironmentVariables(
  pod: ApiPod,
  container: ApiContainer,
  sources: EnvSources,
  facts: EnvRuntimeFacts,
): Promise<[string, string][]> {
  const ns = pod.metadata.namespace ?? 'default';
  const env = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const isSecret = !from.configMapRef;
    const obj = ref?.name ? await (isSecret ? sources.secret(ns, ref.name) : sources.configMap(ns, ref.name)) : undefined;
    if (!obj) {
      if (ref?.optional) continue;
      throw new EnvResolutionError(`${isSecret ? 'secret' : 'configmap'} "${ref?.name ?? ''}" not found`);
    }
    for (const [k, v] of Object.entries(obj.data ?? {})) {
      const key = (from.prefix ?? '') + k;
      if (!C_IDENTIFIER.test(key) && !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) continue;
      env.set(key, isSecret ? Buffer.from(v, 'base64').toString('utf8') : v);
    }
  }
  const expansionBase = new Map<string, string>();
  if (pod.spec.enableServiceLinks !== false) for (const [k, v] of serviceEnvVars(await sources.services(ns))) expansionBase.set(k, v);
  for (const e of container.env ?? []) {
    let value = e.value ?? '';
    const src = e.valueFrom;
    if (e.value !== undefined) {
      const lookup = (name: string) => env.get(name) ?? expansionBase.get(name) ?? `$(${name})`;
      value = expandVariables(e.value, lookup);
    } else if (src?.fieldRef) {
      value = podFieldValue(pod, src.fieldRef.fieldPath, facts);
    } else if (src?.resourceFieldRef) {
      const target = src.resourceFieldRef.containerName ? pod.spec.containers.find((c) => c.name === src.resourceFieldRef!.containerName) ?? container : container;
      value = resourceValue(target, src.resourceFieldRef.resource, src.resourceFieldRef.divisor, facts);
    } else if (src?.configMapKeyRef || src?.secretKeyRef) {
      const isSecret = !src.configMapKeyRef;
      const ref = (src.configMapKeyRef ?? src.secretKeyRef)!;
      const obj = ref.name ? await (isSecret ? sources.secret(ns, ref.name) : sources.configMap(ns, ref.name)) : undefined;
      const raw = obj?.data?.[ref.key];
      if (raw === undefined) {
        if (ref.optional) continue;
        throw new EnvResolutionError(
          obj ? `couldn't find key ${ref.key} in ${isSecret ? 'Secret' : 'ConfigMap'} ${ns}/${ref.name}` : `${isSecret ? 'secret' : 'configmap'} "${ref.name ?? ''}" not found`,
        );
      }
      value = isSecret ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    }
    env.set(e.name, value);
  }
  // Service variables only fill names the pod did not define itself.
  for (const [k, v] of expansionBase) if (!env.has(k)) env.set(k, v);
  return [...env];
}
