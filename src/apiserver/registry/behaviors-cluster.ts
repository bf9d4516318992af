import type { ResourceBehavior } from './api-registry.js';
import { buildSchemaRegistry, type SchemaRegistry } from '../../api/schema/registry.js';
import { configMapBehavior } from './core/configmap/behavior.js';
import { endpointsBehavior } from './core/endpoints/behavior.js';
import { eventBehavior } from './core/event/behavior.js';
import { limitRangeBehavior } from './core/limitrange/behavior.js';
import { namespaceBehavior } from './core/namespace/behavior.js';
import { nodeBehavior } from './core/node/behavior.js';
import { persistentVolumeBehavior } from './core/persistentvolume/behavior.js';
import { persistentVolumeClaimBehavior } from './core/persistentvolumeclaim/behavior.js';
import { resourceQuotaBehavior } from './core/resourcequota/behavior.js';
import { secretBehavior } from './core/secret/behavior.js';
import { serviceBehavior } from './core/service/behavior.js';
import { serviceAccountBehavior } from './core/serviceaccount/behavior.js';
import { roleBehavior } from './rbac/role/behavior.js';
import { clusterRoleBehavior } from './rbac/clusterrole/behavior.js';
import { roleBindingBehavior } from './rbac/rolebinding/behavior.js';
import { clusterRoleBindingBehavior } from './rbac/clusterrolebinding/behavior.js';
import { networkPolicyBehavior } from './networking/networkpolicy/behavior.js';
import { ingressBehavior } from './networking/ingress/behavior.js';
import { ingressClassBehavior } from './networking/ingressclass/behavior.js';
import { podDisruptionBudgetBehavior } from './policy/poddisruptionbudget/behavior.js';
import { hpaV1Behavior, hpaV2Behavior } from './autoscaling/horizontalpodautoscaler/behavior.js';
import { storageClassBehavior } from './storage/storageclass/behavior.js';
import { priorityClassBehavior } from './scheduling/priorityclass/behavior.js';
import { leaseBehavior } from './coordination/lease/behavior.js';
import { endpointSliceBehavior } from './discovery/endpointslice/behavior.js';
import { eventsV1Behavior } from './events/event/behavior.js';

/** Every non-workload behaviour this package defines, whether or not the schema serves the resource yet. */
export function allClusterBehaviors(): ResourceBehavior[] {
  return [
    namespaceBehavior,
    serviceBehavior,
    endpointsBehavior,
    nodeBehavior,
    configMapBehavior,
    secretBehavior,
    serviceAccountBehavior,
    eventBehavior,
    resourceQuotaBehavior,
    limitRangeBehavior,
    persistentVolumeBehavior,
    persistentVolumeClaimBehavior,
    roleBehavior,
    clusterRoleBehavior,
    roleBindingBehavior,
    clusterRoleBindingBehavior,
    networkPolicyBehavior,
    ingressBehavior,
    ingressClassBehavior,
    podDisruptionBudgetBehavior,
    hpaV1Behavior,
    hpaV2Behavior,
    storageClassBehavior,
    priorityClassBehavior,
    leaseBehavior,
    endpointSliceBehavior,
    eventsV1Behavior,
  ];
}

/**
 * Everything that is not a workload: namespaces, services, config, RBAC, networking, policy, storage, ...
 * Only the resources `schema` declares are returned, because the API registry refuses behaviours for
 * resources it does not serve and the schema gains group-versions over time; {@link allClusterBehaviors}
 * lists them all.
 */
export function clusterBehaviors(schema: Pick<SchemaRegistry, 'resource'> = buildSchemaRegistry()): ResourceBehavior[] {
  return allClusterBehaviors().filter((b) => schema.resource(b.group, b.version, b.resource) !== undefined);
}
