/**
 * core/v1: Pod, PodSpec and pod templates.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, int32, int64, list, map, quantity, string, struct, type StructType } from './dsl.js';
import { Affinity } from './core-v1-affinity.js';
import { LocalObjectReference } from './core-v1-config.js';
import { Container, EphemeralContainer, ResourceRequirements } from './core-v1-container.js';
import { AppArmorProfile, SELinuxOptions, SeccompProfile, WindowsSecurityContextOptions } from './core-v1-lifecycle.js';
import { PodStatus } from './core-v1-pod-status.js';
import { Volume } from './core-v1-volume.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

export const Pod: StructType = struct(
  'io.k8s.api.core.v1.Pod',
  'A group of containers scheduled together on one node.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => PodSpec, 'Desired behaviour of the pod.'),
    status: field(3, () => PodStatus, 'Most recently observed status of the pod.'),
  },
);

export const PodSpec: StructType = struct('io.k8s.api.core.v1.PodSpec', 'Desired behaviour of a pod.', {
  volumes: field(
    1,
    list(() => Volume),
    "Volumes the pod's containers can mount.",
    { patchStrategy: ['merge', 'retainKeys'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  initContainers: field(
    20,
    list(() => Container),
    'Containers run in order to completion before the app containers start.',
    { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  containers: field(
    2,
    list(() => Container),
    'The application containers of the pod; at least one.',
    { required: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  ephemeralContainers: field(
    34,
    list(() => EphemeralContainer),
    'Debugging containers added to the running pod.',
    { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  restartPolicy: field(3, string, 'When containers are restarted: Always, OnFailure or Never.', {
    enum: ['Always', 'Never', 'OnFailure'],
  }),
  terminationGracePeriodSeconds: field(4, int64, 'Seconds between the stop signal and the kill on deletion.', {
    pointer: true,
  }),
  activeDeadlineSeconds: field(5, int64, 'Seconds the pod may run before it is failed.', { pointer: true }),
  dnsPolicy: field(6, string, 'How DNS is configured: ClusterFirst, ClusterFirstWithHostNet, Default or None.', {
    enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  }),
  nodeSelector: field(7, map(string), 'Labels a node must have for the pod to be scheduled on it.', {
    mapType: 'atomic',
  }),
  serviceAccountName: field(8, string, 'Service account the pod runs as.'),
  serviceAccount: field(9, string, 'Deprecated alias of serviceAccountName.'),
  automountServiceAccountToken: field(21, boolean, 'Whether a service account token is mounted automatically.', {
    pointer: true,
  }),
  nodeName: field(10, string, 'Node the pod is bound to; set by the scheduler.'),
  hostNetwork: field(11, boolean, "Use the node's network namespace."),
  hostPID: field(12, boolean, "Use the node's PID namespace."),
  hostIPC: field(13, boolean, "Use the node's IPC namespace."),
  shareProcessNamespace: field(27, boolean, "Share one PID namespace among the pod's containers.", { pointer: true }),
  securityContext: field(14, () => PodSecurityContext, 'Pod-level security options and defaults for containers.', {
    pointer: true,
  }),
  imagePullSecrets: field(
    15,
    list(() => LocalObjectReference),
    "Secrets used to pull the pod's images.",
    { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  hostname: field(16, string, 'Hostname of the pod; defaults to the pod name.'),
  subdomain: field(17, string, "Subdomain of the pod's fully qualified hostname."),
  affinity: field(18, () => Affinity, 'Scheduling constraints relative to nodes and other pods.', { pointer: true }),
  schedulerName: field(19, string, 'Scheduler that places the pod.'),
  tolerations: field(
    22,
    list(() => Toleration),
    'Taints the pod tolerates.',
    { listType: 'atomic' },
  ),
  hostAliases: field(
    23,
    list(() => HostAlias),
    "Extra entries for the pod's /etc/hosts.",
    { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] },
  ),
  priorityClassName: field(24, string, 'Priority class giving the pod its priority.'),
  priority: field(25, int32, 'Priority value, resolved from the priority class.', { pointer: true }),
  dnsConfig: field(26, () => PodDNSConfig, 'Extra DNS settings merged into the generated configuration.', {
    pointer: true,
  }),
  readinessGates: field(
    28,
    list(() => PodReadinessGate),
    'Extra pod conditions that must be true for readiness.',
    { listType: 'atomic' },
  ),
  runtimeClassName: field(29, string, 'Runtime class used to run the pod.', { pointer: true }),
  enableServiceLinks: field(30, boolean, 'Whether service environment variables are injected.', { pointer: true }),
  preemptionPolicy: field(31, string, 'Whether the pod may preempt lower-priority pods.', {
    pointer: true,
    enum: ['Never', 'PreemptLowerPriority'],
  }),
  overhead: field(32, map(quantity), "Resource overhead of the pod's sandbox."),
  topologySpreadConstraints: field(
    33,
    list(() => TopologySpreadConstraint),
    'How pods are spread across topology domains.',
    {
      patchStrategy: 'merge',
      patchMergeKey: 'topologyKey',
      listType: 'map',
      listMapKeys: ['topologyKey', 'whenUnsatisfiable'],
    },
  ),
  setHostnameAsFQDN: field(35, boolean, "Set the hostname to the pod's fully qualified domain name.", {
    pointer: true,
  }),
  os: field(36, () => PodOS, "Operating system the pod's containers need.", { pointer: true }),
  hostUsers: field(37, boolean, "Whether to use the host's user namespace.", { pointer: true }),
  schedulingGates: field(
    38,
    list(() => PodSchedulingGate),
    'Gates that block scheduling while present.',
    { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  resourceClaims: field(
    39,
    list(() => PodResourceClaim),
    'Dynamic resource claims the pod needs.',
    { patchStrategy: ['merge', 'retainKeys'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  ),
  resources: field(40, () => ResourceRequirements, 'Pod-level resource requests and limits.', { pointer: true }),
});

export const PodSecurityContext: StructType = struct(
  'io.k8s.api.core.v1.PodSecurityContext',
  'Security settings for the whole pod.',
  {
    seLinuxOptions: field(1, () => SELinuxOptions, 'SELinux context applied to all containers.', { pointer: true }),
    windowsOptions: field(8, () => WindowsSecurityContextOptions, 'Windows-specific settings for all containers.', {
      pointer: true,
    }),
    runAsUser: field(2, int64, 'UID container processes run as.', { pointer: true }),
    runAsGroup: field(6, int64, 'GID container processes run as.', { pointer: true }),
    runAsNonRoot: field(3, boolean, 'Refuse to start containers that would run as root.', { pointer: true }),
    supplementalGroups: field(4, list(int64), 'Extra groups for the first process of each container.', {
      listType: 'atomic',
    }),
    supplementalGroupsPolicy: field(12, string, 'How supplemental groups are computed: Merge or Strict.', {
      pointer: true,
      enum: ['Merge', 'Strict'],
    }),
    fsGroup: field(5, int64, 'Group that owns volumes and is added to every container.', { pointer: true }),
    sysctls: field(
      7,
      list(() => Sysctl),
      'Namespaced sysctls set for the pod.',
      { listType: 'atomic' },
    ),
    fsGroupChangePolicy: field(9, string, 'When volume ownership is changed: OnRootMismatch or Always.', {
      pointer: true,
      enum: ['Always', 'OnRootMismatch'],
    }),
    seccompProfile: field(10, () => SeccompProfile, 'Seccomp profile of all containers.', { pointer: true }),
    appArmorProfile: field(11, () => AppArmorProfile, 'AppArmor profile of all containers.', { pointer: true }),
    seLinuxChangePolicy: field(13, string, 'How SELinux labels are applied to volumes: MountOption or Recursive.', {
      pointer: true,
    }),
  },
);

export const Sysctl: StructType = struct('io.k8s.api.core.v1.Sysctl', 'A kernel parameter to set.', {
  name: field(1, string, 'Name of the parameter.', { required: true }),
  value: field(2, string, 'Value to set.', { required: true }),
});

export const PodDNSConfig: StructType = struct(
  'io.k8s.api.core.v1.PodDNSConfig',
  'DNS settings of a pod beyond its DNS policy.',
  {
    nameservers: field(1, list(string), 'DNS server IP addresses.', { listType: 'atomic' }),
    searches: field(2, list(string), 'DNS search domains.', { listType: 'atomic' }),
    options: field(
      3,
      list(() => PodDNSConfigOption),
      'DNS resolver options.',
      { listType: 'atomic' },
    ),
  },
);

export const PodDNSConfigOption: StructType = struct(
  'io.k8s.api.core.v1.PodDNSConfigOption',
  'One DNS resolver option.',
  {
    name: field(1, string, 'Option name, e.g. ndots.'),
    value: field(2, string, 'Option value.', { pointer: true }),
  },
);

export const HostAlias: StructType = struct('io.k8s.api.core.v1.HostAlias', 'An /etc/hosts entry.', {
  ip: field(1, string, 'IP address of the entry.', { required: true }),
  hostnames: field(2, list(string), 'Hostnames for the IP address.', { listType: 'atomic' }),
});

export const PodReadinessGate: StructType = struct(
  'io.k8s.api.core.v1.PodReadinessGate',
  'An extra condition the pod needs for readiness.',
  {
    conditionType: field(1, string, "Type of a condition in the pod's condition list.", { required: true }),
  },
);

export const PodOS: StructType = struct('io.k8s.api.core.v1.PodOS', 'The operating system of a pod.', {
  name: field(1, string, 'linux or windows.', { required: true }),
});

export const PodSchedulingGate: StructType = struct(
  'io.k8s.api.core.v1.PodSchedulingGate',
  'A gate that holds back scheduling of a pod.',
  {
    name: field(1, string, 'Name of the gate, unique within the pod.', { required: true }),
  },
);

export const PodResourceClaim: StructType = struct(
  'io.k8s.api.core.v1.PodResourceClaim',
  'A dynamic resource claim of a pod.',
  {
    name: field(1, string, 'Name of the claim within the pod.', { required: true }),
    resourceClaimName: field(3, string, 'Existing ResourceClaim to use.', { pointer: true }),
    resourceClaimTemplateName: field(4, string, 'ResourceClaimTemplate from which a claim is created for the pod.', {
      pointer: true,
    }),
  },
);

export const TopologySpreadConstraint: StructType = struct(
  'io.k8s.api.core.v1.TopologySpreadConstraint',
  'How to spread matching pods across a topology.',
  {
    maxSkew: field(1, int32, 'Largest allowed difference in matching pods between domains.', { required: true }),
    topologyKey: field(2, string, 'Node label whose values define the domains.', { required: true }),
    whenUnsatisfiable: field(3, string, 'DoNotSchedule or ScheduleAnyway when the constraint cannot be met.', {
      required: true,
      enum: ['DoNotSchedule', 'ScheduleAnyway'],
    }),
    labelSelector: field(4, () => LabelSelector, 'Which pods are counted.', { pointer: true }),
    minDomains: field(5, int32, 'Minimum number of eligible domains.', { pointer: true }),
    nodeAffinityPolicy: field(6, string, 'Whether node affinity is honoured when counting: Honor or Ignore.', {
      pointer: true,
      enum: ['Honor', 'Ignore'],
    }),
    nodeTaintsPolicy: field(7, string, 'Whether node taints are honoured when counting: Honor or Ignore.', {
      pointer: true,
      enum: ['Honor', 'Ignore'],
    }),
    matchLabelKeys: field(8, list(string), 'Label keys of the incoming pod added to the selector.', {
      listType: 'atomic',
    }),
  },
);

export const Toleration: StructType = struct(
  'io.k8s.api.core.v1.Toleration',
  'Lets a pod schedule onto nodes with a matching taint.',
  {
    key: field(1, string, 'Taint key to match; empty with Exists matches all taints.'),
    operator: field(2, string, 'Exists or Equal.', { enum: ['Equal', 'Exists'] }),
    value: field(3, string, 'Taint value to match with Equal.'),
    effect: field(4, string, 'Taint effect to match; empty matches all effects.', {
      enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
    }),
    tolerationSeconds: field(5, int64, 'How long a NoExecute taint is tolerated before eviction.', { pointer: true }),
  },
);

export const PodTemplate: StructType = struct('io.k8s.api.core.v1.PodTemplate', 'A stored pod template.', {
  typeMeta: inline(undefined, TypeMeta),
  metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
  template: field(2, () => PodTemplateSpec, 'The pod template.'),
});

export const PodTemplateSpec: StructType = struct(
  'io.k8s.api.core.v1.PodTemplateSpec',
  'The pod a controller creates.',
  {
    metadata: field(1, () => ObjectMeta, 'Metadata of the created pods.'),
    spec: field(2, () => PodSpec, 'Spec of the created pods.'),
  },
);
