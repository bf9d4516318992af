/**
 * core/v1: events, resource quotas, limit ranges and replication controllers.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import {
  field,
  inline,
  int32,
  int64,
  list,
  map,
  microTime,
  quantity,
  string,
  struct,
  type StructType,
  time,
} from './dsl.js';
import { ObjectReference } from './core-v1-config.js';
import { PodTemplateSpec } from './core-v1-pod.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const Event: StructType = struct(
  'io.k8s.api.core.v1.Event',
  'A report of something that happened to an object, as shown by kubectl describe.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.', { required: true }),
    involvedObject: field(2, () => ObjectReference, 'The object the event is about.', { required: true }),
    reason: field(3, string, 'Short machine-readable reason for the event, e.g. Scheduled.'),
    message: field(4, string, 'Human-readable description of what happened.'),
    source: field(5, () => EventSource, 'The component that reported the event.'),
    firstTimestamp: field(6, time, 'When the event was first recorded.'),
    lastTimestamp: field(7, time, 'When the event was most recently recorded.'),
    count: field(8, int32, 'How many times the event has occurred.'),
    type: field(9, string, 'Normal or Warning.'),
    eventTime: field(10, microTime, 'When the event was first observed, with microsecond precision.'),
    series: field(11, () => EventSeries, 'Data about a series of repeated events.', { pointer: true }),
    action: field(12, string, 'What action was taken or failed on the object.'),
    related: field(13, () => ObjectReference, 'A secondary object involved in the event.', { pointer: true }),
    reportingComponent: field(14, string, 'Name of the controller that emitted the event, e.g. kubelet.', {
      omitempty: false,
    }),
    reportingInstance: field(15, string, 'ID of the controller instance that emitted the event.', { omitempty: false }),
  },
);

export const EventSource: StructType = struct(
  'io.k8s.api.core.v1.EventSource',
  'The component that produced an event.',
  {
    component: field(1, string, 'Component name, e.g. kubelet.'),
    host: field(2, string, 'Node name the event came from.'),
  },
);

export const EventSeries: StructType = struct(
  'io.k8s.api.core.v1.EventSeries',
  'Information about a series of repeated events.',
  {
    count: field(1, int32, 'Number of occurrences in the series so far.'),
    lastObservedTime: field(2, microTime, 'Time of the last occurrence.'),
  },
);

export const ResourceQuota: StructType = struct(
  'io.k8s.api.core.v1.ResourceQuota',
  'Limits aggregate resource consumption in a namespace.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => ResourceQuotaSpec, 'The desired hard limits.'),
    status: field(3, () => ResourceQuotaStatus, 'The enforced limits and current usage.'),
  },
);

export const ResourceQuotaSpec: StructType = struct(
  'io.k8s.api.core.v1.ResourceQuotaSpec',
  'Desired quota limits and the objects they apply to.',
  {
    hard: field(1, map(quantity), 'Hard limit per named resource.'),
    scopes: field(2, list(string), 'Scopes the quota is limited to; all must match.', { listType: 'atomic' }),
    scopeSelector: field(3, () => ScopeSelector, 'Expression-based scope filter; all must match.', { pointer: true }),
  },
);

export const ResourceQuotaStatus: StructType = struct(
  'io.k8s.api.core.v1.ResourceQuotaStatus',
  'Enforced limits and observed usage.',
  {
    hard: field(1, map(quantity), 'Hard limits currently enforced.'),
    used: field(2, map(quantity), 'Current observed usage per resource.'),
  },
);

export const ScopeSelector: StructType = struct(
  'io.k8s.api.core.v1.ScopeSelector',
  'A set of scope requirements, all of which must match.',
  {
    matchExpressions: field(
      1,
      list(() => ScopedResourceSelectorRequirement),
      'Requirements on resource quota scopes.',
      { listType: 'atomic' },
    ),
  },
  { mapType: 'atomic' },
);

export const ScopedResourceSelectorRequirement: StructType = struct(
  'io.k8s.api.core.v1.ScopedResourceSelectorRequirement',
  'One requirement on a quota scope.',
  {
    scopeName: field(1, string, 'The scope the requirement applies to.', {
      required: true,
      enum: [
        'BestEffort',
        'CrossNamespacePodAffinity',
        'NotBestEffort',
        'NotTerminating',
        'PriorityClass',
        'Terminating',
        'VolumeAttributesClass',
      ],
    }),
    operator: field(2, string, 'In, NotIn, Exists or DoesNotExist.', {
      required: true,
      enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'],
    }),
    values: field(3, list(string), 'Values compared against; empty for Exists and DoesNotExist.', {
      listType: 'atomic',
    }),
  },
);

export const LimitRange: StructType = struct(
  'io.k8s.api.core.v1.LimitRange',
  'Default and maximum resource constraints per object kind in a namespace.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => LimitRangeSpec, 'The limits enforced.'),
  },
);

export const LimitRangeSpec: StructType = struct('io.k8s.api.core.v1.LimitRangeSpec', 'The limits of a LimitRange.', {
  limits: field(
    1,
    list(() => LimitRangeItem),
    'Limits per object type.',
    { required: true, listType: 'atomic' },
  ),
});

export const LimitRangeItem: StructType = struct(
  'io.k8s.api.core.v1.LimitRangeItem',
  'Resource limits for one type of object.',
  {
    type: field(1, string, 'Kind of object the limits apply to: Pod, Container or PersistentVolumeClaim.', {
      required: true,
    }),
    max: field(2, map(quantity), 'Maximum usage per resource.'),
    min: field(3, map(quantity), 'Minimum usage per resource.'),
    default: field(4, map(quantity), 'Default limits applied when a container sets none.'),
    defaultRequest: field(5, map(quantity), 'Default requests applied when a container sets none.'),
    maxLimitRequestRatio: field(6, map(quantity), 'Maximum ratio of limit to request per resource.'),
  },
);

export const ReplicationController: StructType = struct(
  'io.k8s.api.core.v1.ReplicationController',
  'Keeps a number of pod replicas running (superseded by ReplicaSet).',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => ReplicationControllerSpec, 'Desired behaviour of the controller.'),
    status: field(3, () => ReplicationControllerStatus, 'Most recently observed status.'),
  },
);

export const ReplicationControllerSpec: StructType = struct(
  'io.k8s.api.core.v1.ReplicationControllerSpec',
  'Desired behaviour of a replication controller.',
  {
    replicas: field(1, int32, 'Desired number of pods.', { pointer: true, default: 1 }),
    minReadySeconds: field(4, int32, 'Seconds a new pod must be ready before it counts as available.', { default: 0 }),
    selector: field(2, map(string), 'Labels the managed pods must have.', { mapType: 'atomic' }),
    template: field(3, () => PodTemplateSpec, 'Pod template used to create missing replicas.', { pointer: true }),
  },
);

export const ReplicationControllerStatus: StructType = struct(
  'io.k8s.api.core.v1.ReplicationControllerStatus',
  'Observed state of a replication controller.',
  {
    replicas: field(1, int32, 'Most recently observed number of replicas.', { required: true }),
    fullyLabeledReplicas: field(2, int32, "Number of pods whose labels match the template's labels."),
    readyReplicas: field(4, int32, 'Number of ready pods.'),
    availableReplicas: field(5, int32, 'Number of pods ready for at least minReadySeconds.'),
    observedGeneration: field(3, int64, 'The generation most recently observed by the controller.'),
    conditions: field(
      6,
      list(() => ReplicationControllerCondition),
      "Latest observations of the controller's state.",
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
    ),
  },
);

export const ReplicationControllerCondition: StructType = struct(
  'io.k8s.api.core.v1.ReplicationControllerCondition',
  "One observed aspect of a replication controller's state.",
  {
    type: field(1, string, 'Type of the condition, e.g. ReplicaFailure.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastTransitionTime: field(3, time, 'Last time the status changed.'),
    reason: field(4, string, 'Machine-readable reason for the last transition.'),
    message: field(5, string, 'Human-readable details about the last transition.'),
  },
);
