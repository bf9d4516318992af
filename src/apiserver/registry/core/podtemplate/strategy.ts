/** PodTemplate strategy (upstream's pkg/registry/core/podtemplate/strategy.go and ValidatePodTemplate). */
import { root, type FieldError } from '../../../../apimachinery/field-errors.js';
import type { KObject, Strategy } from '../../types.js';
import { defaultPodTemplateSpec } from '../pod/defaults.js';
import { recordAt } from '../pod/json.js';
import { validatePodTemplateSpec } from '../pod/validation.js';

/** A PodTemplate: its `template` is validated like any pod template. */
export function validatePodTemplate(obj: KObject): FieldError[] {
  return validatePodTemplateSpec(obj.template, root('template'));
}

/** PodTemplates; their generation follows template changes. */
export const podTemplateStrategy: Strategy = {
  defaults: (obj) => defaultPodTemplateSpec(recordAt(obj, 'template')),
  validate: validatePodTemplate,
  validateUpdate: validatePodTemplate,
  allowUnconditionalUpdate: true,
};
