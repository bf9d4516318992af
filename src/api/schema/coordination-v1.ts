/**
 * coordination.k8s.io/v1: Lease, used for leader election and node heartbeats.
 *
 * Field numbers, JSON names, Go field order and patch/list metadata follow upstream `k8s.io/api/coordination/v1`;
 * descriptions are our own.
 */

import { field, inline, int32, kind, microTime, string, struct, type KindDef, type StructType } from './dsl.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const Lease: StructType = struct(
  'io.k8s.api.coordination.v1.Lease',
  'A time-limited claim on a shared resource, renewed by its holder.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => LeaseSpec, 'Holder and timing of the lease.'),
  },
);

export const LeaseSpec: StructType = struct('io.k8s.api.coordination.v1.LeaseSpec', 'Holder and timing of a lease.', {
  holderIdentity: field(1, string, 'Identity of the current holder.', { pointer: true }),
  leaseDurationSeconds: field(2, int32, 'Seconds candidates wait after the last renewal before taking over.', {
    pointer: true,
  }),
  acquireTime: field(3, microTime, 'When the current holder acquired the lease.', { pointer: true }),
  renewTime: field(4, microTime, 'When the holder last renewed the lease.', { pointer: true }),
  leaseTransitions: field(5, int32, 'Number of times the lease changed holders.', { pointer: true }),
  strategy: field(6, string, 'Strategy for picking a leader in coordinated leader election.', { pointer: true }),
  preferredHolder: field(7, string, 'Holder the lease should move to, in coordinated leader election.', {
    pointer: true,
  }),
});

/** coordination.k8s.io/v1 kinds. */
export const coordinationV1Kinds: readonly KindDef[] = [
  kind(Lease, { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases' }),
];
