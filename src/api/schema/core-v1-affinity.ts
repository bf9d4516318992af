/**
 * core/v1: node and pod affinity.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { field, int32, list, string, struct, type StructType } from './dsl.js';
import { LabelSelector } from './meta-v1.js';

export const Affinity: StructType = struct('io.k8s.api.core.v1.Affinity', 'Scheduling constraints of a pod.', {
  nodeAffinity: field(1, () => NodeAffinity, 'Constraints on the nodes the pod may run on.', { pointer: true }),
  podAffinity: field(2, () => PodAffinity, 'Pods the pod should run near.', { pointer: true }),
  podAntiAffinity: field(3, () => PodAntiAffinity, 'Pods the pod should run away from.', { pointer: true }),
});

export const NodeAffinity: StructType = struct(
  'io.k8s.api.core.v1.NodeAffinity',
  'Constraints on the nodes a pod may run on.',
  {
    requiredDuringSchedulingIgnoredDuringExecution: field(
      1,
      () => NodeSelector,
      'Rules a node must satisfy at scheduling time.',
      { pointer: true },
    ),
    preferredDuringSchedulingIgnoredDuringExecution: field(
      2,
      list(() => PreferredSchedulingTerm),
      'Weighted rules the scheduler prefers nodes to satisfy.',
      { listType: 'atomic' },
    ),
  },
);

export const NodeSelector: StructType = struct(
  'io.k8s.api.core.v1.NodeSelector',
  'Node selector terms, any one of which must match (OR).',
  {
    nodeSelectorTerms: field(
      1,
      list(() => NodeSelectorTerm),
      'The terms.',
      { required: true, listType: 'atomic' },
    ),
  },
  { mapType: 'atomic' },
);

export const NodeSelectorTerm: StructType = struct(
  'io.k8s.api.core.v1.NodeSelectorTerm',
  'Requirements that must all match (AND).',
  {
    matchExpressions: field(
      1,
      list(() => NodeSelectorRequirement),
      'Requirements on node labels.',
      { listType: 'atomic' },
    ),
    matchFields: field(
      2,
      list(() => NodeSelectorRequirement),
      'Requirements on node fields.',
      { listType: 'atomic' },
    ),
  },
  { mapType: 'atomic' },
);

export const NodeSelectorRequirement: StructType = struct(
  'io.k8s.api.core.v1.NodeSelectorRequirement',
  'One requirement on a node label or field.',
  {
    key: field(1, string, 'Label key or field name.', { required: true }),
    operator: field(2, string, 'In, NotIn, Exists, DoesNotExist, Gt or Lt.', {
      required: true,
      enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
    }),
    values: field(3, list(string), 'Values compared against; one integer for Gt and Lt.', { listType: 'atomic' }),
  },
);

export const PreferredSchedulingTerm: StructType = struct(
  'io.k8s.api.core.v1.PreferredSchedulingTerm',
  'A node selector term with a weight.',
  {
    weight: field(1, int32, 'Weight in the range 1-100.', { required: true }),
    preference: field(2, () => NodeSelectorTerm, 'The node selector term.', { required: true }),
  },
);

export const PodAffinity: StructType = struct(
  'io.k8s.api.core.v1.PodAffinity',
  'Pods a pod should be co-located with.',
  {
    requiredDuringSchedulingIgnoredDuringExecution: field(
      1,
      list(() => PodAffinityTerm),
      'Terms that must be met at scheduling time.',
      { listType: 'atomic' },
    ),
    preferredDuringSchedulingIgnoredDuringExecution: field(
      2,
      list(() => WeightedPodAffinityTerm),
      'Weighted terms the scheduler prefers to meet.',
      { listType: 'atomic' },
    ),
  },
);

export const PodAntiAffinity: StructType = struct(
  'io.k8s.api.core.v1.PodAntiAffinity',
  'Pods a pod should not be co-located with.',
  {
    requiredDuringSchedulingIgnoredDuringExecution: field(
      1,
      list(() => PodAffinityTerm),
      'Terms that must be met at scheduling time.',
      { listType: 'atomic' },
    ),
    preferredDuringSchedulingIgnoredDuringExecution: field(
      2,
      list(() => WeightedPodAffinityTerm),
      'Weighted terms the scheduler prefers to meet.',
      { listType: 'atomic' },
    ),
  },
);

export const PodAffinityTerm: StructType = struct(
  'io.k8s.api.core.v1.PodAffinityTerm',
  'A set of pods and the topology they must (not) share with the pod.',
  {
    labelSelector: field(1, () => LabelSelector, 'Which pods the term refers to.', { pointer: true }),
    namespaces: field(2, list(string), "Namespaces the selected pods are in; defaults to the pod's.", {
      listType: 'atomic',
    }),
    topologyKey: field(3, string, 'Node label whose equal values define co-location.', { required: true }),
    namespaceSelector: field(4, () => LabelSelector, 'Namespaces the selected pods are in, by label.', {
      pointer: true,
    }),
    matchLabelKeys: field(5, list(string), 'Label keys of the incoming pod added to labelSelector with In.', {
      listType: 'atomic',
    }),
    mismatchLabelKeys: field(6, list(string), 'Label keys of the incoming pod added to labelSelector with NotIn.', {
      listType: 'atomic',
    }),
  },
);

export const WeightedPodAffinityTerm: StructType = struct(
  'io.k8s.api.core.v1.WeightedPodAffinityTerm',
  'A pod affinity term with a weight.',
  {
    weight: field(1, int32, 'Weight in the range 1-100.', { required: true }),
    podAffinityTerm: field(2, () => PodAffinityTerm, 'The pod affinity term.', { required: true }),
  },
);
