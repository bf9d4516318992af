/**
 * Defaulting of pods and pod templates (upstream's SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container,
 * SetDefaults_Probe, volume-source defaults and the `+default` markers of core/v1, as of v1.33). Every function
 * mutates its argument and is idempotent: running it on an already defaulted object changes nothing.
 */
import { Quantity, QuantityParseError } from '../../../../apimachinery/quantity.js';
import { isRecord, listOf, recordAt, recordOf, recordsOf, stringOf, type JsonRecord } from './json.js';

/** Upstream's v1.DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** Upstream's v1.DefaultSchedulerName. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** Mode of files projected from secrets, config maps, the downward API and projections: 0644. */
export const DEFAULT_VOLUME_FILE_MODE = 0o644;

/** Every VolumeSource member; a volume with none of them becomes an emptyDir. */
export const VOLUME_SOURCE_KEYS = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
] as const;

const setIfAbsent = (obj: JsonRecord, key: string, value: unknown): void => {
  if (obj[key] === undefined || obj[key] === null || obj[key] === '') obj[key] = value;
};

// Zero means "not set" for the probe counters: they are plain int32 fields upstream.
const setIfZero = (obj: JsonRecord, key: string, value: number): void => {
  if (!obj[key]) obj[key] = value;
};

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * The tag docker would pull for an image reference: '' for a digest-only reference or an unparseable one,
 * `latest` when none is given (parsers.ParseImageName).
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = named.lastIndexOf('/');
  const colon = named.indexOf(':', lastSlash + 1);
  const name = colon >= 0 ? named.slice(0, colon) : named;
  const tag = colon >= 0 ? named.slice(colon + 1) : '';
  const parts = name.split('/');
  // The first component is a registry host when it looks like one (a dot, a port, or localhost).
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) {
    if (!/^[A-Za-z0-9.-]+(?::\d+)?$/.test(parts.shift()!)) return '';
  }
  if (!parts.every((p) => PATH_COMPONENT.test(p))) return '';
  if (colon >= 0 && !TAG.test(tag)) return '';
  if (!tag) return at >= 0 ? '' : 'latest';
  return tag;
}

/** `Always` for `:latest` or untagged images, `IfNotPresent` otherwise (SetDefaults_Container). */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * Resource quantities are stored canonically and rounded up to milli precision (SetDefaults_ResourceList);
 * numbers sent as JSON numbers become strings. Values that do not parse are left for validation to report.
 */
export function defaultResourceList(list: unknown): void {
  if (!isRecord(list)) return;
  for (const [name, raw] of Object.entries(list)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    let q: Quantity;
    try {
      q = Quantity.parse(String(raw));
    } catch (err) {
      if (err instanceof QuantityParseError) continue;
      throw err;
    }
    const milli = q.scaledValue(-3);
    const rounded = Quantity.fromMilli(milli, q.format);
    list[name] = (rounded.cmp(q) === 0 ? q : rounded).toString();
  }
}

function defaultHTTPGet(handler: JsonRecord | undefined): void {
  const http = recordOf(handler?.httpGet);
  if (!http) return;
  setIfAbsent(http, 'path', '/');
  setIfAbsent(http, 'scheme', 'HTTP');
}

/** Probe counters and the httpGet handler's path and scheme (SetDefaults_Probe, SetDefaults_HTTPGetAction). */
export function defaultProbe(probe: JsonRecord): void {
  setIfZero(probe, 'timeoutSeconds', 1);
  setIfZero(probe, 'periodSeconds', 10);
  setIfZero(probe, 'successThreshold', 1);
  setIfZero(probe, 'failureThreshold', 3);
  defaultHTTPGet(probe);
}

function defaultEnv(env: unknown): void {
  for (const e of recordsOf(env)) {
    const fieldRef = recordOf(recordOf(e.valueFrom)?.fieldRef);
    if (fieldRef) setIfAbsent(fieldRef, 'apiVersion', 'v1');
  }
}

/** One container of any kind (regular, init, ephemeral): SetDefaults_Container and what it contains. */
export function defaultContainer(c: JsonRecord): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(stringOf(c.image));
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  // `resources` is a plain struct upstream, so it is always serialised, if only as {}.
  const resources = recordAt(c, 'resources');
  defaultResourceList(resources.limits);
  defaultResourceList(resources.requests);
  for (const p of recordsOf(c.ports)) setIfAbsent(p, 'protocol', 'TCP');
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = recordOf(c[key]);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = recordOf(c.lifecycle);
  if (lifecycle) {
    defaultHTTPGet(recordOf(lifecycle.postStart));
    defaultHTTPGet(recordOf(lifecycle.preStop));
  }
  defaultEnv(c.env);
}

function defaultDownwardAPIItems(items: unknown): void {
  for (const item of recordsOf(items)) {
    const fieldRef = recordOf(item.fieldRef);
    if (fieldRef) setIfAbsent(fieldRef, 'apiVersion', 'v1');
  }
}

/** One volume: emptyDir when no source is given, file modes, and the in-tree sources' defaults. */
export function defaultVolume(v: JsonRecord): void {
  if (!VOLUME_SOURCE_KEYS.some((k) => v[k] !== undefined && v[k] !== null)) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = recordOf(v[key]);
    if (src) setIfAbsent(src, 'defaultMode', DEFAULT_VOLUME_FILE_MODE);
  }
  defaultDownwardAPIItems(recordOf(v.downwardAPI)?.items);
  for (const source of recordsOf(recordOf(v.projected)?.sources)) {
    const token = recordOf(source.serviceAccountToken);
    if (token) setIfAbsent(token, 'expirationSeconds', 3600);
    defaultDownwardAPIItems(recordOf(source.downwardAPI)?.items);
  }
  const hostPath = recordOf(v.hostPath);
  if (hostPath && (hostPath.type === undefined || hostPath.type === null)) hostPath.type = '';
  const iscsi = recordOf(v.iscsi);
  if (iscsi) setIfAbsent(iscsi, 'iscsiInterface', 'default');
  const rbd = recordOf(v.rbd);
  if (rbd) {
    setIfAbsent(rbd, 'pool', 'rbd');
    setIfAbsent(rbd, 'user', 'admin');
    setIfAbsent(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = recordOf(v.azureDisk);
  if (azureDisk) {
    setIfAbsent(azureDisk, 'cachingMode', 'ReadWrite');
    setIfAbsent(azureDisk, 'fsType', 'ext4');
    setIfAbsent(azureDisk, 'readOnly', false);
    setIfAbsent(azureDisk, 'kind', 'Shared');
  }
  const scaleIO = recordOf(v.scaleIO);
  if (scaleIO) {
    setIfAbsent(scaleIO, 'storageMode', 'ThinProvisioned');
    setIfAbsent(scaleIO, 'fsType', 'xfs');
  }
  const claimSpec = recordOf(recordOf(recordOf(v.ephemeral)?.volumeClaimTemplate)?.spec);
  if (claimSpec) setIfAbsent(claimSpec, 'volumeMode', 'Filesystem');
}

/**
 * A PodSpec wherever it appears (pods and every pod template): SetDefaults_PodSpec plus the defaults of the
 * containers, probes and volumes inside it.
 */
export function defaultPodSpec(spec: JsonRecord): void {
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'restartPolicy', 'Always');
  if (!isRecord(spec.securityContext)) spec.securityContext = {};
  if (typeof spec.terminationGracePeriodSeconds !== 'number')
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  setIfAbsent(spec, 'schedulerName', DEFAULT_SCHEDULER_NAME);
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const item of listOf(spec[key])) if (isRecord(item)) defaultContainer(item);
  }
  for (const item of listOf(spec.volumes)) if (isRecord(item)) defaultVolume(item);
  const overhead = recordOf(spec.overhead);
  if (overhead) defaultResourceList(overhead);
}

/** A pod template's spec (the template itself and its spec are created when absent, as Go's zero values are). */
export function defaultPodTemplateSpec(template: JsonRecord): void {
  defaultPodSpec(recordAt(template, 'spec'));
}

/**
 * What only real pods get (SetDefaults_Pod): requests default to limits, service links are enabled, host
 * networking maps container ports to host ports; then the PodSpec defaults. `preemptionPolicy` is filled here
 * too, as upstream's Priority admission plugin does for pods without a priority class.
 */
export function defaultPod(pod: JsonRecord): void {
  const spec = recordAt(pod, 'spec');
  for (const key of ['containers', 'initContainers']) {
    for (const c of listOf(spec[key])) {
      if (!isRecord(c)) continue;
      const resources = recordOf(c.resources);
      const limits = recordOf(resources?.limits);
      if (!resources || !limits) continue;
      const requests = recordAt(resources, 'requests');
      for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
    }
  }
  if (typeof spec.enableServiceLinks !== 'boolean') spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const key of ['containers', 'initContainers']) {
      for (const c of recordsOf(spec[key])) {
        for (const p of recordsOf(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }
  if (!spec.priorityClassName) setIfAbsent(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  defaultPodSpec(spec);
}
