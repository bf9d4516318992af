/**
 * The non-workload resource behaviours as real kubectl sees them, with the default kubectl and 1.27: namespace
 * labels, name validation, secrets, service defaults, RBAC, and seed 000's multi-tenancy recipe (a team
 * namespace with a ResourceQuota, a Role and a RoleBinding applied from manifests).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';

const quotaYaml = (ns: string) => `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute-resources
  namespace: ${ns}
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 4Gi
    limits.cpu: "8"
    limits.memory: 8Gi
`;

const rbacYaml = (ns: string, user: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  namespace: ${ns}
  name: pod-reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
  namespace: ${ns}
subjects:
- kind: User
  name: ${user}
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
`;

/** A JSON object read back from kubectl, walked without declaring its shape (leaves are compared as unknown). */
interface Json {
  [field: string]: Json;
}

for (const version of [undefined, '1.27']) {
  describe(`cluster resources through kubectl ${version ?? '(default)'}`, () => {
    let api: TestApiServer;
    const suffix = version ? version.replace('.', '') : 'default';
    const ns = `team-${suffix}`;
    const k = async (args: string[], input?: string) => {
      const res = await api.kubectl(args, { version, input });
      return res;
    };
    const ok = async (args: string[], input?: string) => {
      const res = await k(args, input);
      assert.equal(res.code, 0, `kubectl ${args.join(' ')} failed:\n${res.stderr}${res.stdout}`);
      return res.stdout;
    };
    const json = async (args: string[]) => JSON.parse(await ok([...args, '-o', 'json'])) as Json;

    before(async () => {
      api = await startTestApiServer();
    });
    after(async () => {
      await api.close();
    });

    test('create namespace sets the kubernetes.io/metadata.name label, phase Active and the kubernetes finalizer', async () => {
      assert.match(await ok(['create', 'namespace', ns]), new RegExp(`namespace/${ns} created`));
      const obj = await json(['get', 'namespace', ns]);
      assert.equal(obj.metadata.labels['kubernetes.io/metadata.name'], ns);
      assert.equal(obj.status.phase, 'Active');
      assert.deepEqual(obj.spec.finalizers, ['kubernetes']);
    });

    test('an invalid configmap name is rejected with Invalid value', async () => {
      const res = await k(['create', 'configmap', 'Bad_Name', '-n', ns, '--from-literal=a=b']);
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /Invalid value: "Bad_Name"/);
    });

    test('create secret generic stores base64 data with type Opaque', async () => {
      await ok(['create', 'secret', 'generic', 's1', '-n', ns, '--from-literal=password=hunter2']);
      const obj = await json(['get', 'secret', 's1', '-n', ns]);
      assert.equal(obj.type, 'Opaque');
      assert.equal(obj.data.password, Buffer.from('hunter2').toString('base64'));
      assert.equal(
        (await ok(['get', 'secrets', '-n', ns, '--field-selector', 'type=Opaque', '-o', 'name'])).trim(),
        'secret/s1',
      );
    });

    test('create service clusterip gets the service defaults', async () => {
      await ok(['create', 'service', 'clusterip', 'svc1', '-n', ns, '--tcp=80:8080']);
      const obj = await json(['get', 'service', 'svc1', '-n', ns]);
      assert.equal(obj.spec.type, 'ClusterIP');
      assert.equal(obj.spec.sessionAffinity, 'None');
      assert.equal(obj.spec.ipFamilyPolicy, 'SingleStack');
      assert.deepEqual(obj.spec.ipFamilies, ['IPv4']);
      assert.equal(obj.spec.internalTrafficPolicy, 'Cluster');
      assert.deepEqual(obj.spec.ports, [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }]);
      assert.match(String(obj.spec.clusterIP), /^\d+\.\d+\.\d+\.\d+$/);
      assert.deepEqual(obj.spec.clusterIPs, [obj.spec.clusterIP]);
    });

    test('create role and rolebinding', async () => {
      await ok(['create', 'role', 'cm-reader', '-n', ns, '--verb=get,list', '--resource=configmaps']);
      await ok(['create', 'rolebinding', 'cm-readers', '-n', ns, '--role=cm-reader', '--user=bob']);
      const rb = await json(['get', 'rolebinding', 'cm-readers', '-n', ns]);
      assert.deepEqual(rb.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cm-reader' });
      const bad = await k([
        'create',
        'role',
        'no-verbs',
        '-n',
        ns,
        '--verb=get',
        '--resource=pods',
        '--dry-run=server',
        '-o',
        'json',
      ]);
      assert.equal(bad.code, 0, bad.stderr);
    });

    test('seed 000: apply quota.yaml and rbac.yaml in a team namespace', async () => {
      const team = `tenant-${suffix}`;
      await ok(['create', 'namespace', team]);
      assert.match(await ok(['apply', '-f', '-'], quotaYaml(team)), /resourcequota\/compute-resources created/);
      const out = await ok(['apply', '-f', '-'], rbacYaml(team, 'alice'));
      assert.match(out, /role.rbac.authorization.k8s.io\/pod-reader created/);
      assert.match(out, /rolebinding.rbac.authorization.k8s.io\/read-pods created/);
      const quota = await json(['get', 'resourcequota', 'compute-resources', '-n', team]);
      assert.deepEqual(quota.spec.hard, {
        'requests.cpu': '4',
        'requests.memory': '4Gi',
        'limits.cpu': '8',
        'limits.memory': '8Gi',
      });
      const role = await json(['get', 'role', 'pod-reader', '-n', team]);
      assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] }]);
      // Applying the same manifests again changes nothing.
      assert.match(await ok(['apply', '-f', '-'], quotaYaml(team)), /resourcequota\/compute-resources unchanged/);
      assert.match(
        await ok(['apply', '-f', '-'], rbacYaml(team, 'alice')),
        /rolebinding.rbac.authorization.k8s.io\/read-pods unchanged/,
      );
      // A binding's roleRef never changes.
      const changed = rbacYaml(team, 'alice').replace(
        /kind: Role\n  name: pod-reader/,
        'kind: ClusterRole\n  name: view',
      );
      const res = await k(['apply', '-f', '-'], changed);
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /roleRef: Invalid value: .*cannot change roleRef/);
    });

    test('a quota with a bad resource name is rejected with upstream wording', async () => {
      const res = await k(['apply', '-f', '-'], quotaYaml(ns).replace('requests.cpu', 'requests.gpu'));
      assert.notEqual(res.code, 0);
      assert.match(
        res.stderr,
        /spec.hard\[requests.gpu\]: Invalid value: "requests.gpu": must be a standard resource type or fully qualified/,
      );
    });
  });
}
