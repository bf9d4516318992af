import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';

const VERSIONS: { label: string; version: string | undefined; flags: string[] }[] = [
  { label: 'default', version: undefined, flags: [] },
  { label: '1.27', version: '1.27', flags: [] },
];

const servers = new Map<string, TestApiServer>();
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k8ts-ssa-'));
  for (const v of VERSIONS) {
    const s = await startTestApiServer();
    servers.set(v.label, s);
  }
});

after(async () => {
  for (const s of servers.values()) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, namespace: default}\ndata: {a: "${value}"}\n`;

const deployment = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 80}]
`;

for (const v of VERSIONS) {
  test(`kubectl ${v.label}: server-side apply, conflicts, force and diff`, async () => {
    const s = servers.get(v.label)!;
    const kubectl = (...args: string[]) => s.kubectl(args, { version: v.version });
    const file = join(dir, `cm-${v.label}.yaml`);

    writeFileSync(file, configMap('1'));
    let r = await kubectl('apply', '--server-side', '--field-manager=alice', ...v.flags, '-f', file);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^configmap\/ssa serverside-applied$/m);

    r = await kubectl('get', 'cm', 'ssa', '-o', 'yaml', '--show-managed-fields');
    assert.match(r.stdout, /manager: alice/);
    assert.match(r.stdout, /operation: Apply/);
    assert.match(r.stdout, /f:data:\n\s+f:a: \{\}/);

    writeFileSync(file, configMap('2'));
    r = await kubectl('apply', '--server-side', '--field-manager=bob', ...v.flags, '-f', file);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Apply failed with 1 conflict: conflict with "alice": \.data\.a/);

    r = await kubectl('apply', '--server-side', '--field-manager=bob', '--force-conflicts', ...v.flags, '-f', file);
    assert.equal(r.code, 0, r.stderr);
    r = await kubectl('get', 'cm', 'ssa', '-o', 'jsonpath={.data.a} {.metadata.managedFields[*].manager}');
    assert.equal(r.stdout, '2 bob', 'bob took .data.a; alice owned nothing else and was dropped');

    writeFileSync(file, configMap('3'));
    r = await kubectl('diff', '--server-side', '--field-manager=bob', '--force-conflicts', '-f', file);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^\+ {2}a: "3"$/m);
    assert.match(r.stdout, /^- {2}a: "2"$/m);
    r = await kubectl('get', 'cm', 'ssa', '-o', 'jsonpath={.data.a}');
    assert.equal(r.stdout, '2', 'diff is a dry run');
  });

  test(`kubectl ${v.label}: client-side apply, then server-side apply of the same deployment`, async () => {
    const s = servers.get(v.label)!;
    const kubectl = (...args: string[]) => s.kubectl(args, { version: v.version });
    const file = join(dir, `deploy-${v.label}.yaml`);

    writeFileSync(file, deployment(2, 'nginx:1.21'));
    let r = await kubectl('apply', ...v.flags, '-f', file);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /deployment.apps\/web created/);

    r = await kubectl('apply', '--server-side', ...v.flags, '-f', file);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /deployment.apps\/web serverside-applied/);

    // Changed values that client-side apply set are not conflicts for kubectl's own server-side apply.
    writeFileSync(file, deployment(3, 'nginx:latest'));
    r = await kubectl('apply', '--server-side', ...v.flags, '-f', file);
    assert.equal(r.code, 0, r.stderr);
    r = await kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}');
    assert.equal(r.stdout, '3 nginx:latest');

    r = await kubectl('get', 'deploy', 'web', '-o', 'jsonpath={range .metadata.managedFields[*]}{.manager}/{.operation} {end}');
    const managers = r.stdout.trim().split(' ').sort();
    assert.deepEqual(managers, ['kubectl-last-applied/Apply', 'kubectl/Apply'], 'client-side-apply ownership migrated');
  });
}
