import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

/** Writes an admin kubeconfig for `server` atomically (readers never see a half-written file). */
export function writeAdminKubeconfig(path: string, server: string): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    // Plain HTTP until TLS lands; client-node refuses http:// unless TLS verification is marked as skipped.
    clusters: [{ name: 'k8ts', cluster: server.startsWith('http://') ? { server, 'insecure-skip-tls-verify': true } : { server } }],
    users: [{ name: 'admin', user: {} }],
    contexts: [{ name: 'k8ts', context: { cluster: 'k8ts', user: 'admin', namespace: 'default' } }],
    'current-context': 'k8ts',
    preferences: {},
  };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, stringify(config), { mode: 0o600 });
  renameSync(tmp, path);
}
