/**
 * Validation of downward API references (upstream's validateObjectFieldSelector and
 * validateContainerResourceFieldSelector): which pod fields and container resources may be exposed.
 */
import {
  invalidValue,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { invalidEach, isQualifiedName } from '../../../../apimachinery/validation/names.js';
import { stringOf, type JsonRecord } from './json.js';

/** Field paths a pod's downward API can convert at all (ConvertDownwardAPIFieldLabel for v1). */
const CONVERTIBLE_FIELDS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** Fields an environment variable may take from the pod (validEnvDownwardAPIFieldPathExpressions), sorted. */
export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** Container resources the downward API exposes (validContainerResourceFieldPathExpressions), sorted. */
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

// `metadata.labels['key']` → path and subscript.
function splitSubscript(fieldPath: string): { path: string; subscript?: string } {
  const m = /^([^[]+)\['(.*)'\]$/.exec(fieldPath);
  return m ? { path: m[1]!, subscript: m[2]! } : { path: fieldPath };
}

/** A `fieldRef` of an environment variable. */
export function validateEnvFieldRef(ref: JsonRecord, path: FieldPath): FieldError[] {
  const apiVersion = stringOf(ref.apiVersion);
  const fieldPath = stringOf(ref.fieldPath);
  if (!apiVersion) return [required(path.child('apiVersion'), '')];
  if (!fieldPath) return [required(path.child('fieldPath'), '')];
  const { path: p, subscript } = splitSubscript(fieldPath);
  if (apiVersion !== 'v1') {
    return [
      invalidValue(
        path.child('fieldPath'),
        fieldPath,
        `error converting fieldPath: unsupported pod version: ${apiVersion}`,
      ),
    ];
  }
  if (
    !CONVERTIBLE_FIELDS.has(p) ||
    (subscript !== undefined && p !== 'metadata.annotations' && p !== 'metadata.labels')
  ) {
    return [
      invalidValue(
        path.child('fieldPath'),
        fieldPath,
        `error converting fieldPath: field label not supported: ${fieldPath}`,
      ),
    ];
  }
  if (subscript !== undefined) {
    const key = p === 'metadata.annotations' ? subscript.toLowerCase() : subscript;
    return invalidEach(path, key, isQualifiedName(key));
  }
  if (!ENV_FIELD_PATHS.includes(p)) return [notSupported(path.child('fieldPath'), p, ENV_FIELD_PATHS)];
  return [];
}

/** A `resourceFieldRef` of an environment variable (`volume` = false) or a downward API volume file. */
export function validateResourceFieldRef(ref: JsonRecord, path: FieldPath, volume: boolean): FieldError[] {
  const resource = stringOf(ref.resource);
  if (volume && !stringOf(ref.containerName)) return [required(path.child('containerName'), '')];
  if (!resource) return [required(path.child('resource'), '')];
  const hugePages = resource.startsWith('limits.hugepages-') || resource.startsWith('requests.hugepages-');
  if (!RESOURCE_FIELD_PATHS.includes(resource) && !hugePages)
    return [notSupported(path.child('resource'), resource, RESOURCE_FIELD_PATHS)];
  return [];
}
