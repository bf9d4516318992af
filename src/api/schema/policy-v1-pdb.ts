/**
 * policy/v1: PodDisruptionBudget. (Eviction, the other policy/v1 kind, is in `policy-v1.ts`; both arrays are
 * registered.)
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/policy/v1`;
 * descriptions are our own.
 */

import {
  field,
  inline,
  int32,
  int64,
  intOrString,
  kind,
  list,
  map,
  statusSubresource,
  string,
  struct,
  time,
  type KindDef,
  type StructType,
} from './dsl.js';
import { Condition, LabelSelector, ObjectMeta, TypeMeta } from './meta-v1.js';

export const PodDisruptionBudget: StructType = struct(
  'io.k8s.api.policy.v1.PodDisruptionBudget',
  'Limits how many pods of a set may be down at once through voluntary disruptions such as evictions.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => PodDisruptionBudgetSpec, 'The pods covered and the disruption allowed.'),
    status: field(3, () => PodDisruptionBudgetStatus, 'Most recently observed state of the budget.'),
  },
);

export const PodDisruptionBudgetSpec: StructType = struct(
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec',
  'The pods a disruption budget covers and how many must stay available.',
  {
    minAvailable: field(1, intOrString, 'Pods (number or percentage) that must stay available after an eviction.', {
      pointer: true,
    }),
    selector: field(2, () => LabelSelector, 'Pods covered by the budget; an empty selector covers all pods.', {
      pointer: true,
      patchStrategy: 'replace',
    }),
    maxUnavailable: field(3, intOrString, 'Pods (number or percentage) that may be unavailable after an eviction.', {
      pointer: true,
    }),
    unhealthyPodEvictionPolicy: field(
      4,
      string,
      'When running but not ready pods may be evicted: IfHealthyBudget (the default) or AlwaysAllow.',
      { pointer: true, enum: ['AlwaysAllow', 'IfHealthyBudget'] },
    ),
  },
);

export const PodDisruptionBudgetStatus: StructType = struct(
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus',
  'Observed state of a disruption budget.',
  {
    observedGeneration: field(1, int64, 'Generation of the spec the status was computed from.'),
    disruptedPods: field(2, map(time), 'Pods evicted but not yet observed deleted, with the time of their eviction.'),
    disruptionsAllowed: field(3, int32, 'Number of pod disruptions currently allowed.', { required: true }),
    currentHealthy: field(4, int32, 'Number of healthy pods covered.', { required: true }),
    desiredHealthy: field(5, int32, 'Least number of healthy pods wanted.', { required: true }),
    expectedPods: field(6, int32, 'Total number of pods counted by the budget.', { required: true }),
    conditions: field(
      7,
      list(() => Condition),
      'Latest observations, e.g. DisruptionAllowed.',
      {
        patchStrategy: 'merge',
        patchMergeKey: 'type',
        listType: 'map',
        listMapKeys: ['type'],
      },
    ),
  },
);

/** policy/v1 PodDisruptionBudget kind; registered next to `policyV1Kinds` (Eviction). */
export const policyV1PdbKinds: readonly KindDef[] = [
  kind(PodDisruptionBudget, {
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    shortNames: ['pdb'],
    subresources: [statusSubresource],
  }),
];
