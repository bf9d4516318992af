/**
 * core/v1 (the legacy group, apiVersion `v1`): the kinds and their resources, as served at /api/v1. The types
 * live in the `core-v1-*.ts` files by topic.
 */

import { kind, statusSubresource, type KindDef, type SubresourceDef } from './dsl.js';
import { Event, LimitRange, ReplicationController, ResourceQuota } from './core-v1-cluster.js';
import { Binding, ComponentStatus, ConfigMap, Namespace, Secret, ServiceAccount } from './core-v1-config.js';
import { Node } from './core-v1-node.js';
import {
  NodeProxyOptions,
  PodAttachOptions,
  PodExecOptions,
  PodLogOptions,
  PodPortForwardOptions,
  PodProxyOptions,
  ServiceProxyOptions,
} from './core-v1-options.js';
import { Pod, PodTemplate } from './core-v1-pod.js';
import { PersistentVolume, PersistentVolumeClaim } from './core-v1-pv.js';
import { Endpoints, Service } from './core-v1-service.js';

const core = { group: '', version: 'v1' } as const;
const gvk = (k: string) => ({ ...core, kind: k });
const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'];

const podSubresources: readonly SubresourceDef[] = [
  {
    name: 'attach',
    kind: gvk('PodAttachOptions'),
    verbs: ['create', 'get'],
    connect: true,
    options: () => PodAttachOptions,
  },
  { name: 'binding', kind: gvk('Binding'), verbs: ['create'] },
  { name: 'ephemeralcontainers', verbs: ['get', 'patch', 'update'] },
  { name: 'eviction', kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] },
  { name: 'exec', kind: gvk('PodExecOptions'), verbs: ['create', 'get'], connect: true, options: () => PodExecOptions },
  { name: 'log', verbs: ['get'], options: () => PodLogOptions, responseType: 'string' },
  {
    name: 'portforward',
    kind: gvk('PodPortForwardOptions'),
    verbs: ['create', 'get'],
    connect: true,
    options: () => PodPortForwardOptions,
  },
  { name: 'proxy', kind: gvk('PodProxyOptions'), verbs: PROXY_VERBS, connect: true, options: () => PodProxyOptions },
  { name: 'resize', verbs: ['get', 'patch', 'update'] },
  statusSubresource,
];

/** core/v1 kinds. Options kinds (PodLogOptions, …) are registered without a resource. */
export const coreV1Kinds: readonly KindDef[] = [
  kind(Binding, { ...core, kind: 'Binding', plural: 'bindings', verbs: ['create'] }),
  kind(ComponentStatus, {
    ...core,
    kind: 'ComponentStatus',
    plural: 'componentstatuses',
    namespaced: false,
    shortNames: ['cs'],
    verbs: ['get', 'list'],
  }),
  kind(ConfigMap, { ...core, kind: 'ConfigMap', plural: 'configmaps', shortNames: ['cm'] }),
  kind(Endpoints, { ...core, kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'] }),
  kind(Event, { ...core, kind: 'Event', plural: 'events', shortNames: ['ev'] }),
  kind(LimitRange, { ...core, kind: 'LimitRange', plural: 'limitranges', shortNames: ['limits'] }),
  kind(Namespace, {
    ...core,
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [{ name: 'finalize', verbs: ['update'] }, statusSubresource],
  }),
  kind(Node, {
    ...core,
    kind: 'Node',
    plural: 'nodes',
    namespaced: false,
    shortNames: ['no'],
    subresources: [
      {
        name: 'proxy',
        kind: gvk('NodeProxyOptions'),
        verbs: PROXY_VERBS,
        connect: true,
        options: () => NodeProxyOptions,
      },
      statusSubresource,
    ],
  }),
  kind(PersistentVolumeClaim, {
    ...core,
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    shortNames: ['pvc'],
    subresources: [statusSubresource],
  }),
  kind(PersistentVolume, {
    ...core,
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    namespaced: false,
    shortNames: ['pv'],
    subresources: [statusSubresource],
  }),
  kind(Pod, {
    ...core,
    kind: 'Pod',
    plural: 'pods',
    shortNames: ['po'],
    categories: ['all'],
    subresources: podSubresources,
  }),
  kind(PodTemplate, { ...core, kind: 'PodTemplate', plural: 'podtemplates' }),
  kind(ReplicationController, {
    ...core,
    kind: 'ReplicationController',
    plural: 'replicationcontrollers',
    shortNames: ['rc'],
    categories: ['all'],
    subresources: [
      {
        name: 'scale',
        kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
        verbs: ['get', 'patch', 'update'],
      },
      statusSubresource,
    ],
  }),
  kind(ResourceQuota, {
    ...core,
    kind: 'ResourceQuota',
    plural: 'resourcequotas',
    shortNames: ['quota'],
    subresources: [statusSubresource],
  }),
  kind(Secret, { ...core, kind: 'Secret', plural: 'secrets' }),
  kind(ServiceAccount, {
    ...core,
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    shortNames: ['sa'],
    subresources: [
      {
        name: 'token',
        kind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
        verbs: ['create'],
      },
    ],
  }),
  kind(Service, {
    ...core,
    kind: 'Service',
    plural: 'services',
    shortNames: ['svc'],
    categories: ['all'],
    subresources: [
      {
        name: 'proxy',
        kind: gvk('ServiceProxyOptions'),
        verbs: PROXY_VERBS,
        connect: true,
        options: () => ServiceProxyOptions,
      },
      statusSubresource,
    ],
  }),
  kind(NodeProxyOptions, { ...core, kind: 'NodeProxyOptions' }),
  kind(PodAttachOptions, { ...core, kind: 'PodAttachOptions' }),
  kind(PodExecOptions, { ...core, kind: 'PodExecOptions' }),
  kind(PodLogOptions, { ...core, kind: 'PodLogOptions' }),
  kind(PodPortForwardOptions, { ...core, kind: 'PodPortForwardOptions' }),
  kind(PodProxyOptions, { ...core, kind: 'PodProxyOptions' }),
  kind(ServiceProxyOptions, { ...core, kind: 'ServiceProxyOptions' }),
];
