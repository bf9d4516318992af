/**
 * The core/v1 Pod fields the kubelet's runtime manager reads (a superset of the prober's and lifecycle's
 * views, so one object serves all of them). Field names are exactly the API's.
 */
import type { ObjectMeta } from '../../apimachinery/meta.js';
import type { Container as ProbedContainer, ContainerStatus, PodPhase } from '../prober/types.js';

export interface ObjectFieldSelector {
  apiVersion?: string;
  fieldPath: string;
}
export interface ResourceFieldSelector {
  containerName?: string;
  resource: string;
  divisor?: string;
}
export interface KeySelector {
  name?: string;
  key: string;
  optional?: boolean;
}
export interface EnvVarSource {
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  configMapKeyRef?: KeySelector;
  secretKeyRef?: KeySelector;
}
export interface ApiEnvVar {
  name: string;
  value?: string;
  valueFrom?: EnvVarSource;
}
export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}
export interface ResourceRequirements {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
}
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
  subPathExpr?: string;
}

/** A container as the runtime manager needs it. */
export interface ApiContainer extends ProbedContainer {
  image?: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never' | string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: ApiEnvVar[];
  envFrom?: EnvFromSource[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  terminationMessagePath?: string;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
  ports?: { name?: string; containerPort: number; hostPort?: number; hostIP?: string; protocol?: string }[];
}

export interface ApiPodSpec {
  containers: ApiContainer[];
  imagePullSecrets?: { name?: string }[];
  initContainers?: ApiContainer[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  nodeName?: string;
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  serviceAccountName?: string;
  enableServiceLinks?: boolean;
  dnsPolicy?: string;
  volumes?: { name: string; [source: string]: unknown }[];
  [field: string]: unknown;
}

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ApiPodStatus {
  phase?: PodPhase | string;
  conditions?: PodCondition[];
  message?: string;
  reason?: string;
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
}

export interface ApiPod {
  apiVersion?: string;
  kind?: string;
  metadata: Omit<ObjectMeta, 'deletionTimestamp' | 'deletionGracePeriodSeconds'> & {
    name: string;
    uid: string;
    namespace?: string;
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
  };
  spec: ApiPodSpec;
  status?: ApiPodStatus;
}
