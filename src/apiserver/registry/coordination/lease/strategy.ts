/**
 * Leases (upstream pkg/registry/coordination/lease): a few range checks. Writers must send resourceVersion:
 * leader election relies on optimistic concurrency, so unconditional updates are refused.
 */
import { forbidden, invalidValue, notSupported, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import { invalidEach, isQualifiedName } from '../../../../apimachinery/validation/names.js';
import type { KObject, Strategy } from '../../types.js';

interface LeaseSpec {
  leaseDurationSeconds?: number;
  leaseTransitions?: number;
  strategy?: string;
  preferredHolder?: string;
}
const LEASE_STRATEGIES = ['OldestEmulationVersion'];

/** ValidateLeaseSpec. */
export function validateLease(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as LeaseSpec;
  const sp = root('spec');
  const errs: FieldError[] = [];
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errs.push(invalidValue(sp.child('leaseDurationSeconds'), spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errs.push(invalidValue(sp.child('leaseTransitions'), spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  if (spec.strategy !== undefined) {
    // Built-in strategies have plain names; others must be qualified (example.com/my-strategy).
    if (!spec.strategy.includes('/')) {
      if (!LEASE_STRATEGIES.includes(spec.strategy))
        errs.push(notSupported(sp.child('strategy').child('strategy'), spec.strategy, LEASE_STRATEGIES));
    } else
      errs.push(...invalidEach(sp.child('strategy').child('strategy'), spec.strategy, isQualifiedName(spec.strategy)));
  }
  if (spec.preferredHolder && !spec.strategy)
    errs.push(forbidden(sp.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  return errs;
}

export const leaseStrategy: Strategy = {
  validate: (obj) => validateLease(obj),
  validateUpdate: (obj) => validateLease(obj),
  allowCreateOnUpdate: true,
  allowUnconditionalUpdate: false,
};
