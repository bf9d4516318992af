/** Ingresses (upstream pkg/registry/networking/ingress): generation tracks spec; status via /status. */
import type { Strategy } from '../../types.js';
import { validateIngress } from './validation.js';

export const ingressStrategy: Strategy = {
  prepareForCreate(obj) {
    delete obj.status;
  },
  prepareForUpdate(obj, old) {
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validateIngress(obj, true),
  validateUpdate: (obj) => validateIngress(obj, false),
  allowUnconditionalUpdate: true,
};

export const ingressStatusStrategy: Strategy = {
  allowUnconditionalUpdate: true,
};
