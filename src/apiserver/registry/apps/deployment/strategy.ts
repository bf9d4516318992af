/** Deployment strategies (upstream's pkg/registry/apps/deployment/strategy.go). */
import type { Strategy } from '../../types.js';
import { keepStatus, resetStatus, statusStrategy } from '../../core/pod/workload.js';
import { defaultDeployment } from './defaults.js';
import { validateDeployment, validateDeploymentStatusUpdate, validateDeploymentUpdate } from './validation.js';

/** Deployments through the main resource. */
export const deploymentStrategy: Strategy = {
  defaults: defaultDeployment,
  prepareForCreate: resetStatus,
  prepareForUpdate: keepStatus,
  validate: validateDeployment,
  validateUpdate: validateDeploymentUpdate,
  allowUnconditionalUpdate: true,
};

/** `deployments/status`: spec and labels stay as stored. */
export const deploymentStatusStrategy: Strategy = statusStrategy(validateDeploymentStatusUpdate, { keepLabels: true });
