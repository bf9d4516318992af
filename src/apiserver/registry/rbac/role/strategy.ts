import { nameIsValidPathSegment } from '../../../../apimachinery/validation/names.js';
import type { Strategy } from '../../types.js';
import { validateRules } from './validation.js';

/**
 * Roles (upstream pkg/registry/rbac/role). Names need only be path segments upstream; the store's metadata
 * check is stricter (DNS subdomain) until it takes a per-resource name rule.
 */
export const roleStrategy: Strategy = {
  // RBAC names are any valid path segment (`system:node`), not DNS subdomains.
  validateName: nameIsValidPathSegment,
  validate: (obj) => validateRules(obj, true),
  validateUpdate: (obj) => validateRules(obj, true),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
