/**
 * The CRI ContainerConfig of one container (kuberuntime_container.go generateContainerConfig): command and
 * args with $(VAR) expansion, env, mounts, log path, identifying labels and annotations, and cgroup
 * resources. Pure: env and mounts are resolved by the caller.
 */
import { createHash } from 'node:crypto';
import { Quantity } from '../../apimachinery/quantity.js';
import type { CriInput, KeyValue, LinuxContainerResources } from '../cri/types-common.js';
import type { ContainerConfig, Mount } from '../cri/types-runtime.js';
import { expandVariables } from '../volumes/subpath.js';
import {
  CONTAINER_HASH_ANNOTATION,
  CONTAINER_RESTART_COUNT_ANNOTATION,
  TERMINATION_GRACE_ANNOTATION,
  containerLabels,
} from './labels.js';
import type { ApiContainer, ApiPod } from './pod-types.js';
import { containerOOMScoreAdjust, getPodQOS } from './qos.js';

const CPU_PERIOD = 100_000;
const MIN_SHARES = 2;
const MIN_QUOTA = 1_000;

/** A stable hash of the container spec: a changed spec means the container must be recreated. */
export function containerHash(container: ApiContainer): string {
  return createHash('sha256').update(JSON.stringify(container)).digest('hex').slice(0, 8);
}

/** cgroup settings from requests/limits (cpu shares, CFS quota, memory limit) plus the OOM score. */
export function containerResources(pod: ApiPod, container: ApiContainer, memoryCapacity: number): CriInput<LinuxContainerResources> {
  const limits = container.resources?.limits ?? {};
  const requests = container.resources?.requests ?? {};
  const cpuRequest = requests.cpu ?? limits.cpu;
  const shares = cpuRequest ? Math.max(MIN_SHARES, Math.floor((Quantity.parse(cpuRequest).toMilli() * 1024) / 1000)) : MIN_SHARES;
  const out: CriInput<LinuxContainerResources> = {
    cpu_shares: String(shares),
    oom_score_adj: String(containerOOMScoreAdjust(getPodQOS(pod.spec), container, memoryCapacity)),
  };
  if (limits.cpu) {
    out.cpu_period = String(CPU_PERIOD);
    out.cpu_quota = String(Math.max(MIN_QUOTA, Math.floor((Quantity.parse(limits.cpu).toMilli() * CPU_PERIOD) / 1000)));
  }
  if (limits.memory) out.memory_limit_in_bytes = String(Quantity.parse(limits.memory).toNumber());
  return out;
}

/** Inputs resolved before the config can be built. */
export interface ContainerConfigInput {
  pod: ApiPod;
  container: ApiContainer;
  /** The image reference the runtime resolved (its image id or name). */
  imageRef: string;
  /** 0 for the first instance; the runtime's attempt number and the restartCount annotation. */
  attempt: number;
  env: readonly [string, string][];
  mounts: readonly Mount[];
  memoryCapacity: number;
}

export function generateContainerConfig(input: ContainerConfigInput): CriInput<ContainerConfig> {
  const { pod, container, attempt } = input;
  const envMap = new Map(input.env);
  const expand = (s: string) => expandVariables(s, (name) => envMap.get(name) ?? `$(${name})`);
  const envs: KeyValue[] = input.env.map(([key, value]) => ({ key, value }));
  return {
    metadata: { name: container.name, attempt },
    image: { image: input.imageRef, user_specified_image: container.image ?? '' },
    command: (container.command ?? []).map(expand),
    args: (container.args ?? []).map(expand),
    working_dir: container.workingDir ?? '',
    envs,
    mounts: [...input.mounts],
    labels: containerLabels(pod, container.name),
    annotations: {
      [CONTAINER_HASH_ANNOTATION]: containerHash(container),
      [CONTAINER_RESTART_COUNT_ANNOTATION]: String(attempt),
      [TERMINATION_GRACE_ANNOTATION]: String(pod.spec.terminationGracePeriodSeconds ?? 30),
    },
    log_path: `${container.name}/${attempt}.log`,
    stdin: container.stdin ?? false,
    stdin_once: container.stdinOnce ?? false,
    tty: container.tty ?? false,
    linux: { resources: containerResources(pod, container, input.memoryCapacity) },
  };
}
