/**
 * core/v1: containers, their ports, environment, mounts and resources.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, int32, list, map, quantity, string, struct, type StructType } from './dsl.js';
import { LocalObjectReference } from './core-v1-config.js';
import { Lifecycle, Probe, SecurityContext } from './core-v1-lifecycle.js';

/**
 * The fields of a container. Container and EphemeralContainerCommon declare the same fields with the same
 * numbers (upstream keeps the latter a copy of the former), so both take them from here.
 */
function containerFields() {
  return {
    name: field(1, string, 'Name of the container, a DNS label unique within the pod.', { required: true }),
    image: field(2, string, 'Container image name.'),
    command: field(3, list(string), "Entrypoint array, run without a shell; replaces the image's ENTRYPOINT.", {
      listType: 'atomic',
    }),
    args: field(4, list(string), "Arguments to the entrypoint; replaces the image's CMD.", { listType: 'atomic' }),
    workingDir: field(5, string, "Working directory of the container; defaults to the image's."),
    ports: field(
      6,
      list(() => ContainerPort),
      'Ports the container exposes; informational except for hostPort.',
      {
        patchStrategy: 'merge',
        patchMergeKey: 'containerPort',
        listType: 'map',
        listMapKeys: ['containerPort', 'protocol'],
      },
    ),
    envFrom: field(
      19,
      list(() => EnvFromSource),
      'Sources whose keys all become environment variables.',
      { listType: 'atomic' },
    ),
    env: field(
      7,
      list(() => EnvVar),
      'Environment variables to set in the container.',
      { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
    ),
    resources: field(8, () => ResourceRequirements, 'Compute resources required by the container.'),
    resizePolicy: field(
      23,
      list(() => ContainerResizePolicy),
      'How the container reacts to in-place resource resizes.',
      { listType: 'atomic' },
    ),
    restartPolicy: field(24, string, 'Restart behaviour of an init container; Always makes it a sidecar.', {
      pointer: true,
    }),
    volumeMounts: field(
      9,
      list(() => VolumeMount),
      "Pod volumes to mount into the container's filesystem.",
      { patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] },
    ),
    volumeDevices: field(
      21,
      list(() => VolumeDevice),
      'Block devices the container uses.',
      { patchStrategy: 'merge', patchMergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] },
    ),
    livenessProbe: field(10, () => Probe, 'Probe that restarts the container when it fails.', { pointer: true }),
    readinessProbe: field(11, () => Probe, 'Probe that removes the pod from service endpoints when it fails.', {
      pointer: true,
    }),
    startupProbe: field(22, () => Probe, 'Probe that must succeed before the other probes start.', { pointer: true }),
    lifecycle: field(12, () => Lifecycle, 'Actions run on container start and before stop.', { pointer: true }),
    terminationMessagePath: field(13, string, 'File whose content is used as the termination message.'),
    terminationMessagePolicy: field(
      20,
      string,
      'Where the termination message comes from: File or FallbackToLogsOnError.',
      { enum: ['FallbackToLogsOnError', 'File'] },
    ),
    imagePullPolicy: field(14, string, 'When to pull the image: Always, Never or IfNotPresent.', {
      enum: ['Always', 'IfNotPresent', 'Never'],
    }),
    securityContext: field(15, () => SecurityContext, 'Security options of the container.', { pointer: true }),
    stdin: field(16, boolean, 'Allocate a buffer for stdin; otherwise reads from stdin get EOF.'),
    stdinOnce: field(17, boolean, 'Close stdin after the first attach session ends.'),
    tty: field(18, boolean, 'Allocate a terminal; needs stdin.'),
  };
}

export const Container: StructType = struct(
  'io.k8s.api.core.v1.Container',
  'A single application container that runs in a pod.',
  containerFields(),
);

export const EphemeralContainer: StructType = struct(
  'io.k8s.api.core.v1.EphemeralContainer',
  'A temporary container added to a running pod for debugging.',
  {
    ephemeralContainerCommon: inline(1, () => EphemeralContainerCommon),
    targetContainerName: field(2, string, 'Container whose namespaces the ephemeral container joins.'),
  },
);

export const EphemeralContainerCommon: StructType = struct(
  'io.k8s.api.core.v1.EphemeralContainerCommon',
  'The container fields an ephemeral container may use.',
  containerFields(),
);

export const ContainerPort: StructType = struct('io.k8s.api.core.v1.ContainerPort', 'A network port of a container.', {
  name: field(1, string, 'IANA service name of the port, unique within the pod.'),
  hostPort: field(2, int32, 'Port to expose on the host; rarely needed.'),
  containerPort: field(3, int32, "Port number on the pod's IP address.", { required: true }),
  protocol: field(4, string, 'TCP, UDP or SCTP.', { default: 'TCP', enum: ['SCTP', 'TCP', 'UDP'] }),
  hostIP: field(5, string, 'Host IP the host port binds to.'),
});

export const EnvVar: StructType = struct('io.k8s.api.core.v1.EnvVar', 'An environment variable of a container.', {
  name: field(1, string, 'Name of the variable.', { required: true }),
  value: field(2, string, 'Value; $(VAR) references to earlier variables are expanded.'),
  valueFrom: field(3, () => EnvVarSource, 'Source of the value when value is empty.', { pointer: true }),
});

export const EnvVarSource: StructType = struct(
  'io.k8s.api.core.v1.EnvVarSource',
  "Where an environment variable's value comes from.",
  {
    fieldRef: field(1, () => ObjectFieldSelector, 'A field of the pod, e.g. metadata.name or status.podIP.', {
      pointer: true,
    }),
    resourceFieldRef: field(2, () => ResourceFieldSelector, 'A resource limit or request of a container.', {
      pointer: true,
    }),
    configMapKeyRef: field(3, () => ConfigMapKeySelector, 'A key of a config map.', { pointer: true }),
    secretKeyRef: field(4, () => SecretKeySelector, 'A key of a secret.', { pointer: true }),
  },
);

export const ObjectFieldSelector: StructType = struct(
  'io.k8s.api.core.v1.ObjectFieldSelector',
  'Selects a field of the pod.',
  {
    apiVersion: field(1, string, 'Version of the schema the field path is written in.'),
    fieldPath: field(2, string, "Path of the field, e.g. metadata.labels['app'].", { required: true }),
  },
  { mapType: 'atomic' },
);

export const ResourceFieldSelector: StructType = struct(
  'io.k8s.api.core.v1.ResourceFieldSelector',
  'Selects a resource limit or request of a container.',
  {
    containerName: field(1, string, 'Container name; required for volumes.'),
    resource: field(2, string, 'Resource to select, e.g. limits.cpu.', { required: true }),
    divisor: field(3, quantity, 'Output unit of the value; defaults to 1.'),
  },
  { mapType: 'atomic' },
);

export const ConfigMapKeySelector: StructType = struct(
  'io.k8s.api.core.v1.ConfigMapKeySelector',
  'Selects a key of a config map.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    key: field(2, string, 'The key to select.', { required: true }),
    optional: field(3, boolean, 'Whether the config map or key may be missing.', { pointer: true }),
  },
  { mapType: 'atomic' },
);

export const SecretKeySelector: StructType = struct(
  'io.k8s.api.core.v1.SecretKeySelector',
  'Selects a key of a secret.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    key: field(2, string, 'The key to select.', { required: true }),
    optional: field(3, boolean, 'Whether the secret or key may be missing.', { pointer: true }),
  },
  { mapType: 'atomic' },
);

export const EnvFromSource: StructType = struct(
  'io.k8s.api.core.v1.EnvFromSource',
  'A source of many environment variables.',
  {
    prefix: field(1, string, 'Prefix prepended to every variable name.'),
    configMapRef: field(2, () => ConfigMapEnvSource, 'Config map whose keys become variables.', { pointer: true }),
    secretRef: field(3, () => SecretEnvSource, 'Secret whose keys become variables.', { pointer: true }),
  },
);

export const ConfigMapEnvSource: StructType = struct(
  'io.k8s.api.core.v1.ConfigMapEnvSource',
  'A config map whose keys become environment variables.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    optional: field(2, boolean, 'Whether the config map may be missing.', { pointer: true }),
  },
);

export const SecretEnvSource: StructType = struct(
  'io.k8s.api.core.v1.SecretEnvSource',
  'A secret whose keys become environment variables.',
  {
    localObjectReference: inline(1, () => LocalObjectReference),
    optional: field(2, boolean, 'Whether the secret may be missing.', { pointer: true }),
  },
);

export const VolumeMount: StructType = struct(
  'io.k8s.api.core.v1.VolumeMount',
  'Mounts a pod volume into a container.',
  {
    name: field(1, string, 'Name of the pod volume.', { required: true }),
    readOnly: field(2, boolean, 'Mount read-only.'),
    recursiveReadOnly: field(
      7,
      string,
      'Whether read-only mounts are read-only recursively: Disabled, IfPossible or Enabled.',
      { pointer: true },
    ),
    mountPath: field(3, string, 'Path in the container to mount at; must not contain a colon.', { required: true }),
    subPath: field(4, string, 'Path within the volume to mount instead of its root.'),
    mountPropagation: field(5, string, 'How mounts propagate between host and container.', {
      pointer: true,
      enum: ['Bidirectional', 'HostToContainer', 'None'],
    }),
    subPathExpr: field(6, string, 'Like subPath, with $(VAR) environment references expanded.'),
  },
);

export const VolumeDevice: StructType = struct(
  'io.k8s.api.core.v1.VolumeDevice',
  'Maps a raw block volume into a container.',
  {
    name: field(1, string, 'Name of a persistentVolumeClaim volume of the pod.', { required: true }),
    devicePath: field(2, string, 'Path in the container the device appears at.', { required: true }),
  },
);

export const ResourceRequirements: StructType = struct(
  'io.k8s.api.core.v1.ResourceRequirements',
  'Compute resource requests and limits.',
  {
    limits: field(1, map(quantity), 'Maximum amount of each resource allowed.'),
    requests: field(2, map(quantity), 'Minimum amount of each resource required, used for scheduling.'),
    claims: field(
      3,
      list(() => ResourceClaim),
      'Dynamic resource claims of the pod this container uses.',
      { listType: 'map', listMapKeys: ['name'] },
    ),
  },
);

export const ResourceClaim: StructType = struct(
  'io.k8s.api.core.v1.ResourceClaim',
  "A reference to one of the pod's resource claims.",
  {
    name: field(1, string, "Name of an entry in the pod's resourceClaims.", { required: true }),
    request: field(2, string, 'Name of one request in the claim; empty means all.'),
  },
);

export const ContainerResizePolicy: StructType = struct(
  'io.k8s.api.core.v1.ContainerResizePolicy',
  'Resize policy for one resource of a container.',
  {
    resourceName: field(1, string, 'Resource the policy applies to, cpu or memory.', { required: true }),
    restartPolicy: field(2, string, 'NotRequired or RestartContainer.', { required: true }),
  },
);
