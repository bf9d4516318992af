/**
 * Namespaces (upstream pkg/registry/core/namespace): the `kubernetes` finalizer and phase Active on create, the
 * `kubernetes.io/metadata.name` label always equal to the name, and deletion as a process: a namespace with
 * spec.finalizers is only marked Terminating; the namespace controller empties it and finalizes it.
 */
import { invalidValue, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import { rfc3339 } from '../../../../apimachinery/meta.js';
import {
  invalidEach,
  isDNS1123Subdomain,
  nameIsDNSLabel,
  validateFinalizerName,
} from '../../../../apimachinery/validation/names.js';
import type { KObject, RequestContext, Strategy } from '../../types.js';

/** The label every namespace carries, equal to its name. */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';
/** The finalizer the namespace controller removes once the namespace is empty. */
export const FINALIZER_KUBERNETES = 'kubernetes';

interface NamespaceSpec {
  finalizers?: string[];
}
interface NamespaceStatus {
  phase?: string;
  conditions?: unknown[];
}

const specOf = (obj: KObject) => (obj.spec ??= {}) as NamespaceSpec;
const statusOf = (obj: KObject) => (obj.status ??= {}) as NamespaceStatus;

// Finalizer names without a domain must be one of the built-in ones (validateKubeFinalizerName).
const STANDARD_FINALIZERS = new Set([FINALIZER_KUBERNETES, 'orphan', 'foregroundDeletion']);

/** A spec.finalizers entry: a qualified name, and a standard one when it has no domain. */
export function validateNamespaceFinalizer(name: string, path = root('spec', 'finalizers')): FieldError[] {
  const errs = validateFinalizerName(name, path);
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    errs.push(invalidValue(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

/** Sets the metadata.name label (SetDefaults_Namespace and the strategy's Canonicalize). */
function ensureNameLabel(obj: KObject): void {
  const name = obj.metadata.name;
  if (!name) return;
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [LABEL_METADATA_NAME]: name };
}

function validateNamespace(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata.name ?? '';
  // Namespace names are DNS labels; the store already reports names that are not even subdomains, so only
  // the label-specific failures (dots, length) are added here to keep each problem reported once.
  if (name && isDNS1123Subdomain(name).length === 0) {
    errs.push(...invalidEach(root('metadata', 'name'), name, nameIsDNSLabel(name, false)));
  }
  for (const f of specOf(obj).finalizers ?? []) errs.push(...validateNamespaceFinalizer(f));
  return errs;
}

/** The namespace strategy: spec.finalizers and status are managed by the server. */
export const namespaceStrategy: Strategy = {
  defaults(obj) {
    ensureNameLabel(obj);
    const status = statusOf(obj);
    if (!status.phase) status.phase = 'Active';
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
    const spec = specOf(obj);
    if (!spec.finalizers?.includes(FINALIZER_KUBERNETES))
      spec.finalizers = [...(spec.finalizers ?? []), FINALIZER_KUBERNETES];
  },
  prepareForUpdate(obj, old) {
    // Only the finalize subresource changes spec.finalizers, only the status subresource changes status.
    const oldFinalizers = (old.spec as NamespaceSpec | undefined)?.finalizers;
    const spec = specOf(obj);
    if (oldFinalizers) spec.finalizers = [...oldFinalizers];
    else delete spec.finalizers;
    obj.status = structuredClone(old.status);
    if (obj.status === undefined) delete obj.status;
  },
  validate: (obj) => validateNamespace(obj),
  validateUpdate: () => [],
  canonicalize: ensureNameLabel,
  beforeDelete(obj: KObject, ctx: RequestContext) {
    if (!specOf(obj).finalizers?.length) return 'delete';
    if (!obj.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = rfc3339(ctx.now);
    statusOf(obj).phase = 'Terminating';
    return 'pending';
  },
  // A Terminating namespace stays until the namespace controller has emptied spec.finalizers.
  deleteDuringUpdate: (obj) => !specOf(obj).finalizers?.length,
  allowUnconditionalUpdate: true,
};

/** The status subresource: phase must agree with deletionTimestamp (ValidateNamespaceStatusUpdate). */
export const namespaceStatusStrategy: Strategy = {
  defaults(obj) {
    ensureNameLabel(obj);
    const status = statusOf(obj);
    if (!status.phase) status.phase = 'Active';
  },
  validateUpdate(obj) {
    const phase = statusOf(obj).phase ?? '';
    if (!obj.metadata.deletionTimestamp) {
      return phase === 'Active'
        ? []
        : [invalidValue(root('status', 'Phase'), phase, "may only be 'Active' if `deletionTimestamp` is empty")];
    }
    return phase === 'Terminating'
      ? []
      : [invalidValue(root('status', 'Phase'), phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
  },
  canonicalize: ensureNameLabel,
  allowUnconditionalUpdate: true,
};
