import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { badRequest, methodNotSupported } from '../../apimachinery/errors.js';
import { rfc3339 } from '../../apimachinery/meta.js';
import { decodeInput, type ResourceRequest } from '../endpoints/resource-handler.js';
import { writeObject } from '../endpoints/respond.js';

/** The issuer and default audience of service account tokens, as upstream's defaults for an in-cluster API. */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/**
 * Signs service account tokens (RS256 JWTs). Until the security work gives the API server a persistent key
 * (and verifies these tokens), the key is generated per process on first use.
 */
export class TokenSigner {
  private key: KeyObject | undefined;
  private kid = '';

  constructor(private readonly pem?: string) {}

  private signingKey(): KeyObject {
    if (!this.key) {
      this.key = this.pem ? createPrivateKey(this.pem) : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      this.kid = randomUUID();
    }
    return this.key;
  }

  sign(claims: Record<string, unknown>): string {
    const key = this.signingKey();
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const data = `${enc({ alg: 'RS256', kid: this.kid })}.${enc(claims)}`;
    return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
  }
}

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string };
}

/**
 * POST serviceaccounts/{name}/token (`kubectl create token`, projected token volumes): a TokenRequest answered
 * with a signed token for the service account, with upstream's claims and limits (at least 10 minutes).
 */
export function serveTokenRequest(signer: TokenSigner) {
  return async (r: ResourceRequest): Promise<void> => {
    if (r.info.verb !== 'create') throw methodNotSupported({ group: '', resource: 'serviceaccounts/token' }, r.info.verb);
    const kind = r.deps.schema.lookup('authentication.k8s.io/v1', 'TokenRequest');
    const { obj: tr } = await decodeInput(r, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', schemaKind: kind });
    const sa = await r.served.store.get(r.ctx, r.info.name);
    const spec = (tr.spec ?? {}) as TokenRequestSpec;
    const expirationSeconds = spec.expirationSeconds ?? 3600;
    if (expirationSeconds < 600) throw badRequest('spec.expirationSeconds: Invalid value: may not specify a duration less than 10 minutes');
    if (expirationSeconds > 2 ** 32) throw badRequest('spec.expirationSeconds: Invalid value: may not specify a duration larger than 2^32 seconds');
    const audiences = spec.audiences?.length ? spec.audiences : [SERVICE_ACCOUNT_ISSUER];
    const now = Math.floor(r.ctx.now.getTime() / 1000);
    const exp = now + expirationSeconds;
    const k8s: Record<string, unknown> = {
      namespace: r.ctx.namespace,
      serviceaccount: { name: sa.metadata.name, uid: sa.metadata.uid },
    };
    const bound = spec.boundObjectRef;
    if (bound?.name) {
      if (bound.kind !== 'Pod' && bound.kind !== 'Secret' && bound.kind !== 'Node') {
        throw badRequest(`spec.boundObjectRef.kind: Unsupported value: "${bound.kind ?? ''}": supported values: "Node", "Pod", "Secret"`);
      }
      k8s[bound.kind.toLowerCase()] = { name: bound.name, uid: bound.uid };
    }
    const token = signer.sign({
      aud: audiences,
      exp,
      iat: now,
      iss: SERVICE_ACCOUNT_ISSUER,
      jti: randomUUID(),
      'kubernetes.io': k8s,
      nbf: now,
      sub: `system:serviceaccount:${r.ctx.namespace}:${sa.metadata.name}`,
    });
    const out = {
      ...tr,
      metadata: { ...tr.metadata, name: sa.metadata.name, namespace: r.ctx.namespace, creationTimestamp: null },
      spec: { ...spec, audiences, expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
      status: { token, expirationTimestamp: rfc3339(exp * 1000) },
    };
    writeObject(r.res, 201, out, r.format);
  };
}
