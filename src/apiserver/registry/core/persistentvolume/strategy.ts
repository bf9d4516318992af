/**
 * PersistentVolumes (upstream pkg/registry/core/persistentvolume): reclaim policy Retain and volumeMode
 * Filesystem by default, phase Pending on create, status written by the PV controller through /status.
 */
import { rfc3339 } from '../../../../apimachinery/meta.js';
import type { KObject, Strategy } from '../../types.js';
import { canonicalizeResourceList } from '../resourcequota/resources.js';
import { validatePersistentVolume, validatePersistentVolumeUpdate, type PVSpec } from './validation.js';

interface PVStatus {
  phase?: string;
  lastPhaseTransitionTime?: string;
}

function defaultPV(obj: KObject): void {
  const spec = (obj.spec ??= {}) as PVSpec;
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain';
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem';
  const status = (obj.status ??= {}) as PVStatus;
  if (!status.phase) status.phase = 'Pending';
}

export const persistentVolumeStrategy: Strategy = {
  defaults: defaultPV,
  prepareForCreate(obj, ctx) {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.now) };
  },
  prepareForUpdate(obj, old) {
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validatePersistentVolume(obj),
  validateUpdate: (obj, old) => validatePersistentVolumeUpdate(obj, old),
  canonicalize: (obj) => canonicalizeResourceList(((obj.spec ?? {}) as PVSpec).capacity),
  allowUnconditionalUpdate: true,
};

export const persistentVolumeStatusStrategy: Strategy = {
  defaults: defaultPV,
  prepareForUpdate(obj, old, ctx) {
    // A phase change records when it happened, unless the writer said so itself.
    const status = (obj.status ??= {}) as PVStatus;
    const prev = (old.status ?? {}) as PVStatus;
    if (status.phase !== prev.phase && status.lastPhaseTransitionTime === prev.lastPhaseTransitionTime) {
      status.lastPhaseTransitionTime = rfc3339(ctx.now);
    }
  },
  allowUnconditionalUpdate: true,
};
