import type { ResourceBehavior } from './api-registry.js';
import { podBehavior } from './core/pod/behavior.js';
import { podTemplateBehavior } from './core/podtemplate/behavior.js';
import { replicationControllerBehavior } from './core/replicationcontroller/behavior.js';
import { controllerRevisionBehavior } from './apps/controllerrevision/behavior.js';
import { daemonSetBehavior } from './apps/daemonset/behavior.js';
import { deploymentBehavior } from './apps/deployment/behavior.js';
import { replicaSetBehavior } from './apps/replicaset/behavior.js';
import { statefulSetBehavior } from './apps/statefulset/behavior.js';
import { cronJobBehavior } from './batch/cronjob/behavior.js';
import { jobBehavior } from './batch/job/behavior.js';

/** Pods and the workload controllers' resources: pods, replicationcontrollers, podtemplates, apps/*, batch/*. */
export function workloadBehaviors(): ResourceBehavior[] {
  return [
    podBehavior,
    podTemplateBehavior,
    replicationControllerBehavior,
    controllerRevisionBehavior,
    daemonSetBehavior,
    deploymentBehavior,
    replicaSetBehavior,
    statefulSetBehavior,
    cronJobBehavior,
    jobBehavior,
  ];
}
