import { StatusError, internal, methodNotSupported, notFound } from '../../apimachinery/errors.js';
import { selectorFromLabelSelector } from '../../apimachinery/labels/selector.js';
import type { LabelSelector } from '../../apimachinery/meta.js';
import { rfc3339 } from '../../apimachinery/meta.js';
import type { KObject } from '../registry/types.js';
import { deleteObject } from '../registry/generic/delete.js';
import { listObjects } from '../registry/generic/list.js';
import type { DeleteOptions } from '../registry/generic/delete-options.js';
import { decodeInput, type ResourceRequest } from '../endpoints/resource-handler.js';
import { writeObject } from '../endpoints/respond.js';

interface PdbStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  disruptedPods?: Record<string, string>;
}

function tooManyRequests(message: string, cause?: string): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'TooManyRequests',
    details: cause ? { causes: [{ reason: 'DisruptionBudget', message: cause }] } : {},
    code: 429,
  });
}

/**
 * POST pods/{name}/eviction (kubectl drain): deletes the pod unless a PodDisruptionBudget forbids it, as
 * upstream's eviction REST does — a budget the disruption controller has not processed yet, or one with no
 * disruptions left, answers 429; more than one matching budget is a 500; a terminal pod is always evictable.
 */
export async function serveEviction(r: ResourceRequest): Promise<void> {
  if (r.info.verb !== 'create') throw methodNotSupported({ group: '', resource: 'pods/eviction' }, r.info.verb);
  const evictionKind = r.deps.schema.lookup('policy/v1', 'Eviction');
  const { obj: eviction } = await decodeInput(r, { apiVersion: 'policy/v1', kind: 'Eviction', schemaKind: evictionKind });
  const options = (eviction.deleteOptions ?? {}) as DeleteOptions;
  const pods = r.served.store;
  const pod = await pods.get(r.ctx, r.info.name);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const pdbs = r.deps.registry.get('policy', 'v1', 'poddisruptionbudgets');
  if (!terminal && pdbs) {
    const { items } = await listObjects(pdbs.store, r.ctx, { selection: {} });
    const labels = pod.metadata.labels ?? {};
    const matching = items.filter((pdb) => {
      const sel = (pdb.spec as { selector?: LabelSelector } | undefined)?.selector;
      return sel !== undefined && selectorFromLabelSelector(sel).matches(labels);
    });
    if (matching.length > 1) throw internal(new Error('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'));
    if (matching.length === 1) await takeDisruption(r, pdbs.store, matching[0]!, pod);
  }
  try {
    await deleteObject(pods, r.ctx, r.info.name, options);
  } catch (err) {
    // Evicting a pod that is already gone is what the caller wanted.
    if (!(err instanceof StatusError && err.reason === 'NotFound')) throw err;
  }
  writeObject(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, r.format);
}

async function takeDisruption(r: ResourceRequest, store: NonNullable<ReturnType<ResourceRequest['deps']['registry']['get']>>['store'], pdb: KObject, pod: KObject): Promise<void> {
  const name = pdb.metadata.name!;
  await store.update(
    { ...r.ctx, namespace: pdb.metadata.namespace ?? r.ctx.namespace },
    name,
    (current) => {
      if (!current) throw notFound(store.gr, name);
      const status = (current.status ?? {}) as PdbStatus;
      if ((status.observedGeneration ?? 0) < (current.metadata.generation ?? 1)) {
        throw tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.", `The disruption budget ${name} is still being processed by the server.`);
      }
      if ((status.disruptionsAllowed ?? 0) <= 0) {
        throw tooManyRequests(
          "Cannot evict pod as it would violate the pod's disruption budget.",
          `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
        );
      }
      const next = structuredClone(current);
      const ns = next.status as PdbStatus;
      ns.disruptionsAllowed = (ns.disruptionsAllowed ?? 0) - 1;
      ns.disruptedPods = { ...(ns.disruptedPods ?? {}), [pod.metadata.name!]: rfc3339(r.ctx.now) };
      return next;
    },
    { subresource: 'status' },
  );
}
