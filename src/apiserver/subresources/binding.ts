import { badRequest, conflict, methodNotSupported, notFound } from '../../apimachinery/errors.js';
import { rfc3339 } from '../../apimachinery/meta.js';
import type { KObject, Strategy } from '../registry/types.js';
import { decodeInput, type ResourceRequest } from '../endpoints/resource-handler.js';
import { writeObject } from '../endpoints/respond.js';

interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
}

/** Binding changes only spec.nodeName and the PodScheduled condition: no pod update validation applies. */
const bindingStrategy: Strategy = {};

/**
 * POST pods/{name}/binding (what the scheduler sends): assigns the pod to a node once. A pod already assigned,
 * or being deleted, is a 409 Conflict with upstream's wording; the answer is a 201 Success Status.
 */
export async function serveBinding(r: ResourceRequest): Promise<void> {
  if (r.info.verb !== 'create') throw methodNotSupported({ group: '', resource: 'pods/binding' }, r.info.verb);
  const bindingKind = r.deps.schema.lookup('v1', 'Binding');
  const { obj: binding } = await decodeInput(r, { apiVersion: 'v1', kind: 'Binding', schemaKind: bindingKind });
  const target = binding.target as { kind?: string; name?: string } | undefined;
  if (!target?.name) throw badRequest('Binding.target.name is required');
  if (target.kind && target.kind !== 'Node') throw badRequest(`Binding.target.kind: Unsupported value: "${target.kind}": supported values: "Node"`);
  if (binding.metadata.name && binding.metadata.name !== r.info.name) {
    throw badRequest(`the name of the binding (${binding.metadata.name}) does not match the name of the pod (${r.info.name})`);
  }
  const store = r.served.store;
  await store.update(
    r.ctx,
    r.info.name,
    (current) => {
      if (!current) throw notFound(store.gr, r.info.name);
      const name = r.info.name;
      if (binding.metadata.uid && binding.metadata.uid !== current.metadata.uid) {
        throw conflict(store.gr, name, new Error(`Precondition failed: UID in precondition: ${binding.metadata.uid}, UID in object meta: ${current.metadata.uid}`));
      }
      if (current.metadata.deletionTimestamp) throw conflict(store.gr, name, new Error(`pod ${name} is being deleted, cannot be assigned to a host`));
      const spec = (current.spec ?? {}) as { nodeName?: string };
      if (spec.nodeName) throw conflict(store.gr, name, new Error(`pod ${name} is already assigned to node "${spec.nodeName}"`));
      const next: KObject = structuredClone(current);
      (next.spec as { nodeName?: string }).nodeName = target.name;
      if (binding.metadata.annotations) next.metadata.annotations = { ...next.metadata.annotations, ...binding.metadata.annotations };
      const status = (next.status ??= {}) as { conditions?: PodCondition[] };
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(r.ctx.now) });
      status.conditions = conditions;
      return next;
    },
    { ignoreResourceVersion: true, strategy: bindingStrategy },
  );
  writeObject(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, r.format);
}
