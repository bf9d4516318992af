/** Deployment defaulting (upstream's apps/v1 SetDefaults_Deployment). */
import type { KObject } from '../../types.js';
import { defaultPodTemplateSpec } from '../../core/pod/defaults.js';
import { recordAt } from '../../core/pod/json.js';
import { specAt } from '../../core/pod/workload.js';

/**
 * One replica, a RollingUpdate strategy with 25% surge and unavailability, 10 old ReplicaSets kept, a
 * 600-second progress deadline, and the pod template's defaults.
 */
export function defaultDeployment(obj: KObject): void {
  const spec = specAt(obj);
  if (typeof spec.replicas !== 'number') spec.replicas = 1;
  const strategy = recordAt(spec, 'strategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = recordAt(strategy, 'rollingUpdate');
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
  if (typeof spec.progressDeadlineSeconds !== 'number') spec.progressDeadlineSeconds = 600;
  defaultPodTemplateSpec(recordAt(spec, 'template'));
}
