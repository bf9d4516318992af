/** DaemonSet strategies (upstream's pkg/registry/apps/daemonset/strategy.go). */
import type { KObject, Strategy } from '../../types.js';
import { recordOf, semanticEqual } from '../../core/pod/json.js';
import { keepStatus, resetStatus, statusStrategy } from '../../core/pod/workload.js';
import { defaultDaemonSet } from './defaults.js';
import { validateDaemonSet, validateDaemonSetStatusUpdate, validateDaemonSetUpdate } from './validation.js';

/**
 * apps/v1 keeps the internal spec.templateGeneration in this annotation; it starts at 1 and grows by one with
 * every template change.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function templateGenerationOf(obj: KObject): number {
  const n = Number(obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function setTemplateGeneration(obj: KObject, n: number): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(n) };
}

/** DaemonSets through the main resource. */
export const daemonSetStrategy: Strategy = {
  defaults: defaultDaemonSet,
  prepareForCreate(obj) {
    resetStatus(obj);
    setTemplateGeneration(obj, Math.max(1, templateGenerationOf(obj)));
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
    const oldGen = Math.max(1, templateGenerationOf(old));
    const changed = !semanticEqual(recordOf(obj.spec)?.template, recordOf(old.spec)?.template);
    setTemplateGeneration(obj, changed ? oldGen + 1 : oldGen);
  },
  validate: validateDaemonSet,
  validateUpdate: validateDaemonSetUpdate,
  allowUnconditionalUpdate: true,
};

/** `daemonsets/status`. */
export const daemonSetStatusStrategy: Strategy = statusStrategy(validateDaemonSetStatusUpdate);
