/** HorizontalPodAutoscaler validation (upstream pkg/apis/autoscaling/validation), for v1 and v2 shapes. */
import {
  forbidden,
  invalidValue,
  notSupported,
  required,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { invalidEach, isValidPathSegmentName } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';

interface CrossVersionObjectReference {
  kind?: string;
  name?: string;
  apiVersion?: string;
}
/** The spec fields both HPA versions share, plus each version's own. */
export interface HPASpec {
  scaleTargetRef?: CrossVersionObjectReference;
  minReplicas?: number;
  maxReplicas?: number;
  targetCPUUtilizationPercentage?: number;
  metrics?: MetricSpec[];
}
interface MetricSpec {
  type?: string;
  resource?: { name?: string; target?: MetricTarget };
  containerResource?: { name?: string; container?: string; target?: MetricTarget };
  pods?: { metric?: { name?: string }; target?: MetricTarget };
  object?: { metric?: { name?: string }; describedObject?: CrossVersionObjectReference; target?: MetricTarget };
  external?: { metric?: { name?: string }; target?: MetricTarget };
}
interface MetricTarget {
  type?: string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

export const specOf = (obj: KObject) => (obj.spec ??= {}) as HPASpec;

/** kind and name required, each a valid path segment (ValidateCrossVersionObjectReference). */
function validateRef(ref: CrossVersionObjectReference | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!ref?.kind) errs.push(required(path.child('kind')));
  else errs.push(...invalidEach(path.child('kind'), ref.kind, isValidPathSegmentName(ref.kind)));
  if (!ref?.name) errs.push(required(path.child('name')));
  else errs.push(...invalidEach(path.child('name'), ref.name, isValidPathSegmentName(ref.name)));
  return errs;
}

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const FIELD_OF: Record<string, keyof MetricSpec> = {
  ContainerResource: 'containerResource',
  External: 'external',
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
};

function validateMetric(m: MetricSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!m.type) errs.push(required(path.child('type'), 'must specify a metric source type'));
  else if (!METRIC_TYPES.includes(m.type)) errs.push(notSupported(path.child('type'), m.type, METRIC_TYPES));
  const present = Object.values(FIELD_OF).filter((f) => m[f] !== undefined && m[f] !== null);
  const expected = m.type ? FIELD_OF[m.type] : undefined;
  if (expected && !present.includes(expected))
    errs.push(required(path.child(expected), 'must populate information for the given metric source'));
  for (const f of present)
    if (f !== expected && present.length !== 1)
      errs.push(forbidden(path.child(f), 'must populate the given metric source only'));
  if (m.object) errs.push(...validateRef(m.object.describedObject, path.child('object', 'describedObject')));
  const target = m[expected ?? 'resource'] as { target?: MetricTarget } | undefined;
  const t = target?.target;
  if (expected && t) {
    const tp = path.child(expected, 'target');
    if (!t.type) errs.push(required(tp.child('type'), 'must specify a metric target type'));
    else if (!['AverageValue', 'Utilization', 'Value'].includes(t.type))
      errs.push(notSupported(tp.child('type'), t.type, ['AverageValue', 'Utilization', 'Value']));
    if (t.averageUtilization !== undefined && t.averageUtilization < 1)
      errs.push(invalidValue(tp.child('averageUtilization'), t.averageUtilization, 'must be greater than 0'));
  }
  return errs;
}

/** validateHorizontalPodAutoscalerSpec. */
export function validateHPA(obj: KObject): FieldError[] {
  const spec = specOf(obj);
  const sp = root('spec');
  const errs: FieldError[] = [];
  if (spec.minReplicas !== undefined && spec.minReplicas < 1)
    errs.push(invalidValue(sp.child('minReplicas'), spec.minReplicas, 'must be greater than or equal to 1'));
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errs.push(invalidValue(sp.child('maxReplicas'), max, 'must be greater than 0'));
  if (spec.minReplicas !== undefined && max < spec.minReplicas) {
    errs.push(invalidValue(sp.child('maxReplicas'), max, 'must be greater than or equal to `minReplicas`'));
  }
  errs.push(...validateRef(spec.scaleTargetRef, sp.child('scaleTargetRef')));
  if (spec.targetCPUUtilizationPercentage !== undefined && spec.targetCPUUtilizationPercentage < 1) {
    // autoscaling/v1 converts this to a Resource metric; upstream reports it under that metric's path.
    errs.push(
      invalidValue(
        sp.child('metrics').index(0).child('resource', 'target', 'averageUtilization'),
        spec.targetCPUUtilizationPercentage,
        'must be greater than 0',
      ),
    );
  }
  (spec.metrics ?? []).forEach((m, i) => errs.push(...validateMetric(m ?? {}, sp.child('metrics').index(i))));
  return errs;
}

/** ValidateHorizontalPodAutoscalerStatusUpdate's counters. */
export function validateHPAStatus(obj: KObject): FieldError[] {
  const status = (obj.status ?? {}) as { currentReplicas?: number; desiredReplicas?: number };
  const errs: FieldError[] = [];
  if ((status.currentReplicas ?? 0) < 0)
    errs.push(
      invalidValue(root('status', 'currentReplicas'), status.currentReplicas, 'must be greater than or equal to 0'),
    );
  // The misspelt path is upstream's.
  if ((status.desiredReplicas ?? 0) < 0)
    errs.push(
      invalidValue(root('status', 'desiredReplicasa'), status.desiredReplicas, 'must be greater than or equal to 0'),
    );
  return errs;
}
