/** What a request wants to do, as RBAC sees it (upstream's authorizer.Attributes). */
export interface Attributes {
  user: { name: string; groups: string[]; uid?: string };
  verb: string;
  namespace: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  name: string;
  /** For non-resource requests (`/healthz`). */
  path?: string;
  resourceRequest: boolean;
}

export interface Decision {
  allowed: boolean;
  denied?: boolean;
  reason: string;
}

/** Decides whether a request is allowed. Implementations: allow-all (until RBAC lands), RBAC. */
export interface Authorizer {
  authorize(attrs: Attributes): Promise<Decision>;
}

/** Everyone may do everything: the authorizer in force until the security issue brings RBAC. */
export const alwaysAllow: Authorizer = {
  authorize: async () => ({ allowed: true, reason: '' }),
};
