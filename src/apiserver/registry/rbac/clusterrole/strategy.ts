import { nameIsValidPathSegment } from '../../../../apimachinery/validation/names.js';
/** ClusterRoles (upstream pkg/registry/rbac/clusterrole): rules plus an optional aggregation rule. */
import { required, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import type { LabelSelector } from '../../../../apimachinery/meta.js';
import { validateLabelSelector } from '../../../../apimachinery/validation/label-selector.js';
import type { KObject, Strategy } from '../../types.js';
import { validateRules } from '../role/validation.js';

/** ValidateClusterRole without the metadata part. */
export function validateClusterRole(obj: KObject): FieldError[] {
  const errs = validateRules(obj, false);
  const agg = obj.aggregationRule as { clusterRoleSelectors?: LabelSelector[] } | null | undefined;
  if (agg) {
    const path = root('aggregationRule', 'clusterRoleSelectors');
    if (!agg.clusterRoleSelectors?.length)
      errs.push(required(path, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    (agg.clusterRoleSelectors ?? []).forEach((s, i) => errs.push(...validateLabelSelector(s, {}, path.index(i))));
  }
  return errs;
}

export const clusterRoleStrategy: Strategy = {
  // RBAC names are any valid path segment (`system:node`), not DNS subdomains.
  validateName: nameIsValidPathSegment,
  validate: (obj) => validateClusterRole(obj),
  validateUpdate: (obj) => validateClusterRole(obj),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: true,
};
