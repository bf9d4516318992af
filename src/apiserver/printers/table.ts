import { humanDuration } from '../../apimachinery/duration.js';
import type { KObject } from '../registry/types.js';

/** metav1.TableColumnDefinition. priority 0 is always shown, 1 only with `-o wide`. */
export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/**
 * How one kind renders as rows of a Table, with the same columns upstream prints. `cells` returns one cell per
 * column, in order; the first column is the name.
 */
export interface TablePrinter {
  columns: ColumnDefinition[];
  cells(obj: KObject, now: Date): unknown[];
  /** metav1.TableRowCondition list of a row (pods mark finished ones `Completed`); omitted when undefined. */
  conditions?(obj: KObject): TableRowCondition[] | undefined;
}

/** metav1.TableRowCondition: a fact about a row, such as `Completed` for a pod that has finished. */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** A column definition; `priority` 1 marks a `-o wide` column. */
export const col = (
  name: string,
  description: string,
  priority = 0,
  type: ColumnDefinition['type'] = 'string',
  format = '',
): ColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});

/** NAME: always the first column, `format: name` so kubectl can prefix `kind/`. */
export const nameColumn = col(
  'Name',
  'Name must be unique within a namespace. Cannot be updated.',
  0,
  'string',
  'name',
);
/** AGE: the time since creation, as `5m`. */
export const ageColumn = col('Age', 'The time since the object was created (metadata.creationTimestamp).');

/** `5m`, `2d3h`...: the AGE cell; `<unknown>` without a timestamp, as upstream. */
export function age(obj: KObject, now: Date): string {
  const ts = obj.metadata.creationTimestamp;
  if (!ts) return '<unknown>';
  return humanDuration(now.getTime() - Date.parse(ts));
}

/** The table every kind without a printer of its own gets: NAME and AGE. */
export const defaultPrinter: TablePrinter = {
  columns: [nameColumn, ageColumn],
  cells: (obj, now) => [obj.metadata.name ?? '', age(obj, now)],
};

/** PartialObjectMetadata for a row's `object` (what `-A` and `--show-labels` read). */
export function partialObjectMetadata(obj: KObject): KObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Builds a meta.k8s.io/v1 Table. `includeObject`: None | Metadata (default) | Object. */
export function toTable(
  printer: TablePrinter,
  objects: KObject[],
  now: Date,
  listMeta: { resourceVersion?: string; continue?: string; remainingItemCount?: number },
  options: { includeObject?: string; noHeaders?: boolean } = {},
): KObject {
  const include = options.includeObject ?? 'Metadata';
  const rows = objects.map((o) => {
    const row: Record<string, unknown> = { cells: printer.cells(o, now) };
    const conditions = printer.conditions?.(o);
    if (conditions && conditions.length > 0) row.conditions = conditions;
    if (include === 'Object') row.object = o;
    else if (include !== 'None') row.object = partialObjectMetadata(o);
    return row;
  });
  const table: KObject = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: listMeta as KObject['metadata'] };
  if (!options.noHeaders) table.columnDefinitions = printer.columns;
  table.rows = rows;
  return table;
}
