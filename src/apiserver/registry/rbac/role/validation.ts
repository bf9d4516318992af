/** RBAC rule validation shared by Roles and ClusterRoles (upstream pkg/apis/rbac/validation). */
import {
  invalidValue,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';

/** One rbac/v1 PolicyRule. */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** validatePolicyRule: verbs always; either resources (with groups) or non-resource URLs (cluster roles only). */
export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!rule.verbs?.length) errs.push(required(path.child('verbs'), 'verbs must contain at least one value'));
  if (rule.nonResourceURLs?.length) {
    if (namespaced)
      errs.push(
        invalidValue(
          path.child('nonResourceURLs'),
          rule.nonResourceURLs,
          'namespaced rules cannot apply to non-resource URLs',
        ),
      );
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
      errs.push(
        invalidValue(
          path.child('nonResourceURLs'),
          rule.nonResourceURLs,
          'rules cannot apply to both regular resources and non-resource URLs',
        ),
      );
    }
    return errs;
  }
  if (!rule.apiGroups?.length)
    errs.push(required(path.child('apiGroups'), 'resource rules must supply at least one api group'));
  if (!rule.resources?.length)
    errs.push(required(path.child('resources'), 'resource rules must supply at least one resource'));
  if (rule.resourceNames?.length && (rule.resources?.length ?? 0) > 1) {
    errs.push(required(path.child('resourceNames'), 'resource names cannot apply to multiple resources'));
  }
  return errs;
}

/** The rules of a Role (namespaced) or ClusterRole. */
export function validateRules(obj: KObject, namespaced: boolean): FieldError[] {
  const rules = (obj.rules ?? []) as PolicyRule[];
  return rules.flatMap((r, i) => validatePolicyRule(r ?? {}, namespaced, root('rules').index(i)));
}
