/** StatefulSet defaulting (upstream's apps/v1 SetDefaults_StatefulSet and the PVC template defaults). */
import type { KObject } from '../../types.js';
import { defaultPodTemplateSpec } from '../../core/pod/defaults.js';
import { recordAt, recordOf, recordsOf } from '../../core/pod/json.js';
import { specAt } from '../../core/pod/workload.js';

/**
 * OrderedReady pod management, RollingUpdate with partition 0, PVCs retained on delete and scale-down, one
 * replica, 10 revisions kept; claim templates get a Filesystem volume mode and a Pending phase.
 */
export function defaultStatefulSet(obj: KObject): void {
  const spec = specAt(obj);
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy = recordAt(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    recordAt(strategy, 'rollingUpdate');
  }
  const ru = recordOf(strategy.rollingUpdate);
  if (strategy.type === 'RollingUpdate' && ru && typeof ru.partition !== 'number') ru.partition = 0;
  const retention = recordAt(spec, 'persistentVolumeClaimRetentionPolicy');
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (typeof spec.replicas !== 'number') spec.replicas = 1;
  if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
  defaultPodTemplateSpec(recordAt(spec, 'template'));
  for (const claim of recordsOf(spec.volumeClaimTemplates)) {
    const claimSpec = recordAt(claim, 'spec');
    if (!claimSpec.volumeMode) claimSpec.volumeMode = 'Filesystem';
    const status = recordAt(claim, 'status');
    if (!status.phase) status.phase = 'Pending';
  }
}
