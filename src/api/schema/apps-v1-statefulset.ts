/**
 * apps/v1: StatefulSet, DaemonSet and ControllerRevision.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/apps/v1`;
 * descriptions are our own.
 */

import {
  field,
  inline,
  int32,
  int64,
  intOrString,
  list,
  rawExtension,
  string,
  struct,
  time,
  type StructType,
} from './dsl.js';
import { conditionListOptions } from './apps-v1-deployment.js';
import { PodTemplateSpec } from './core-v1-pod.js';
import { PersistentVolumeClaim } from './core-v1-pv.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

export const StatefulSet: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSet',
  'Pods with stable identities and per-pod storage, created and updated in order.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => StatefulSetSpec, 'Desired state of the stateful set.'),
    status: field(3, () => StatefulSetStatus, 'Most recently observed state of the stateful set.'),
  },
);

export const StatefulSetSpec: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSetSpec',
  'Desired state of a stateful set.',
  {
    replicas: field(1, int32, 'Desired number of pods; defaults to 1.', { pointer: true }),
    selector: field(2, () => LabelSelector, 'Selects the pods counted; must match the template labels.', {
      required: true,
      pointer: true,
    }),
    template: field(3, () => PodTemplateSpec, 'Template of the pods; each gets a unique ordinal identity.', {
      required: true,
    }),
    volumeClaimTemplates: field(
      4,
      list(() => PersistentVolumeClaim),
      'Claims created for every pod and mounted by name into its containers.',
      { listType: 'atomic' },
    ),
    serviceName: field(5, string, 'Headless service that gives the pods their network identity.', {
      omitempty: false,
    }),
    podManagementPolicy: field(6, string, 'OrderedReady (the default) or Parallel pod creation and deletion.', {
      enum: ['OrderedReady', 'Parallel'],
    }),
    updateStrategy: field(7, () => StatefulSetUpdateStrategy, 'How pods are updated when the template changes.'),
    revisionHistoryLimit: field(8, int32, 'Number of ControllerRevisions kept; defaults to 10.', { pointer: true }),
    minReadySeconds: field(9, int32, 'Seconds a new pod must be ready, without crashing, to count as available.'),
    persistentVolumeClaimRetentionPolicy: field(
      10,
      () => StatefulSetPersistentVolumeClaimRetentionPolicy,
      'What happens to the claims from volumeClaimTemplates on deletion and scale-down.',
      { pointer: true },
    ),
    ordinals: field(11, () => StatefulSetOrdinals, 'Numbering of the pod ordinals.', { pointer: true }),
  },
);

export const StatefulSetUpdateStrategy: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy',
  'How a stateful set updates its pods.',
  {
    type: field(1, string, 'RollingUpdate (the default) or OnDelete.', { enum: ['OnDelete', 'RollingUpdate'] }),
    rollingUpdate: field(
      2,
      () => RollingUpdateStatefulSetStrategy,
      'Rolling update parameters; only with type RollingUpdate.',
      { pointer: true },
    ),
  },
);

export const RollingUpdateStatefulSetStrategy: StructType = struct(
  'io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy',
  'Parameters of a stateful set rolling update.',
  {
    partition: field(1, int32, 'Only pods with an ordinal at or above this number are updated.', { pointer: true }),
    maxUnavailable: field(
      2,
      intOrString,
      'Pods (number or percentage) that may be unavailable during the update; defaults to 1.',
      { pointer: true },
    ),
  },
);

export const StatefulSetPersistentVolumeClaimRetentionPolicy: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
  'Whether claims created from volumeClaimTemplates are kept or deleted.',
  {
    whenDeleted: field(1, string, 'Retain or Delete the claims when the stateful set is deleted.'),
    whenScaled: field(2, string, 'Retain or Delete the claims of pods removed by a scale-down.'),
  },
);

export const StatefulSetOrdinals: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSetOrdinals',
  'The numbering of stateful set pods.',
  {
    start: field(1, int32, 'Ordinal of the first pod; defaults to 0.', { omitempty: false }),
  },
);

export const StatefulSetStatus: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSetStatus',
  'Most recently observed state of a stateful set.',
  {
    observedGeneration: field(1, int64, 'Generation of the spec the controller last acted on.'),
    replicas: field(2, int32, 'Number of pods created by the controller.', { required: true }),
    readyReplicas: field(3, int32, 'Number of pods with a Ready condition.'),
    currentReplicas: field(4, int32, 'Number of pods created from the currentRevision.'),
    updatedReplicas: field(5, int32, 'Number of pods created from the updateRevision.'),
    currentRevision: field(6, string, 'Revision that generated the pods up to currentReplicas.'),
    updateRevision: field(7, string, 'Revision that generates the pods being rolled out.'),
    collisionCount: field(9, int32, 'Counter of revision hash collisions, used to name new revisions.', {
      pointer: true,
    }),
    conditions: field(
      10,
      list(() => StatefulSetCondition),
      'Latest observations of the stateful set state.',
      conditionListOptions,
    ),
    availableReplicas: field(11, int32, 'Number of pods ready for at least minReadySeconds.', { omitempty: false }),
  },
);

export const StatefulSetCondition: StructType = struct(
  'io.k8s.api.apps.v1.StatefulSetCondition',
  'One aspect of a stateful set state.',
  {
    type: field(1, string, 'Type of the condition.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastTransitionTime: field(3, time, 'Last time the status changed.'),
    reason: field(4, string, 'Machine-readable reason for the last transition.'),
    message: field(5, string, 'Human-readable details about the transition.'),
  },
);

export const DaemonSet: StructType = struct(
  'io.k8s.api.apps.v1.DaemonSet',
  'Runs one copy of a pod on every eligible node.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => DaemonSetSpec, 'Desired state of the daemon set.'),
    status: field(3, () => DaemonSetStatus, 'Most recently observed state of the daemon set.'),
  },
);

export const DaemonSetSpec: StructType = struct('io.k8s.api.apps.v1.DaemonSetSpec', 'Desired state of a daemon set.', {
  selector: field(1, () => LabelSelector, 'Selects the pods counted; must match the template labels.', {
    required: true,
    pointer: true,
  }),
  template: field(2, () => PodTemplateSpec, 'Template of the pod run on each eligible node.', { required: true }),
  updateStrategy: field(3, () => DaemonSetUpdateStrategy, 'How pods are replaced when the template changes.'),
  minReadySeconds: field(4, int32, 'Seconds a new pod must be ready, without crashing, to count as available.'),
  revisionHistoryLimit: field(6, int32, 'Number of old revisions kept for rollback; defaults to 10.', {
    pointer: true,
  }),
});

export const DaemonSetUpdateStrategy: StructType = struct(
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy',
  'How a daemon set replaces its pods.',
  {
    type: field(1, string, 'RollingUpdate (the default) or OnDelete.', { enum: ['OnDelete', 'RollingUpdate'] }),
    rollingUpdate: field(2, () => RollingUpdateDaemonSet, 'Rolling update parameters; only with type RollingUpdate.', {
      pointer: true,
    }),
  },
);

export const RollingUpdateDaemonSet: StructType = struct(
  'io.k8s.api.apps.v1.RollingUpdateDaemonSet',
  'Bounds on availability and surge during a daemon set rolling update.',
  {
    maxUnavailable: field(
      1,
      intOrString,
      'Nodes (number or percentage) whose pod may be unavailable during the update; defaults to 1.',
      { pointer: true },
    ),
    maxSurge: field(
      2,
      intOrString,
      'Nodes (number or percentage) that may run an extra updated pod during the update; defaults to 0.',
      { pointer: true },
    ),
  },
);

export const DaemonSetStatus: StructType = struct(
  'io.k8s.api.apps.v1.DaemonSetStatus',
  'Most recently observed state of a daemon set.',
  {
    currentNumberScheduled: field(1, int32, 'Number of nodes running the pod that should run it.', {
      required: true,
    }),
    numberMisscheduled: field(2, int32, 'Number of nodes running the pod that should not run it.', {
      required: true,
    }),
    desiredNumberScheduled: field(3, int32, 'Number of nodes that should run the pod.', { required: true }),
    numberReady: field(4, int32, 'Number of nodes whose pod has a Ready condition.', { required: true }),
    observedGeneration: field(5, int64, 'Generation of the spec the controller last acted on.'),
    updatedNumberScheduled: field(6, int32, 'Number of nodes running the updated pod.'),
    numberAvailable: field(7, int32, 'Number of nodes whose pod has been ready for minReadySeconds.'),
    numberUnavailable: field(8, int32, 'Number of nodes that should run an available pod but do not.'),
    collisionCount: field(9, int32, 'Counter of revision hash collisions, used to name new revisions.', {
      pointer: true,
    }),
    conditions: field(
      10,
      list(() => DaemonSetCondition),
      'Latest observations of the daemon set state.',
      conditionListOptions,
    ),
  },
);

export const DaemonSetCondition: StructType = struct(
  'io.k8s.api.apps.v1.DaemonSetCondition',
  'One aspect of a daemon set state.',
  {
    type: field(1, string, 'Type of the condition.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastTransitionTime: field(3, time, 'Last time the status changed.'),
    reason: field(4, string, 'Machine-readable reason for the last transition.'),
    message: field(5, string, 'Human-readable details about the transition.'),
  },
);

export const ControllerRevision: StructType = struct(
  'io.k8s.api.apps.v1.ControllerRevision',
  'An immutable snapshot of state data that a controller can roll back to.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    data: field(2, rawExtension, 'The serialized state of the revision.'),
    revision: field(3, int64, 'Revision number of the state held in data.', { required: true }),
  },
);
