/**
 * HorizontalPodAutoscaler (autoscaling/v1 and v2 objects alike) and PodDisruptionBudget tables. An HPA's TARGETS
 * cell shows up to two metrics as `current/target` (`cpu: 50%/80%`, `<unknown>` before the first measurement).
 */
import type { KObject } from '../registry/types.js';
import { asArray, asRecord, formatIntOrString, formatQuantityPtr, num, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

type Json = Record<string, unknown>;

/**
 * An autoscaling/v1 object's CPU target and reading in the v2 shape upstream converts them to, so one formatter
 * serves both versions.
 */
function v2Metrics(hpa: KObject): { specs: Json[]; statuses: Json[] } {
  const spec = asRecord(hpa.spec);
  const status = asRecord(hpa.status);
  const v1 = hpa.apiVersion === 'autoscaling/v1' || (hpa.apiVersion === undefined && spec.metrics === undefined);
  if (!v1) {
    return { specs: asArray(spec.metrics).map(asRecord), statuses: asArray(status.currentMetrics).map(asRecord) };
  }
  const specs: Json[] = [];
  const statuses: Json[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number') {
    specs.push({
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage },
      },
    });
  }
  if (typeof status.currentCPUUtilizationPercentage === 'number') {
    statuses.push({
      type: 'Resource',
      resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } },
    });
  }
  return { specs, statuses };
}

const has = (o: Json, k: string) => o[k] !== undefined && o[k] !== null;

/** One metric as `current/target`: value, average value (`(avg)`) or utilization, by what the target sets. */
function formatMetric(spec: Json, status: Json | undefined): string {
  const unknown = '<unknown>';
  switch (spec.type) {
    case 'External':
    case 'Object': {
      const key = spec.type === 'External' ? 'external' : 'object';
      const target = asRecord(asRecord(spec[key]).target);
      const current = status && has(status, key) ? asRecord(asRecord(status[key]).current) : undefined;
      if (has(target, 'averageValue')) {
        const cur = current && has(current, 'averageValue') ? formatQuantityPtr(current.averageValue) : unknown;
        return `${cur}/${formatQuantityPtr(target.averageValue)} (avg)`;
      }
      return `${current ? formatQuantityPtr(current.value) : unknown}/${formatQuantityPtr(target.value)}`;
    }
    case 'Pods': {
      const target = asRecord(asRecord(spec.pods).target);
      const cur =
        status && has(status, 'pods')
          ? formatQuantityPtr(asRecord(asRecord(status.pods).current).averageValue)
          : unknown;
      return `${cur}/${formatQuantityPtr(target.averageValue)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const key = spec.type === 'Resource' ? 'resource' : 'containerResource';
      const source = asRecord(spec[key]);
      const target = asRecord(source.target);
      const current = status && has(status, key) ? asRecord(asRecord(status[key]).current) : undefined;
      const name = str(source.name);
      if (has(target, 'averageValue')) {
        return `${name}: ${current ? formatQuantityPtr(current.averageValue) : unknown}/${formatQuantityPtr(target.averageValue)}`;
      }
      const cur =
        current && typeof current.averageUtilization === 'number' ? `${current.averageUtilization}%` : unknown;
      const tgt = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>';
      return `${name}: ${cur}/${tgt}`;
    }
    default:
      return '<unknown type>';
  }
}

/** TARGETS: the first two metrics, then `+ N more...`; `<none>` without metrics (formatHPAMetrics). */
export function formatHPAMetrics(hpa: KObject): string {
  const { specs, statuses } = v2Metrics(hpa);
  if (specs.length === 0) return '<none>';
  const max = 2;
  const list = specs.map((s, i) => formatMetric(s, statuses[i]));
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
}

/** HorizontalPodAutoscalers: REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const horizontalPodAutoscalerPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Reference', 'The kind/name of the scaled object.'),
    col('Targets', 'Current and target values of the metrics the autoscaler follows.'),
    col('MinPods', 'The fewest replicas the autoscaler scales down to.'),
    col('MaxPods', 'The most replicas the autoscaler scales up to.'),
    col('Replicas', 'How many replicas the scaled object has now.'),
    ageColumn,
  ],
  cells(hpa, now) {
    const spec = asRecord(hpa.spec);
    const ref = asRecord(spec.scaleTargetRef);
    return [
      hpa.metadata.name ?? '',
      `${str(ref.kind)}/${str(ref.name)}`,
      formatHPAMetrics(hpa),
      typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>',
      num(spec.maxReplicas),
      num(asRecord(hpa.status).currentReplicas),
      timestampSince(hpa.metadata.creationTimestamp, now),
    ];
  },
};

/** An optional int-or-string, or `N/A`. */
const orNA = (v: unknown) => (v === undefined || v === null ? 'N/A' : formatIntOrString(v));

/** PodDisruptionBudgets: MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const podDisruptionBudgetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Min Available', 'How many selected pods must stay available.'),
    col('Max Unavailable', 'How many selected pods may be unavailable.'),
    col('Allowed Disruptions', 'How many pods may be evicted right now.', 0, 'integer'),
    ageColumn,
  ],
  cells(pdb, now) {
    const spec = asRecord(pdb.spec);
    return [
      pdb.metadata.name ?? '',
      orNA(spec.minAvailable),
      orNA(spec.maxUnavailable),
      num(asRecord(pdb.status).disruptionsAllowed),
      timestampSince(pdb.metadata.creationTimestamp, now),
    ];
  },
};
