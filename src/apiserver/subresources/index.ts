import type { SubresourceHandler } from '../endpoints/resource-handler.js';
import { badRequest } from '../../apimachinery/errors.js';
import { serveBinding } from './binding.js';
import { serveEviction } from './eviction.js';
import { serveTokenRequest, TokenSigner } from './token.js';
import { servePodLogs } from './pod-proxy.js';
import { serveNodeProxy } from './node-proxy.js';

/**
 * The subresources that are operations rather than views of the object, by `group/resource/subresource`.
 * (status and scale are served by the generic handlers; exec/attach/portforward are upgrade requests, see
 * pod-proxy.ts.)
 */
export function builtinSubresources(signer: TokenSigner): Map<string, SubresourceHandler> {
  const m = new Map<string, SubresourceHandler>();
  m.set('/pods/binding', serveBinding);
  m.set('/pods/eviction', serveEviction);
  m.set('/serviceaccounts/token', serveTokenRequest(signer));
  m.set('/pods/log', servePodLogs);
  m.set('/nodes/proxy', serveNodeProxy);
  const upgradeOnly: SubresourceHandler = async () => {
    throw badRequest('Upgrade request required');
  };
  for (const s of ['exec', 'attach', 'portforward']) m.set(`/pods/${s}`, upgradeOnly);
  return m;
}

export { TokenSigner };
