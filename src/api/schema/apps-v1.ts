/**
 * apps/v1: the workload controllers' kinds and their resources, as served at /apis/apps/v1. The types live in
 * `apps-v1-deployment.ts` (Deployment, ReplicaSet) and `apps-v1-statefulset.ts` (StatefulSet, DaemonSet,
 * ControllerRevision).
 */

import { kind, scaleSubresource, statusSubresource, type KindDef } from './dsl.js';
import { Deployment, ReplicaSet } from './apps-v1-deployment.js';
import { ControllerRevision, DaemonSet, StatefulSet } from './apps-v1-statefulset.js';

const apps = { group: 'apps', version: 'v1' } as const;

/** apps/v1 kinds. Resource names, short names and categories match upstream discovery. */
export const appsV1Kinds: readonly KindDef[] = [
  kind(ControllerRevision, { ...apps, kind: 'ControllerRevision', plural: 'controllerrevisions' }),
  kind(DaemonSet, {
    ...apps,
    kind: 'DaemonSet',
    plural: 'daemonsets',
    shortNames: ['ds'],
    categories: ['all'],
    subresources: [statusSubresource],
  }),
  kind(Deployment, {
    ...apps,
    kind: 'Deployment',
    plural: 'deployments',
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: [scaleSubresource, statusSubresource],
  }),
  kind(ReplicaSet, {
    ...apps,
    kind: 'ReplicaSet',
    plural: 'replicasets',
    shortNames: ['rs'],
    categories: ['all'],
    subresources: [scaleSubresource, statusSubresource],
  }),
  kind(StatefulSet, {
    ...apps,
    kind: 'StatefulSet',
    plural: 'statefulsets',
    shortNames: ['sts'],
    categories: ['all'],
    subresources: [scaleSubresource, statusSubresource],
  }),
];
