/**
 * imagePullSecrets → CRI AuthConfigs: the docker config of each `kubernetes.io/dockerconfigjson` (or legacy
 * `kubernetes.io/dockercfg`) secret the pod names, matched against the image's registry as upstream's
 * credential keyring does (host, optional port and path prefix; docker.io and its aliases are one registry).
 * Candidates are returned most specific first; the puller tries them in order.
 */
import type { AuthConfig } from '../cri/types-image.js';
import { parseImageReference } from '../images/reference.js';

/** The docker config keys that mean Docker Hub. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

interface DockerConfigEntry {
  username?: string;
  password?: string;
  auth?: string;
  identitytoken?: string;
}

/** The `host[:port][/path]` a docker config key means (schemes and Docker Hub's `/v1/` suffix dropped). */
export function normalizeConfigKey(key: string): string {
  let k = key.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  const slash = k.indexOf('/');
  let host = slash < 0 ? k : k.slice(0, slash);
  let path = slash < 0 ? '' : k.slice(slash);
  if (DOCKER_HUB.has(host)) {
    host = 'docker.io';
    if (path === '/v1' || path === '/v2') path = '';
  }
  k = host + path;
  return k;
}

/** The repository an image names, with its registry (`busybox` → `docker.io/library/busybox`); '' when malformed. */
function repositoryOf(image: string): string {
  try {
    const r = parseImageReference(image);
    return `${DOCKER_HUB.has(r.domain) ? 'docker.io' : r.domain}/${r.path}`;
  } catch {
    return '';
  }
}

/** The entries of one secret's docker config, by normalized key; undefined when the secret is not one. */
export function dockerConfigOf(secret: { type?: string; data?: Record<string, string> }): Map<string, DockerConfigEntry> | undefined {
  const decode = (v: string | undefined) => (v === undefined ? undefined : Buffer.from(v, 'base64').toString('utf8'));
  let entries: Record<string, DockerConfigEntry> | undefined;
  try {
    const json = decode(secret.data?.['.dockerconfigjson']);
    const cfg = decode(secret.data?.['.dockercfg']);
    if (json !== undefined) entries = (JSON.parse(json) as { auths?: Record<string, DockerConfigEntry> }).auths;
    else if (cfg !== undefined) entries = JSON.parse(cfg) as Record<string, DockerConfigEntry>;
  } catch {
    return undefined; // a malformed secret gives no credentials, as upstream logs and skips it
  }
  if (!entries) return undefined;
  return new Map(Object.entries(entries).map(([k, v]) => [normalizeConfigKey(k), v]));
}

/** The credentials for `image` from the given secrets, longest (most specific) matching key first. */
export function credentialsFor(image: string, secrets: readonly { type?: string; data?: Record<string, string> }[]): AuthConfig[] {
  const repo = repositoryOf(image);
  if (!repo) return [];
  const found: { key: string; auth: AuthConfig }[] = [];
  for (const secret of secrets) {
    for (const [key, e] of dockerConfigOf(secret) ?? []) {
      if (repo !== key && !repo.startsWith(`${key}/`)) continue;
      let { username = '', password = '' } = e;
      if (!username && e.auth) {
        const plain = Buffer.from(e.auth, 'base64').toString('utf8');
        const i = plain.indexOf(':');
        if (i >= 0) [username, password] = [plain.slice(0, i), plain.slice(i + 1)];
      }
      found.push({
        key,
        auth: { username, password, auth: e.auth ?? '', server_address: key.split('/')[0]!, identity_token: e.identitytoken ?? '', registry_token: '' },
      });
    }
  }
  return found.sort((a, b) => b.key.length - a.key.length).map((f) => f.auth);
}
