/** Tables of the apps group: deployments, replicasets, statefulsets, daemonsets and controllerrevisions. */
import type { KObject } from '../registry/types.js';
import {
  asArray,
  asRecord,
  formatKindName,
  formatLabelSelector,
  formatLabels,
  labelSelectorString,
  layoutContainerCells,
  num,
  str,
  timestampSince,
} from './format.js';
import { containersColumn, imagesColumn, selectorColumn } from './columns.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** spec.replicas, which apps/v1 defaults to 1. */
const desiredReplicas = (spec: Record<string, unknown>) => (typeof spec.replicas === 'number' ? spec.replicas : 1);

/** The containers of a workload's pod template. */
const templateContainers = (spec: Record<string, unknown>) => asRecord(asRecord(spec.template).spec).containers;

/** Deployments: READY `ready/desired` UP-TO-DATE AVAILABLE AGE; wide CONTAINERS IMAGES SELECTOR. */
export const deploymentPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Ready', 'Ready pods out of the desired number.'),
    col('Up-to-date', 'How many pods run the latest pod template.'),
    col('Available', 'How many pods have been ready for at least minReadySeconds.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn('The pod labels the deployment manages.'),
  ],
  cells(d, now) {
    const spec = asRecord(d.spec);
    const status = asRecord(d.status);
    const [names, images] = layoutContainerCells(templateContainers(spec));
    // Unlike the other workloads, the deployment prints an empty selector as nothing rather than <none>.
    const selector = labelSelectorString(spec.selector) ?? '<invalid>';
    return [
      d.metadata.name ?? '',
      `${num(status.readyReplicas)}/${desiredReplicas(spec)}`,
      num(status.updatedReplicas),
      num(status.availableReplicas),
      timestampSince(d.metadata.creationTimestamp, now),
      names,
      images,
      selector,
    ];
  },
};

/** ReplicaSets: DESIRED CURRENT READY AGE; wide CONTAINERS IMAGES SELECTOR. */
export const replicaSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Desired', 'How many pods the replica set should run.', 0, 'integer'),
    col('Current', 'How many pods the replica set runs now.', 0, 'integer'),
    col('Ready', 'How many of its pods are ready.', 0, 'integer'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn('The pod labels the replica set manages.'),
  ],
  cells(rs, now) {
    const spec = asRecord(rs.spec);
    const status = asRecord(rs.status);
    const [names, images] = layoutContainerCells(templateContainers(spec));
    return [
      rs.metadata.name ?? '',
      desiredReplicas(spec),
      num(status.replicas),
      num(status.readyReplicas),
      timestampSince(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

/** StatefulSets: READY `ready/desired` AGE; wide CONTAINERS IMAGES. */
export const statefulSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Ready', 'Ready pods out of the desired number.'),
    ageColumn,
    containersColumn,
    imagesColumn,
  ],
  cells(ss, now) {
    const spec = asRecord(ss.spec);
    const [names, images] = layoutContainerCells(templateContainers(spec));
    return [
      ss.metadata.name ?? '',
      `${num(asRecord(ss.status).readyReplicas)}/${desiredReplicas(spec)}`,
      timestampSince(ss.metadata.creationTimestamp, now),
      names,
      images,
    ];
  },
};

/** DaemonSets: DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE; wide CONTAINERS IMAGES SELECTOR. */
export const daemonSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Desired', 'How many nodes should run the daemon pod.', 0, 'integer'),
    col('Current', 'How many nodes run at least one daemon pod.', 0, 'integer'),
    col('Ready', 'How many nodes have a ready daemon pod.', 0, 'integer'),
    col('Up-to-date', 'How many nodes run the latest pod template.', 0, 'integer'),
    col('Available', 'How many nodes have an available daemon pod.', 0, 'integer'),
    col('Node Selector', 'The node labels a node needs to run the daemon pod.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn('The pod labels the daemon set manages.'),
  ],
  cells(ds, now) {
    const spec = asRecord(ds.spec);
    const status = asRecord(ds.status);
    const [names, images] = layoutContainerCells(templateContainers(spec));
    return [
      ds.metadata.name ?? '',
      num(status.desiredNumberScheduled),
      num(status.currentNumberScheduled),
      num(status.numberReady),
      num(status.updatedNumberScheduled),
      num(status.numberAvailable),
      formatLabels(asRecord(asRecord(spec.template).spec).nodeSelector),
      timestampSince(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

/** The controller owner reference as `kind.group/name`, or `<none>`. */
function controllerOf(obj: KObject): string {
  const ref = asArray(obj.metadata.ownerReferences)
    .map(asRecord)
    .find((r) => r.controller === true);
  return ref ? formatKindName(str(ref.apiVersion), str(ref.kind), str(ref.name)) : '<none>';
}

/** ControllerRevisions: CONTROLLER (`statefulset.apps/web`) REVISION AGE. */
export const controllerRevisionPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Controller', 'The object that owns this revision.'),
    col('Revision', 'The revision number.'),
    ageColumn,
  ],
  cells: (cr, now) => [
    cr.metadata.name ?? '',
    controllerOf(cr),
    num(cr.revision),
    timestampSince(cr.metadata.creationTimestamp, now),
  ],
};
