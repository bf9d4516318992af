/**
 * scheduling.k8s.io/v1: PriorityClass.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/scheduling/v1`;
 * descriptions are our own.
 */

import { boolean, field, inline, int32, kind, string, struct, type KindDef, type StructType } from './dsl.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const PriorityClass: StructType = struct(
  'io.k8s.api.scheduling.v1.PriorityClass',
  'Maps a priority class name to the integer priority of the pods that use it.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    value: field(2, int32, 'Priority of pods in this class; higher values schedule first.', { required: true }),
    globalDefault: field(3, boolean, 'Whether pods without a priority class name get this class.'),
    description: field(4, string, 'When the class should be used, for humans.'),
    preemptionPolicy: field(5, string, 'Whether pods may preempt lower-priority pods: PreemptLowerPriority or Never.', {
      pointer: true,
      enum: ['Never', 'PreemptLowerPriority'],
    }),
  },
);

/** scheduling.k8s.io/v1 kinds. */
export const schedulingV1Kinds: readonly KindDef[] = [
  kind(PriorityClass, {
    group: 'scheduling.k8s.io',
    version: 'v1',
    kind: 'PriorityClass',
    plural: 'priorityclasses',
    namespaced: false,
    shortNames: ['pc'],
  }),
];
