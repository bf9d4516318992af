/**
 * Validation entry points for pods and pod templates (upstream's ValidatePodCreate, ValidatePodTemplateSpec),
 * reused by every workload kind that embeds a pod template. Object metadata is validated by the generic store.
 */
import {
  forbidden,
  invalidValue,
  root,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { validateAnnotations, validateLabels } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import { recordOf, recordsOf, stringMapOf, stringOf, type JsonRecord } from './json.js';
import { forbidEphemeralContainers, validatePodSpec } from './validation-spec.js';

export { validatePodSpec, validateTolerations, type PodSpecValidationOptions } from './validation-spec.js';

/** A pod template (ValidatePodTemplateSpec): labels, annotations and spec. `path` is the template's path. */
export function validatePodTemplateSpec(template: unknown, path: FieldPath): FieldError[] {
  const t = recordOf(template) ?? {};
  const meta = recordOf(t.metadata) ?? {};
  const spec = recordOf(t.spec) ?? {};
  // Upstream reports template label and annotation errors at `<template>.labels`, without `metadata`.
  return [
    ...validateLabels(stringMapOf(meta.labels), path.child('labels')),
    ...validateAnnotations(stringMapOf(meta.annotations), path.child('annotations')),
    ...validatePodSpec(spec, path.child('spec')),
    ...forbidEphemeralContainers(spec, path.child('spec'), 'ephemeral containers not allowed in pod template'),
  ];
}

/** What only a pod (not a template) must satisfy (validatePodMetadataAndSpec minus the object metadata). */
export function validatePodMetadataAndSpec(pod: KObject): FieldError[] {
  const specPath = root('spec');
  const spec = recordOf(pod.spec) ?? {};
  const errs = validatePodSpec(spec, specPath, { resourceIsPod: true });
  const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
  if (mirror !== undefined && !stringOf(spec.nodeName)) {
    errs.push(
      invalidValue(
        root('metadata', 'annotations').key('kubernetes.io/config.mirror'),
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  }
  if (!stringOf(spec.serviceAccountName)) {
    recordsOf(spec.volumes).forEach((v, vi) => {
      recordsOf(recordOf(v.projected)?.sources).forEach((s, si) => {
        if (recordOf(s.serviceAccountToken)) {
          const p = specPath
            .child('volumes')
            .index(vi)
            .child('projected', 'sources')
            .index(si)
            .child('serviceAccountToken');
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const key of ['containers', 'initContainers']) {
    recordsOf(spec[key]).forEach((c, i) => {
      const image = stringOf(c.image);
      if (image !== image.trim())
        errs.push(
          invalidValue(
            specPath.child(key).index(i).child('image'),
            image,
            'must not have leading or trailing whitespace',
          ),
        );
    });
  }
  return errs;
}

/** A pod being created (ValidatePodCreate). */
export function validatePodCreate(pod: KObject): FieldError[] {
  const specPath = root('spec');
  const spec: JsonRecord = recordOf(pod.spec) ?? {};
  const errs = validatePodMetadataAndSpec(pod);
  errs.push(...forbidEphemeralContainers(spec, specPath, 'cannot be set on create'));
  if (stringOf(spec.nodeName) && recordsOf(spec.schedulingGates).length > 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}
