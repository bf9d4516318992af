/**
 * Services (upstream pkg/registry/core/service): defaults, the update-time fix-ups upstream's REST storage
 * applies (keep allocated IPs and node ports a client left out, clear what a type change makes meaningless),
 * and validation. Allocating cluster IPs and node ports is not done here: an empty clusterIP passes, for the
 * allocator that runs around this strategy.
 */
import type { KObject, Strategy } from '../../types.js';
import {
  defaultService,
  dropTypeDependentFields,
  initIPFamilyFields,
  normalizeClusterIPsOnCreate,
  normalizeClusterIPsOnUpdate,
  patchAllocatedValues,
} from './defaults.js';
import { needsClusterIP, specOf, type Service, type ServiceSpec } from './types.js';
import { validateService, validateServiceUpdate } from './validation.js';

export const serviceStrategy: Strategy = {
  defaults: (obj) => defaultService(obj as Service),
  prepareForCreate(obj) {
    delete obj.status;
    const spec = specOf(obj);
    normalizeClusterIPsOnCreate(spec);
    initIPFamilyFields(spec);
  },
  prepareForUpdate(obj, old) {
    const spec = specOf(obj);
    const prev = (old.spec ?? {}) as ServiceSpec;
    patchAllocatedValues(spec, prev);
    normalizeClusterIPsOnUpdate(spec, prev);
    // Families the client left out stay as they were while the service keeps a cluster IP.
    if (needsClusterIP(spec) && needsClusterIP(prev)) {
      if (spec.ipFamilyPolicy === undefined && prev.ipFamilyPolicy !== undefined)
        spec.ipFamilyPolicy = prev.ipFamilyPolicy;
      if (!spec.ipFamilies?.length && prev.ipFamilies?.length) spec.ipFamilies = [...prev.ipFamilies];
    }
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
    dropTypeDependentFields(obj as Service, old as Service);
    // A switch from ExternalName gains a cluster IP, and with it IP families.
    initIPFamilyFields(spec);
  },
  validate: (obj) => validateService(obj as Service),
  validateUpdate: (obj, old) => validateServiceUpdate(obj as Service, old as Service),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};

/** The status subresource: only status.loadBalancer changes (ValidateServiceStatusUpdate). */
export const serviceStatusStrategy: Strategy = {
  defaults: (obj: KObject) => defaultService(obj as Service),
  allowUnconditionalUpdate: true,
};
