/**
 * autoscaling/v2: HorizontalPodAutoscaler with metrics of every source type and scaling behaviour.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/autoscaling/v2`;
 * descriptions are our own.
 */

import {
  field,
  inline,
  int32,
  int64,
  kind,
  list,
  quantity,
  statusSubresource,
  string,
  struct,
  time,
  type KindDef,
  type StructType,
} from './dsl.js';
import { LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

const V2 = 'io.k8s.api.autoscaling.v2';

export const HorizontalPodAutoscaler: StructType = struct(
  `${V2}.HorizontalPodAutoscaler`,
  'Scales a workload through its scale subresource to keep metrics near their targets.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => HorizontalPodAutoscalerSpec, 'Target workload, replica bounds, metrics and behaviour.'),
    status: field(3, () => HorizontalPodAutoscalerStatus, 'Most recently observed state of the autoscaler.'),
  },
);

export const HorizontalPodAutoscalerSpec: StructType = struct(
  `${V2}.HorizontalPodAutoscalerSpec`,
  'Desired behaviour of an autoscaler.',
  {
    scaleTargetRef: field(1, () => CrossVersionObjectReference, 'The workload whose replica count is driven.', {
      required: true,
    }),
    minReplicas: field(2, int32, 'Lower bound on replicas; defaults to 1.', { pointer: true }),
    maxReplicas: field(3, int32, 'Upper bound on replicas.', { required: true }),
    metrics: field(
      4,
      list(() => MetricSpec),
      'Metrics whose targets set the replica count; the largest wins.',
      {
        listType: 'atomic',
      },
    ),
    behavior: field(5, () => HorizontalPodAutoscalerBehavior, 'Scaling rules for each direction.', {
      pointer: true,
    }),
  },
);

export const CrossVersionObjectReference: StructType = struct(
  `${V2}.CrossVersionObjectReference`,
  'Identifies an object by API version, kind and name.',
  {
    kind: field(1, string, 'Kind of the referent.', { required: true }),
    name: field(2, string, 'Name of the referent.', { required: true }),
    apiVersion: field(3, string, 'API version of the referent.'),
  },
);

export const MetricSpec: StructType = struct(
  `${V2}.MetricSpec`,
  'One metric to scale on; type names the source field that is set.',
  {
    type: field(1, string, 'Object, Pods, Resource, ContainerResource or External.', { required: true }),
    object: field(2, () => ObjectMetricSource, 'A metric of a single object in the namespace.', { pointer: true }),
    pods: field(3, () => PodsMetricSource, 'A metric averaged over the target pods.', { pointer: true }),
    resource: field(4, () => ResourceMetricSource, 'A resource such as cpu, relative to pod requests.', {
      pointer: true,
    }),
    containerResource: field(
      7,
      () => ContainerResourceMetricSource,
      'A resource of one container in each target pod.',
      { pointer: true },
    ),
    external: field(5, () => ExternalMetricSource, 'A metric from outside the cluster.', { pointer: true }),
  },
);

export const HorizontalPodAutoscalerBehavior: StructType = struct(
  `${V2}.HorizontalPodAutoscalerBehavior`,
  'How fast an autoscaler scales up and down.',
  {
    scaleUp: field(1, () => HPAScalingRules, 'Rules for scaling up.', { pointer: true }),
    scaleDown: field(2, () => HPAScalingRules, 'Rules for scaling down.', { pointer: true }),
  },
);

export const HPAScalingRules: StructType = struct(
  `${V2}.HPAScalingRules`,
  'Rate limits and stabilization for one scaling direction.',
  {
    stabilizationWindowSeconds: field(3, int32, 'Seconds of past recommendations considered to avoid flapping.', {
      pointer: true,
    }),
    selectPolicy: field(1, string, 'Which policy wins when several apply: Max (the default), Min or Disabled.', {
      pointer: true,
    }),
    policies: field(
      2,
      list(() => HPAScalingPolicy),
      'Allowed changes per period.',
      { listType: 'atomic' },
    ),
    tolerance: field(4, quantity, 'Relative metric deviation ignored before scaling, e.g. 0.1.', { pointer: true }),
  },
);

export const HPAScalingPolicy: StructType = struct(`${V2}.HPAScalingPolicy`, 'A change allowed within a period.', {
  type: field(1, string, 'Pods or Percent.', { required: true }),
  value: field(2, int32, 'Amount of change allowed, in the unit of type.', { required: true }),
  periodSeconds: field(3, int32, 'Length of the window the policy applies to.', { required: true }),
});

export const ObjectMetricSource: StructType = struct(
  `${V2}.ObjectMetricSource`,
  'A metric describing a single object, such as requests per second of an ingress.',
  {
    describedObject: field(1, () => CrossVersionObjectReference, 'The object the metric describes.', {
      required: true,
    }),
    target: field(2, () => MetricTarget, 'Target value of the metric.', { required: true }),
    metric: field(3, () => MetricIdentifier, 'The metric.', { required: true }),
  },
);

export const PodsMetricSource: StructType = struct(`${V2}.PodsMetricSource`, 'A metric of each target pod, averaged.', {
  metric: field(1, () => MetricIdentifier, 'The metric.', { required: true }),
  target: field(2, () => MetricTarget, 'Target value of the metric.', { required: true }),
});

export const ResourceMetricSource: StructType = struct(
  `${V2}.ResourceMetricSource`,
  'A resource of the target pods, such as cpu or memory.',
  {
    name: field(1, string, 'Name of the resource.', { required: true }),
    target: field(2, () => MetricTarget, 'Target value of the resource.', { required: true }),
  },
);

export const ContainerResourceMetricSource: StructType = struct(
  `${V2}.ContainerResourceMetricSource`,
  'A resource of one named container in each target pod.',
  {
    name: field(1, string, 'Name of the resource.', { required: true }),
    target: field(2, () => MetricTarget, 'Target value of the resource.', { required: true }),
    container: field(3, string, 'Name of the container.', { required: true }),
  },
);

export const ExternalMetricSource: StructType = struct(
  `${V2}.ExternalMetricSource`,
  'A metric not tied to any cluster object, such as a queue length.',
  {
    metric: field(1, () => MetricIdentifier, 'The metric.', { required: true }),
    target: field(2, () => MetricTarget, 'Target value of the metric.', { required: true }),
  },
);

export const MetricIdentifier: StructType = struct(`${V2}.MetricIdentifier`, 'A metric by name and label selector.', {
  name: field(1, string, 'Name of the metric.', { required: true }),
  selector: field(2, () => LabelSelector, 'Narrows the metric series by label.', { pointer: true }),
});

export const MetricTarget: StructType = struct(
  `${V2}.MetricTarget`,
  'The target of a metric: a value, an average value or an average utilization.',
  {
    type: field(1, string, 'Utilization, Value or AverageValue.', { required: true }),
    value: field(2, quantity, 'Target value of the metric.', { pointer: true }),
    averageValue: field(3, quantity, 'Target value averaged over the pods.', { pointer: true }),
    averageUtilization: field(4, int32, 'Target utilization as a percentage of requests, averaged over the pods.', {
      pointer: true,
    }),
  },
);

export const HorizontalPodAutoscalerStatus: StructType = struct(
  `${V2}.HorizontalPodAutoscalerStatus`,
  'Observed state of an autoscaler.',
  {
    observedGeneration: field(1, int64, 'Generation of the spec the autoscaler last acted on.', { pointer: true }),
    lastScaleTime: field(2, time, 'Last time the replica count was changed.', { pointer: true }),
    currentReplicas: field(3, int32, 'Current number of replicas of the target.'),
    desiredReplicas: field(4, int32, 'Replica count the autoscaler last computed.', { required: true }),
    currentMetrics: field(
      5,
      list(() => MetricStatus),
      'Last observed values of the metrics.',
      {
        omitempty: false,
        listType: 'atomic',
      },
    ),
    conditions: field(
      6,
      list(() => HorizontalPodAutoscalerCondition),
      'Latest observations, e.g. AbleToScale and ScalingActive.',
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
    ),
  },
);

export const HorizontalPodAutoscalerCondition: StructType = struct(
  `${V2}.HorizontalPodAutoscalerCondition`,
  'One aspect of an autoscaler state.',
  {
    type: field(1, string, 'Type of the condition.', { required: true }),
    status: field(2, string, 'True, False or Unknown.', { required: true }),
    lastTransitionTime: field(3, time, 'Last time the status changed.'),
    reason: field(4, string, 'Machine-readable reason for the last transition.'),
    message: field(5, string, 'Human-readable details about the transition.'),
  },
);

export const MetricStatus: StructType = struct(
  `${V2}.MetricStatus`,
  'The last observed value of one metric; type names the source field that is set.',
  {
    type: field(1, string, 'Object, Pods, Resource, ContainerResource or External.', { required: true }),
    object: field(2, () => ObjectMetricStatus, 'Value of a single-object metric.', { pointer: true }),
    pods: field(3, () => PodsMetricStatus, 'Value of a per-pod metric.', { pointer: true }),
    resource: field(4, () => ResourceMetricStatus, 'Value of a pod resource metric.', { pointer: true }),
    containerResource: field(7, () => ContainerResourceMetricStatus, 'Value of a container resource metric.', {
      pointer: true,
    }),
    external: field(5, () => ExternalMetricStatus, 'Value of an external metric.', { pointer: true }),
  },
);

export const ObjectMetricStatus: StructType = struct(
  `${V2}.ObjectMetricStatus`,
  'Current value of a single-object metric.',
  {
    metric: field(1, () => MetricIdentifier, 'The metric.', { required: true }),
    current: field(2, () => MetricValueStatus, 'Current value.', { required: true }),
    describedObject: field(3, () => CrossVersionObjectReference, 'The object the metric describes.', {
      required: true,
    }),
  },
);

export const PodsMetricStatus: StructType = struct(`${V2}.PodsMetricStatus`, 'Current value of a per-pod metric.', {
  metric: field(1, () => MetricIdentifier, 'The metric.', { required: true }),
  current: field(2, () => MetricValueStatus, 'Current value.', { required: true }),
});

export const ResourceMetricStatus: StructType = struct(
  `${V2}.ResourceMetricStatus`,
  'Current value of a pod resource metric.',
  {
    name: field(1, string, 'Name of the resource.', { required: true }),
    current: field(2, () => MetricValueStatus, 'Current value.', { required: true }),
  },
);

export const ContainerResourceMetricStatus: StructType = struct(
  `${V2}.ContainerResourceMetricStatus`,
  'Current value of a container resource metric.',
  {
    name: field(1, string, 'Name of the resource.', { required: true }),
    current: field(2, () => MetricValueStatus, 'Current value.', { required: true }),
    container: field(3, string, 'Name of the container.', { required: true }),
  },
);

export const ExternalMetricStatus: StructType = struct(
  `${V2}.ExternalMetricStatus`,
  'Current value of an external metric.',
  {
    metric: field(1, () => MetricIdentifier, 'The metric.', { required: true }),
    current: field(2, () => MetricValueStatus, 'Current value.', { required: true }),
  },
);

export const MetricValueStatus: StructType = struct(
  `${V2}.MetricValueStatus`,
  'A metric value, as a value, an average value or an average utilization.',
  {
    value: field(1, quantity, 'Current value of the metric.', { pointer: true }),
    averageValue: field(2, quantity, 'Current value averaged over the pods.', { pointer: true }),
    averageUtilization: field(3, int32, 'Current utilization as a percentage of requests, averaged over the pods.', {
      pointer: true,
    }),
  },
);

/** autoscaling/v2 kinds. */
export const autoscalingV2Kinds: readonly KindDef[] = [
  kind(HorizontalPodAutoscaler, {
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: [statusSubresource],
  }),
];
