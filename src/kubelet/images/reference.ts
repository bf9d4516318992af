/**
 * Image references as the container runtime understands them (the "docker reference" grammar, simplified):
 * `busybox` means `docker.io/library/busybox:latest`, `nginx:1.26` means `docker.io/library/nginx:1.26`,
 * `127.0.0.1:5000/app@sha256:…` names a digest on a local registry.
 */

/** A parsed, normalized image reference. */
export interface ImageReference {
  /** Registry host (and port), e.g. `docker.io`, `registry.k8s.io`, `127.0.0.1:5000`. */
  domain: string;
  /** Repository path within the registry, e.g. `library/busybox`. */
  path: string;
  /** The tag; `latest` when the reference names neither a tag nor a digest. */
  tag: string | undefined;
  /** `sha256:…` when the reference pins a digest. */
  digest: string | undefined;
}

const DEFAULT_DOMAIN = 'docker.io';

/** Parses and normalizes an image reference; throws on an empty or malformed one. */
export function parseImageReference(ref: string): ImageReference {
  if (!ref || /\s/.test(ref)) throw new Error(`invalid image reference ${JSON.stringify(ref)}`);
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest))
      throw new Error(`invalid digest in image reference ${JSON.stringify(ref)}`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  // A colon after the last slash separates the tag; one before it belongs to a registry host:port.
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw new Error(`invalid tag in image reference ${JSON.stringify(ref)}`);
  }
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      if (!/^(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:]+\])(?::\d+)?$/.test(first)) {
        throw new Error(`invalid registry host in image reference ${JSON.stringify(ref)}`);
      }
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+|__)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) {
    throw new Error(`invalid repository in image reference ${JSON.stringify(ref)}`);
  }
  if (tag === undefined && digest === undefined) tag = 'latest';
  return { domain, path, tag, digest };
}

/** The canonical string of a reference: `domain/path[:tag][@digest]`. */
export function formatImageReference(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** `busybox` → `docker.io/library/busybox:latest`; already-normal references come back unchanged. */
export function normalizeImageName(ref: string): string {
  return formatImageReference(parseImageReference(ref));
}

/** The repository without tag or digest: `docker.io/library/busybox`. */
export function imageRepository(ref: string): string {
  const r = parseImageReference(ref);
  return `${r.domain}/${r.path}`;
}
