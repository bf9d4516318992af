/** RoleBinding and ClusterRoleBinding validation (upstream pkg/apis/rbac/validation). */
import { isDeepStrictEqual } from 'node:util';
import {
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { invalidEach, isValidPathSegmentName, nameIsDNSSubdomain } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}
interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

function validateSubject(s: Subject, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = s.name ?? '';
  if (!name) errs.push(required(path.child('name')));
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) errs.push(...invalidEach(path.child('name'), name, nameIsDNSSubdomain(name, false)));
      if (s.apiGroup) errs.push(notSupported(path.child('apiGroup'), s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(path.child('namespace')));
      break;
    case 'User':
    case 'Group':
      if (!name)
        errs.push(
          invalidValue(path.child('name'), name, `${s.kind === 'User' ? 'user' : 'group'} name cannot be empty`),
        );
      if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(path.child('apiGroup'), s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(path.child('kind'), s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

/** ValidateRoleBinding/ValidateClusterRoleBinding without the metadata part. */
export function validateBinding(obj: KObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = (obj.roleRef ?? {}) as RoleRef;
  if (ref.apiGroup !== RBAC_GROUP)
    errs.push(notSupported(root('roleRef', 'apiGroup'), ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind ?? '')) errs.push(notSupported(root('roleRef', 'kind'), ref.kind ?? '', kinds));
  if (!ref.name) errs.push(required(root('roleRef', 'name')));
  else errs.push(...invalidEach(root('roleRef', 'name'), ref.name, isValidPathSegmentName(ref.name)));
  ((obj.subjects ?? []) as Subject[]).forEach((s, i) =>
    errs.push(...validateSubject(s ?? {}, namespaced, root('subjects').index(i))),
  );
  return errs;
}

/** The role a binding grants never changes: delete and recreate the binding instead. */
export function validateBindingUpdate(obj: KObject, old: KObject, namespaced: boolean): FieldError[] {
  const errs = validateBinding(obj, namespaced);
  const a = (old.roleRef ?? {}) as RoleRef;
  const b = (obj.roleRef ?? {}) as RoleRef;
  const norm = (r: RoleRef) => ({ apiGroup: r.apiGroup ?? '', kind: r.kind ?? '', name: r.name ?? '' });
  if (!isDeepStrictEqual(norm(a), norm(b))) errs.push(invalidValue(root('roleRef'), norm(b), 'cannot change roleRef'));
  return errs;
}
