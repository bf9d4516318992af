/**
 * HorizontalPodAutoscalers (upstream pkg/registry/autoscaling/horizontalpodautoscaler): minReplicas defaults
 * to 1 and the target to 80% CPU (what upstream's storage defaulting shows through either version); the HPA
 * controller writes status through /status.
 */
import type { KObject, Strategy } from '../../types.js';
import { specOf, validateHPA, validateHPAStatus } from './validation.js';

/** The CPU utilization target an HPA without metrics gets (autoscaling.DefaultCPUUtilization). */
export const DEFAULT_CPU_UTILIZATION = 80;

function defaultV1(obj: KObject): void {
  const spec = specOf(obj);
  if (spec.minReplicas === undefined) spec.minReplicas = 1;
  if (spec.targetCPUUtilizationPercentage === undefined) spec.targetCPUUtilizationPercentage = DEFAULT_CPU_UTILIZATION;
}

function defaultV2(obj: KObject): void {
  const spec = specOf(obj);
  if (spec.minReplicas === undefined) spec.minReplicas = 1;
  if (!spec.metrics?.length) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
      },
    ];
  }
}

function strategyWith(defaults: (obj: KObject) => void): Strategy {
  return {
    defaults,
    prepareForCreate(obj) {
      delete obj.status;
    },
    prepareForUpdate(obj, old) {
      obj.status = structuredClone(old.status);
      if (obj.status === undefined) delete obj.status;
    },
    validate: (obj) => validateHPA(obj),
    validateUpdate: (obj) => validateHPA(obj),
    allowUnconditionalUpdate: true,
  };
}

/** autoscaling/v1 (targetCPUUtilizationPercentage). */
export const hpaV1Strategy: Strategy = strategyWith(defaultV1);
/** autoscaling/v2 (metrics). */
export const hpaV2Strategy: Strategy = strategyWith(defaultV2);

export const hpaStatusStrategy: Strategy = {
  validateUpdate: (obj) => validateHPAStatus(obj),
  allowUnconditionalUpdate: true,
};
