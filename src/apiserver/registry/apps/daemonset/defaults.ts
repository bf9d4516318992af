/** DaemonSet defaulting (upstream's apps/v1 SetDefaults_DaemonSet). */
import type { KObject } from '../../types.js';
import { defaultPodTemplateSpec } from '../../core/pod/defaults.js';
import { recordAt } from '../../core/pod/json.js';
import { specAt } from '../../core/pod/workload.js';

/** A RollingUpdate strategy replacing one pod at a time without surge, 10 revisions kept, template defaults. */
export function defaultDaemonSet(obj: KObject): void {
  const spec = specAt(obj);
  const strategy = recordAt(spec, 'updateStrategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = recordAt(strategy, 'rollingUpdate');
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
  defaultPodTemplateSpec(recordAt(spec, 'template'));
}
