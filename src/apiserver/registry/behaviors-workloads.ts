import type { ResourceBehavior } from './api-registry.js';

/** Pods and the workload controllers' resources: pods, replicationcontrollers, podtemplates, apps/*, batch/*. */
export function workloadBehaviors(): ResourceBehavior[] {
  return [];
}
