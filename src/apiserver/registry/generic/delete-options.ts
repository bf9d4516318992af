/** metav1.DeleteOptions as sent in a DELETE body or query. */
export interface DeleteOptions {
  kind?: string;
  apiVersion?: string;
  gracePeriodSeconds?: number | null;
  preconditions?: { uid?: string | null; resourceVersion?: string | null } | null;
  orphanDependents?: boolean | null;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground' | null;
  dryRun?: string[];
}
