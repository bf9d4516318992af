import type { Strategy } from '../../types.js';

/**
 * ServiceAccounts (upstream pkg/registry/core/serviceaccount): metadata validation only; no token secrets are
 * created for them (upstream stopped doing so in 1.24). Secret references keep only their name, as upstream's
 * strategy cleans them.
 */
export const serviceAccountStrategy: Strategy = {
  prepareForCreate(obj) {
    if (Array.isArray(obj.secrets)) obj.secrets = (obj.secrets as { name?: string }[]).map((s) => ({ name: s?.name }));
  },
  prepareForUpdate(obj) {
    if (Array.isArray(obj.secrets)) obj.secrets = (obj.secrets as { name?: string }[]).map((s) => ({ name: s?.name }));
  },
  allowUnconditionalUpdate: true,
};
