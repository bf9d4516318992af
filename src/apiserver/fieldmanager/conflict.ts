/**
 * The 409 an apply gets when it would change fields other managers own, worded exactly as upstream's
 * NewConflictError: kubectl prints the message verbatim, and scripts match on it.
 *
 * ```
 * Apply failed with 1 conflict: conflict with "alice": .data.a
 * Apply failed with 2 conflicts: conflicts with "alice":
 * - .data.a
 * - .data.b
 * ```
 */
import { applyConflict, type StatusError } from '../../apimachinery/errors.js';
import { goQuote } from '../../apimachinery/go-format.js';
import { parseIdentifier } from './managed-fields.js';
import { pathString } from './path-element.js';
import type { Conflict } from './updater.js';

/** How a manager identifier is named in messages: `"alice"`, `"bob" using v1`, `"c" with subresource "status" using v1`. */
export function printManager(identifier: string): string {
  const info = parseIdentifier(identifier);
  let s = goQuote(info.manager);
  if (info.subresource) s += ` with subresource ${goQuote(info.subresource)}`;
  if (info.operation === 'Update') s += ` using ${info.apiVersion ?? ''}`;
  return s;
}

/** The Status error for a list of conflicts (at least one). */
export function conflictError(conflicts: readonly Conflict[]): StatusError {
  const causes = conflicts.map((c) => ({
    reason: 'FieldManagerConflict' as const,
    message: `conflict with ${printManager(c.manager)}`,
    field: pathString(c.path),
  }));
  return applyConflict(causes, conflictMessage(conflicts));
}

function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with ${printManager(c.manager)}: ${pathString(c.path)}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const paths = byManager.get(c.manager) ?? [];
    paths.push(pathString(c.path));
    byManager.set(c.manager, paths);
  }
  const lines: string[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${printManager(manager)}:`);
    for (const p of byManager.get(manager)!) lines.push(`- ${p}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
