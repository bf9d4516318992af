/**
 * Keeps image pulls on this machine. containerd sends a pull for a registry that has no hosts.toml straight to
 * that registry over the internet (containerd 1.6 has no catch-all `_default` entry), so the kubelet refuses
 * such pulls itself: only registries redirected to the local mirror and registries on loopback are pulled.
 */
import { MIRRORED_REGISTRIES } from '../containerd/config.js';

/** The registry host of an image reference, as the docker reference grammar resolves it (`busybox` → docker.io). */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  // A first component is a registry only when it looks like a host: a dot, a port, or localhost.
  if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) return first;
  return 'docker.io';
}

function isLoopbackHost(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Why pulling `image` is refused, or undefined when the pull stays on this machine. */
export function offMachinePull(image: string): string | undefined {
  const registry = registryOf(image);
  if (registry === 'index.docker.io' || (MIRRORED_REGISTRIES as readonly string[]).includes(registry) || isLoopbackHost(registry)) return undefined;
  return `pulling from registry ${registry} is not allowed: k8ts pulls only through its local mirror (${MIRRORED_REGISTRIES.filter((r) => r !== '_default').join(', ')}) or from registries on loopback; import the image with 'k8ts images import FILE'`;
}
