import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { defaultPrinter, toTable, type TablePrinter } from './table.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const obj = (name: string, phase?: string): KObject => ({
  metadata: { name, namespace: 'default', creationTimestamp: '2025-03-01T11:00:00Z', resourceVersion: '7' },
  status: { phase },
});

const printer: TablePrinter = {
  columns: defaultPrinter.columns,
  cells: defaultPrinter.cells,
  conditions: (o) =>
    (o.status as { phase?: string }).phase === 'Succeeded' ? [{ type: 'Completed', status: 'True' }] : undefined,
};

test('toTable: rows carry cells, PartialObjectMetadata and row conditions when the printer gives any', () => {
  const table = toTable(printer, [obj('a', 'Succeeded'), obj('b')], NOW, { resourceVersion: '9' });
  assert.equal(table.kind, 'Table');
  assert.deepEqual(table.metadata, { resourceVersion: '9' });
  const rows = table.rows as Record<string, unknown>[];
  assert.deepEqual(rows[0].cells, ['a', '60m']);
  assert.deepEqual(rows[0].conditions, [{ type: 'Completed', status: 'True' }]);
  assert.equal('conditions' in rows[1], false);
  assert.deepEqual((rows[1].object as KObject).kind, 'PartialObjectMetadata');
});

const includeCases: { name: string; includeObject?: string; want: string | undefined }[] = [
  { name: 'metadata by default', want: 'PartialObjectMetadata' },
  { name: 'whole object', includeObject: 'Object', want: undefined },
  { name: 'none', includeObject: 'None', want: 'absent' },
];

for (const c of includeCases) {
  test(`toTable: includeObject ${c.name}`, () => {
    const rows = toTable(defaultPrinter, [obj('a')], NOW, {}, { includeObject: c.includeObject }).rows as Record<
      string,
      unknown
    >[];
    if (c.want === 'absent') assert.equal('object' in rows[0], false);
    else assert.equal((rows[0].object as KObject).kind, c.want);
  });
}

test('toTable: noHeaders drops the column definitions', () => {
  assert.equal('columnDefinitions' in toTable(defaultPrinter, [], NOW, {}, { noHeaders: true }), false);
});
