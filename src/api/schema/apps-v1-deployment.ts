/**
 * apps/v1: Deployment and ReplicaSet.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/apps/v1`;
 * descriptions are our own.
 */

import {
  boolean,
  field,
  inline,
  int32,
  int64,
  intOrString,
  list,
  string,
  struct,
  time,
  type StructType,
} from './dsl.js';
import { PodTemplateSpec } from './core-v1-pod.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

/** The condition list every apps/v1 status carries: merged by type. */
export const conditionListOptions = {
  patchStrategy: 'merge',
  patchMergeKey: 'type',
  listType: 'map',
  listMapKeys: ['type'],
} as const;

export const Deployment: StructType = struct(
  'io.k8s.api.apps.v1.Deployment',
  'Declarative updates for a replicated set of pods, rolled out through ReplicaSets.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => DeploymentSpec, 'Desired state of the deployment.'),
    status: field(3, () => DeploymentStatus, 'Most recently observed state of the deployment.'),
  },
);

export const DeploymentSpec: StructType = struct(
  'io.k8s.api.apps.v1.DeploymentSpec',
  'Desired state of a deployment.',
  {
    replicas: field(1, int32, 'Desired number of pods; defaults to 1.', { pointer: true }),
    selector: field(
      2,
      () => LabelSelector,
      'Selects the pods the deployment manages; must match the template labels.',
      {
        required: true,
        pointer: true,
      },
    ),
    template: field(3, () => PodTemplateSpec, 'Template of the pods the deployment creates.', { required: true }),
    strategy: field(4, () => DeploymentStrategy, 'How old pods are replaced by new ones.', {
      patchStrategy: 'retainKeys',
    }),
    minReadySeconds: field(5, int32, 'Seconds a new pod must be ready, without crashing, to count as available.'),
    revisionHistoryLimit: field(6, int32, 'Number of old ReplicaSets kept for rollback; defaults to 10.', {
      pointer: true,
    }),
    paused: field(7, boolean, 'When true, changes to the template do not start a rollout.'),
    progressDeadlineSeconds: field(
      9,
      int32,
      'Seconds a rollout may make no progress before it is reported as failed; defaults to 600.',
      { pointer: true },
    ),
  },
);

export const DeploymentStrategy: StructType = struct(
  'io.k8s.api.apps.v1.DeploymentStrategy',
  'How a deployment replaces its pods.',
  {
    type: field(1, string, 'Recreate, or RollingUpdate (the default).', { enum: ['Recreate', 'RollingUpdate'] }),
    rollingUpdate: field(2, () => RollingUpdateDeployment, 'Rolling update parameters; only with type RollingUpdate.', {
      pointer: true,
    }),
  },
);

export const RollingUpdateDeployment: StructType = struct(
  'io.k8s.api.apps.v1.RollingUpdateDeployment',
  'Bounds on availability and surge during a rolling update.',
  {
    maxUnavailable: field(
      1,
      intOrString,
      'Pods (number or percentage of desired) that may be unavailable during the update; defaults to 25%.',
      { pointer: true },
    ),
    maxSurge: field(
      2,
      intOrString,
      'Pods (number or percentage of desired) that may be created above the desired count; defaults to 25%.',
      { pointer: true },
    ),
  },
);

export const DeploymentStatus: StructType = struct(
  'io.k8s.api.apps.v1.DeploymentStatus',
  'Most recently observed state of a deployment.',
  {
    observedGeneration: field(1, int64, 'Generation of the spec the controller last acted on.'),
    replicas: field(2, int32, 'Number of non-terminating pods targeted by the deployment.'),
    updatedReplicas: field(3, int32, 'Number of non-terminating pods running the current template.'),
    readyReplicas: field(7, int32, 'Number of targeted pods with a Ready condition.'),
    availableReplicas: field(4, int32, 'Number of targeted pods ready for at least minReadySeconds.'),
    unavailableReplicas: field(5, int32, 'Number of pods still needed for the deployment to be fully available.'),
    terminatingReplicas: field(9, int32, 'Number of targeted pods that are terminating.', { pointer: true }),
    conditions: field(
      6,
      list(() => DeploymentCondition),
      'Latest observations of the deployment state.',
      conditionListOptions,
    ),
    collisionCount: field(8, int32, 'Counter of template hash collisions, used to name new ReplicaSets.', {
      pointer: true,
    }),
  },
);

export const DeploymentCondition: StructType = struct(
  'io.k8s.api.apps.v1.DeploymentCondition',
  'One aspect of a deployment state, such as Available or Progressing.',
  {
    type: field(1, string, 'Type of the condition: Available, Progressing or ReplicaFailure.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastUpdateTime: field(6, time, 'Last time the condition was updated.'),
    lastTransitionTime: field(7, time, 'Last time the status changed.'),
    reason: field(4, string, 'Machine-readable reason for the last transition.'),
    message: field(5, string, 'Human-readable details about the transition.'),
  },
);

export const ReplicaSet: StructType = struct(
  'io.k8s.api.apps.v1.ReplicaSet',
  'Keeps a given number of identical pods running.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata; labels may match the pods.'),
    spec: field(2, () => ReplicaSetSpec, 'Desired state of the replica set.'),
    status: field(3, () => ReplicaSetStatus, 'Most recently observed state of the replica set.'),
  },
);

export const ReplicaSetSpec: StructType = struct(
  'io.k8s.api.apps.v1.ReplicaSetSpec',
  'Desired state of a replica set.',
  {
    replicas: field(1, int32, 'Desired number of pods; defaults to 1.', { pointer: true }),
    minReadySeconds: field(4, int32, 'Seconds a new pod must be ready, without crashing, to count as available.'),
    selector: field(2, () => LabelSelector, 'Selects the pods counted; must match the template labels.', {
      required: true,
      pointer: true,
    }),
    template: field(3, () => PodTemplateSpec, 'Template of the pods created when too few exist.'),
  },
);

export const ReplicaSetStatus: StructType = struct(
  'io.k8s.api.apps.v1.ReplicaSetStatus',
  'Most recently observed state of a replica set.',
  {
    replicas: field(1, int32, 'Number of non-terminating pods matched by the selector.', { required: true }),
    fullyLabeledReplicas: field(2, int32, 'Number of pods whose labels match the template labels.'),
    readyReplicas: field(4, int32, 'Number of pods with a Ready condition.'),
    availableReplicas: field(5, int32, 'Number of pods ready for at least minReadySeconds.'),
    terminatingReplicas: field(7, int32, 'Number of matched pods that are terminating.', { pointer: true }),
    observedGeneration: field(3, int64, 'Generation of the spec the controller last acted on.'),
    conditions: field(
      6,
      list(() => ReplicaSetCondition),
      'Latest observations of the replica set state.',
      conditionListOptions,
    ),
  },
);

export const ReplicaSetCondition: StructType = struct(
  'io.k8s.api.apps.v1.ReplicaSetCondition',
  'One aspect of a replica set state, such as ReplicaFailure.',
  {
    type: field(1, string, 'Type of the condition.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastTransitionTime: field(3, time, 'Last time the status changed.'),
    reason: field(4, string, 'Machine-readable reason for the last transition.'),
    message: field(5, string, 'Human-readable details about the transition.'),
  },
);
