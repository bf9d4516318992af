/**
 * Service account tokens for projected volumes (upstream pkg/kubelet/token): each distinct request (pod,
 * service account, audiences, lifetime) is answered from a cache until the token reaches 80 % of its
 * lifetime or is older than 24 h, then a new one is asked of the API's TokenRequest (serviceaccounts/token)
 * bound to the pod. The volume manager's periodic refresh is what calls it again, so tokens rotate in place.
 */
import type { Clock } from '../../util/clock.js';
import type { ServiceAccountTokenRequest, ServiceAccountTokenSource } from '../volumes/plugin.js';

/** Asks the API for a token: the TokenRequest's status. */
export type TokenRequester = (r: ServiceAccountTokenRequest) => Promise<{ token: string; expirationTimestamp: string }>;

const MAX_TTL_MS = 24 * 3600_000;

interface Cached {
  token: string;
  issuedMs: number;
  expiresMs: number;
  podUid: string;
}

/** Contract: safe for concurrent calls; concurrent requests for one key may both reach the API (harmless). */
export class TokenManager implements ServiceAccountTokenSource {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly o: { request: TokenRequester; clock: Clock }) {}

  async getToken(r: ServiceAccountTokenRequest): Promise<string> {
    const key = JSON.stringify([r.namespace, r.serviceAccountName, [...r.audiences], r.expirationSeconds, r.boundPod.name, r.boundPod.uid]);
    const now = this.o.clock.now();
    const hit = this.cache.get(key);
    if (hit && !this.needsRefresh(hit, now)) return hit.token;
    const got = await this.o.request(r);
    const expiresMs = Date.parse(got.expirationTimestamp);
    this.cache.set(key, { token: got.token, issuedMs: now, expiresMs: Number.isNaN(expiresMs) ? now + r.expirationSeconds * 1000 : expiresMs, podUid: r.boundPod.uid });
    return got.token;
  }

  /** Drops the cached tokens of a pod whose volumes are gone. */
  forget(podUid: string): void {
    for (const [k, v] of this.cache) if (v.podUid === podUid) this.cache.delete(k);
  }

  private needsRefresh(c: Cached, now: number): boolean {
    if (now >= c.expiresMs) return true;
    if (now - c.issuedMs > MAX_TTL_MS) return true;
    return now - c.issuedMs >= 0.8 * (c.expiresMs - c.issuedMs);
  }
}
