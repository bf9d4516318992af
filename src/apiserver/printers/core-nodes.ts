/**
 * Node and ComponentStatus tables. A node's STATUS is its Ready condition (`Ready`, `NotReady`, `Unknown` without
 * one) plus `SchedulingDisabled` when cordoned; ROLES come from `node-role.kubernetes.io/<role>` labels and the
 * older `kubernetes.io/role` label.
 */
import { compareGoStrings } from '../../apimachinery/go-format.js';
import type { KObject } from '../registry/types.js';
import { asArray, asRecord, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** The node's roles, sorted and de-duplicated (findNodeRoles). */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(compareGoStrings);
}

/** `Ready`, `NotReady,SchedulingDisabled`, `Unknown`: the STATUS cell of a node. */
export function nodeStatus(node: KObject): string {
  const conditions = asArray(asRecord(node.status).conditions).map(asRecord);
  // the last condition of a type wins, as upstream builds a map from the list
  const ready = conditions.filter((c) => c.type === 'Ready').at(-1);
  const status = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (asRecord(node.spec).unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** The first address of a type, or `<none>`. */
function nodeAddress(node: KObject, type: string): string {
  const found = asArray(asRecord(node.status).addresses)
    .map(asRecord)
    .find((a) => a.type === type);
  return found ? str(found.address) : '<none>';
}

/** Nodes. */
export const nodePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'Whether the node is ready, and whether scheduling onto it is disabled.'),
    col('Roles', 'The roles the node labels give it.'),
    ageColumn,
    col('Version', 'The kubelet version the node reports.'),
    col('Internal-IP', 'The node address reachable inside the cluster.', 1),
    col('External-IP', 'The node address reachable from outside the cluster.', 1),
    col('OS-Image', 'The operating system image the node reports.', 1),
    col('Kernel-Version', 'The kernel version the node reports.', 1),
    col('Container-Runtime', 'The container runtime and version the node reports.', 1),
  ],
  cells(node, now) {
    const info = asRecord(asRecord(node.status).nodeInfo);
    const roles = nodeRoles(node).join(',');
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      roles === '' ? '<none>' : roles,
      timestampSince(node.metadata.creationTimestamp, now),
      str(info.kubeletVersion),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      str(info.osImage) || '<unknown>',
      str(info.kernelVersion) || '<unknown>',
      str(info.containerRuntimeVersion) || '<unknown>',
    ];
  },
};

/** ComponentStatuses: the Healthy condition as STATUS, with its message and error. */
export const componentStatusPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'Whether the component reports itself healthy.'),
    col('Message', 'The message of the component health check.'),
    col('Error', 'The error of the component health check.'),
  ],
  cells(cs) {
    const healthy = asArray(cs.conditions)
      .map(asRecord)
      .find((c) => c.type === 'Healthy');
    if (!healthy) return [cs.metadata.name ?? '', 'Unknown', '', ''];
    return [
      cs.metadata.name ?? '',
      healthy.status === 'True' ? 'Healthy' : 'Unhealthy',
      str(healthy.message),
      str(healthy.error),
    ];
  },
};
