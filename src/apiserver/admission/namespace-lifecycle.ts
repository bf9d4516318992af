import { StatusError, notFound } from '../../apimachinery/errors.js';
import type { ApiRegistry } from '../registry/api-registry.js';
import type { RequestContext } from '../registry/types.js';

/**
 * Upstream's NamespaceLifecycle admission for creates: new objects may only go into a namespace that exists
 * and is not being terminated.
 */
export async function admitNamespaceLifecycle(registry: ApiRegistry, ctx: RequestContext, resource: string): Promise<void> {
  if (!ctx.namespace || resource === 'namespaces') return;
  const namespaces = registry.get('', 'v1', 'namespaces');
  if (!namespaces) return;
  let ns;
  try {
    ns = await namespaces.store.get({ ...ctx, namespace: '' }, ctx.namespace);
  } catch (err) {
    if (err instanceof StatusError && err.reason === 'NotFound') throw notFound({ group: '', resource: 'namespaces' }, ctx.namespace);
    throw err;
  }
  const phase = (ns.status as { phase?: string } | undefined)?.phase;
  if (ns.metadata.deletionTimestamp || phase === 'Terminating') {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `${resource} is forbidden: unable to create new content in namespace ${ctx.namespace} because it is being terminated`,
      reason: 'Forbidden',
      details: { kind: resource, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${ctx.namespace} is being terminated`, field: 'metadata.namespace' }] },
      code: 403,
    });
  }
}
