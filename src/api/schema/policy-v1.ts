/**
 * policy/v1: Eviction, the body of the pods/eviction subresource.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { field, inline, kind, type KindDef, struct, type StructType } from './dsl.js';
import { DeleteOptions, ObjectMeta, TypeMeta } from './meta-v1.js';

export const Eviction: StructType = struct(
  'io.k8s.api.policy.v1.Eviction',
  'Requests eviction of a pod, subject to its disruption budgets.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Names the pod to evict.'),
    deleteOptions: field(2, () => DeleteOptions, 'Options for the resulting delete.', { pointer: true }),
  },
);

/** policy/v1 kinds. Eviction is not a resource: it is posted to the pods/eviction subresource. */
export const policyV1Kinds: readonly KindDef[] = [kind(Eviction, { group: 'policy', version: 'v1', kind: 'Eviction' })];
