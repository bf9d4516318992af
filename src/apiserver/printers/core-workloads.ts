/** Tables of the core group's workload kinds: podtemplates and replicationcontrollers. */
import { asRecord, formatLabels, layoutContainerCells, num, timestampSince } from './format.js';
import { containersColumn, imagesColumn, selectorColumn } from './columns.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** PodTemplates: CONTAINERS IMAGES POD LABELS (no age column, as upstream). */
export const podTemplatePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Containers', 'The names of the containers in the template.'),
    col('Images', 'The images the template containers run.'),
    col('Pod Labels', 'The labels of the pods made from the template.'),
  ],
  cells: (pt) => {
    const template = asRecord(pt.template);
    const [names, images] = layoutContainerCells(asRecord(template.spec).containers);
    return [pt.metadata.name ?? '', names, images, formatLabels(asRecord(template.metadata).labels)];
  },
};

/** ReplicationControllers: DESIRED CURRENT READY AGE; wide CONTAINERS IMAGES SELECTOR. */
export const replicationControllerPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Desired', 'How many pods the controller should run.', 0, 'integer'),
    col('Current', 'How many pods the controller runs now.', 0, 'integer'),
    col('Ready', 'How many of its pods are ready.', 0, 'integer'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn('The pod labels the controller manages.'),
  ],
  cells: (rc, now) => {
    const spec = asRecord(rc.spec);
    const status = asRecord(rc.status);
    const [names, images] = layoutContainerCells(asRecord(asRecord(spec.template).spec).containers);
    return [
      rc.metadata.name ?? '',
      typeof spec.replicas === 'number' ? spec.replicas : 1, // v1 defaults replicas to 1
      num(status.replicas),
      num(status.readyReplicas),
      timestampSince(rc.metadata.creationTimestamp, now),
      names,
      images,
      formatLabels(spec.selector),
    ];
  },
};
