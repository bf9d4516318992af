import type { SubresourceHandler } from '../endpoints/resource-handler.js';
import { serveBinding } from './binding.js';
import { serveEviction } from './eviction.js';
import { serveTokenRequest, TokenSigner } from './token.js';

/**
 * The subresources that are operations rather than views of the object, by `group/resource/subresource`.
 * (status and scale are served by the generic handlers; log/exec/attach/portforward/proxy come with the kubelet.)
 */
export function builtinSubresources(signer: TokenSigner): Map<string, SubresourceHandler> {
  const m = new Map<string, SubresourceHandler>();
  m.set('/pods/binding', serveBinding);
  m.set('/pods/eviction', serveEviction);
  m.set('/serviceaccounts/token', serveTokenRequest(signer));
  return m;
}

export { TokenSigner };
