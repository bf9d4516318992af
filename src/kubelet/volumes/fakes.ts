/**
 * Fakes of the volume plugins' dependencies for tests (this package's and the kubelet's): each implements the
 * real interface, serves what the test put in, and records the calls it got.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ObjectSource, ServiceAccountTokenRequest, ServiceAccountTokenSource } from './plugin.js';
import type { ConfigMap, PersistentVolume, PersistentVolumeClaim, Pod, Secret } from './types.js';
import type { PersistentVolumeLookup } from './volume-spec.js';

/** configMaps and secrets by `namespace/name`; replace entries to simulate updates. */
export class FakeObjectSource implements ObjectSource {
  readonly configMaps = new Map<string, ConfigMap>();
  readonly secrets = new Map<string, Secret>();
  readonly calls: string[] = [];

  async getConfigMap(namespace: string, name: string): Promise<ConfigMap | undefined> {
    this.calls.push(`configmap ${namespace}/${name}`);
    return this.configMaps.get(`${namespace}/${name}`);
  }

  async getSecret(namespace: string, name: string): Promise<Secret | undefined> {
    this.calls.push(`secret ${namespace}/${name}`);
    return this.secrets.get(`${namespace}/${name}`);
  }
}

/** Issues `token-<n>` strings (or `token` when fixed) and records requests and forgotten pods. */
export class FakeTokenSource implements ServiceAccountTokenSource {
  readonly requests: ServiceAccountTokenRequest[] = [];
  readonly forgotten: string[] = [];
  token: string | undefined;

  async getToken(request: ServiceAccountTokenRequest): Promise<string> {
    this.requests.push(request);
    return this.token ?? `token-${this.requests.length}`;
  }

  forget(podUid: string): void {
    this.forgotten.push(podUid);
  }
}

/** Claims by `namespace/name` and volumes by name. */
export class FakeClaimLookup implements PersistentVolumeLookup {
  readonly claims = new Map<string, PersistentVolumeClaim>();
  readonly volumes = new Map<string, PersistentVolume>();
  readonly calls: string[] = [];

  async getPersistentVolumeClaim(namespace: string, name: string): Promise<PersistentVolumeClaim | undefined> {
    this.calls.push(`pvc ${namespace}/${name}`);
    return this.claims.get(`${namespace}/${name}`);
  }

  async getPersistentVolume(name: string): Promise<PersistentVolume | undefined> {
    this.calls.push(`pv ${name}`);
    return this.volumes.get(name);
  }

  /** A Bound claim and its volume, pointing at each other. */
  bind(namespace: string, claimName: string, pv: PersistentVolume, claimUid = `uid-${claimName}`): void {
    const pvName = pv.metadata.name!;
    this.claims.set(`${namespace}/${claimName}`, {
      metadata: { name: claimName, namespace, uid: claimUid },
      spec: { volumeName: pvName },
      status: { phase: 'Bound' },
    });
    this.volumes.set(pvName, {
      ...pv,
      spec: { ...pv.spec, claimRef: { namespace, name: claimName, uid: claimUid } },
    });
  }
}

/** A pod with sensible metadata; `spec` is merged in. */
export function testPod(spec: Pod['spec'], metadata: Partial<Pod['metadata']> = {}): Pod {
  return {
    metadata: { name: 'web', namespace: 'default', uid: 'pod-uid-1', ...metadata },
    spec: { containers: [{ name: 'app' }], ...spec },
  };
}

/** Whether this process may chown to any user or group (fsGroup and fsUser tests skip otherwise). */
export const isRoot = process.getuid?.() === 0;

/** Whether this process may mount (tests that need real mounts skip otherwise). */
export const canMount = process.platform === 'linux' && isRoot;

/** A fresh temporary directory and its cleanup. */
export async function tempDir(prefix = 'k8ts-vol-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
