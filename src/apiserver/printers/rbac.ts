/**
 * RBAC tables. Bindings print ROLE as `Kind/name` and, wide, their subjects split into USERS, GROUPS and
 * SERVICEACCOUNTS (`namespace/name`). Roles and clusterroles have no printer upstream: they get NAME / CREATED AT.
 */
import { asArray, asRecord, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** Subjects split by kind (rbac.SubjectsStrings); subjects of other kinds are not shown. */
export function subjectsStrings(subjects: unknown): { users: string[]; groups: string[]; serviceAccounts: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const raw of asArray(subjects)) {
    const s = asRecord(raw);
    if (s.kind === 'ServiceAccount') serviceAccounts.push(`${str(s.namespace)}/${str(s.name)}`);
    else if (s.kind === 'User') users.push(str(s.name));
    else if (s.kind === 'Group') groups.push(str(s.name));
  }
  return { users, groups, serviceAccounts };
}

/** The binding table, for RoleBindings and ClusterRoleBindings (which differ only in wording). */
function bindingPrinter(what: string): TablePrinter {
  return {
    columns: [
      nameColumn,
      col('Role', `The kind/name of the role the ${what} grants.`),
      ageColumn,
      col('Users', `The users the ${what} grants the role to.`, 1),
      col('Groups', `The groups the ${what} grants the role to.`, 1),
      col('ServiceAccounts', `The service accounts the ${what} grants the role to.`, 1),
    ],
    cells(b, now) {
      const ref = asRecord(b.roleRef);
      const { users, groups, serviceAccounts } = subjectsStrings(b.subjects);
      return [
        b.metadata.name ?? '',
        `${str(ref.kind)}/${str(ref.name)}`,
        timestampSince(b.metadata.creationTimestamp, now),
        users.join(', '),
        groups.join(', '),
        serviceAccounts.join(', '),
      ];
    },
  };
}

/** RoleBindings: ROLE AGE; wide USERS GROUPS SERVICEACCOUNTS. */
export const roleBindingPrinter = bindingPrinter('role binding');
/** ClusterRoleBindings: ROLE AGE; wide USERS GROUPS SERVICEACCOUNTS. */
export const clusterRoleBindingPrinter = bindingPrinter('cluster role binding');
