/**
 * autoscaling/v1: the Scale subresource kind and the CPU-only HorizontalPodAutoscaler.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import {
  field,
  inline,
  int32,
  int64,
  kind,
  type KindDef,
  statusSubresource,
  string,
  struct,
  type StructType,
  time,
} from './dsl.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const Scale: StructType = struct(
  'io.k8s.api.autoscaling.v1.Scale',
  'The desired and observed replica count of a scalable resource.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => ScaleSpec, 'Desired number of replicas.'),
    status: field(3, () => ScaleStatus, 'Observed number of replicas and their selector.'),
  },
);

export const ScaleSpec: StructType = struct('io.k8s.api.autoscaling.v1.ScaleSpec', 'Desired scale of a resource.', {
  replicas: field(1, int32, 'Desired number of replicas.'),
});

export const ScaleStatus: StructType = struct(
  'io.k8s.api.autoscaling.v1.ScaleStatus',
  'Observed scale of a resource.',
  {
    replicas: field(1, int32, 'Actual number of observed replicas.', { required: true }),
    selector: field(2, string, 'Label selector of the pods counted, in string form.'),
  },
);

export const HorizontalPodAutoscaler: StructType = struct(
  'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler',
  'Scales a workload by its average CPU utilization.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => HorizontalPodAutoscalerSpec, 'Desired autoscaling behaviour.'),
    status: field(3, () => HorizontalPodAutoscalerStatus, 'Current autoscaler information.'),
  },
);

export const HorizontalPodAutoscalerSpec: StructType = struct(
  'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec',
  'Desired autoscaling behaviour.',
  {
    scaleTargetRef: field(1, () => CrossVersionObjectReference, 'The resource whose scale subresource is driven.', {
      required: true,
    }),
    minReplicas: field(2, int32, 'Lower limit for the number of replicas.', { pointer: true }),
    maxReplicas: field(3, int32, 'Upper limit for the number of replicas.', { required: true }),
    targetCPUUtilizationPercentage: field(4, int32, 'Target average CPU utilization as a percentage of requests.', {
      pointer: true,
    }),
  },
);

export const HorizontalPodAutoscalerStatus: StructType = struct(
  'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus',
  'Current autoscaler information.',
  {
    observedGeneration: field(1, int64, 'Most recent generation observed by the autoscaler.', { pointer: true }),
    lastScaleTime: field(2, time, 'Last time the number of replicas was changed.', { pointer: true }),
    currentReplicas: field(3, int32, 'Current number of replicas.', { required: true }),
    desiredReplicas: field(4, int32, 'Number of replicas the autoscaler wants.', { required: true }),
    currentCPUUtilizationPercentage: field(5, int32, 'Current average CPU utilization as a percentage of requests.', {
      pointer: true,
    }),
  },
);

export const CrossVersionObjectReference: StructType = struct(
  'io.k8s.api.autoscaling.v1.CrossVersionObjectReference',
  'Identifies the target of an autoscaler.',
  {
    kind: field(1, string, 'Kind of the referent.', { required: true }),
    name: field(2, string, 'Name of the referent.', { required: true }),
    apiVersion: field(3, string, 'API version of the referent.'),
  },
  { mapType: 'atomic' },
);

const autoscaling = { group: 'autoscaling', version: 'v1' } as const;

/** autoscaling/v1 kinds. Scale is not a resource: it is served by other resources' `scale` subresource. */
export const autoscalingV1Kinds: readonly KindDef[] = [
  kind(HorizontalPodAutoscaler, {
    ...autoscaling,
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: [statusSubresource],
  }),
  kind(Scale, { ...autoscaling, kind: 'Scale' }),
];
