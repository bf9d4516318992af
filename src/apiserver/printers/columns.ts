/**
 * Columns several printers share: the wide CONTAINERS / IMAGES / SELECTOR trio of the workload kinds, and the
 * NAME / CREATED AT pair that upstream's default table convertor prints for kinds without a printer of their own.
 */
import { rfc3339 } from '../../apimachinery/meta.js';
import type { KObject } from '../registry/types.js';
import { timestampMs } from './format.js';
import { col, nameColumn, type ColumnDefinition, type TablePrinter } from './table.js';

/** CONTAINERS (wide): the container names of a pod template. */
export const containersColumn = col('Containers', 'The names of the containers in the pod template.', 1);
/** IMAGES (wide): the images of a pod template's containers. */
export const imagesColumn = col('Images', 'The images the pod template containers run.', 1);

/** SELECTOR (wide) with a description of what it selects. */
export function selectorColumn(description: string): ColumnDefinition {
  return col('Selector', description, 1);
}

/** CREATED AT: the creation time itself (type `date`), which the default convertor prints instead of an age. */
export const createdAtColumn = col(
  'Created At',
  'When the object was created (metadata.creationTimestamp).',
  0,
  'date',
);

/**
 * NAME / CREATED AT with the timestamp in RFC 3339 UTC: the table upstream serves for built-in kinds that have
 * no printer (roles, clusterroles, limitranges). An unset timestamp prints as Go's zero time, as upstream.
 */
export const createdAtPrinter: TablePrinter = {
  columns: [nameColumn, createdAtColumn],
  cells: (obj: KObject) => {
    const ms = timestampMs(obj.metadata.creationTimestamp);
    return [obj.metadata.name ?? '', ms === undefined ? '0001-01-01T00:00:00Z' : rfc3339(ms)];
  },
};
