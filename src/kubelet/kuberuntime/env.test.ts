import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EnvResolutionError, makeEnvironmentVariables, serviceEnvVars, type EnvSources } from './env.js';
import type { ApiContainer, ApiPod } from './pod-types.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const sources: EnvSources = {
  configMap: async (_ns, name) => (name === 'cfg' ? { data: { greeting: 'hello', 'bad key': 'x' } } : undefined),
  secret: async (_ns, name) => (name === 'sec' ? { data: { token: b64('s3cret') } } : undefined),
  services: async () => [{ metadata: { name: 'my-svc' }, spec: { clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80 }] } }],
};
const pod = (c: ApiContainer): ApiPod => ({
  metadata: { name: 'p', namespace: 'ns', uid: 'u1', labels: { app: 'web' } },
  spec: { nodeName: 'n1', containers: [c] },
});
const facts = { podIP: '10.244.0.5', hostIP: '10.0.0.1', nodeAllocatable: { cpu: '2', memory: '1Gi' } };

test('makeEnvironmentVariables resolves each source', async () => {
  const cases: { name: string; env: ApiContainer['env']; envFrom?: ApiContainer['envFrom']; resources?: ApiContainer['resources']; want: Record<string, string> }[] = [
    { name: 'literal', env: [{ name: 'A', value: 'x' }], want: { A: 'x' } },
    { name: 'expansion', env: [{ name: 'A', value: 'x' }, { name: 'B', value: '$(A)-$(MISSING)-$$' }], want: { B: 'x-$(MISSING)-$' } },
    { name: 'fieldRef name', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], want: { N: 'p' } },
    { name: 'fieldRef label', env: [{ name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }], want: { L: 'web' } },
    { name: 'fieldRef podIP', env: [{ name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }], want: { IP: '10.244.0.5' } },
    { name: 'configMapKeyRef', env: [{ name: 'G', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'greeting' } } }], want: { G: 'hello' } },
    { name: 'secretKeyRef decodes', env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 'sec', key: 'token' } } }], want: { T: 's3cret' } },
    { name: 'optional missing skipped', env: [{ name: 'O', valueFrom: { secretKeyRef: { name: 'nope', key: 'k', optional: true } } }], want: { MY_SVC_SERVICE_HOST: '10.96.0.10' } },
    { name: 'envFrom with prefix', env: [], envFrom: [{ prefix: 'C_', configMapRef: { name: 'cfg' } }], want: { C_greeting: 'hello' } },
    { name: 'resource limit memory in Mi', env: [{ name: 'M', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }], resources: { limits: { memory: '64Mi' } }, want: { M: '64' } },
    { name: 'unset cpu limit uses allocatable', env: [{ name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }], want: { C: '2' } },
    { name: 'service links', env: [], want: { MY_SVC_SERVICE_HOST: '10.96.0.10', MY_SVC_SERVICE_PORT_HTTP: '80', MY_SVC_PORT: 'tcp://10.96.0.10:80' } },
  ];
  for (const c of cases) {
    const got = Object.fromEntries(await makeEnvironmentVariables(pod({ name: 'c', env: c.env, envFrom: c.envFrom, resources: c.resources }), { name: 'c', env: c.env, envFrom: c.envFrom, resources: c.resources }, sources, facts));
    for (const [k, v] of Object.entries(c.want)) assert.equal(got[k], v, `${c.name}: ${k}`);
    if (c.name === 'envFrom with prefix') assert.equal(got['C_bad key'], undefined);
  }
});

test('makeEnvironmentVariables fails on a missing required reference', async () => {
  const c: ApiContainer = { name: 'c', env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }] };
  await assert.rejects(makeEnvironmentVariables(pod(c), c, sources, facts), EnvResolutionError);
});

test('serviceEnvVars skips headless services', () => {
  assert.deepEqual(serviceEnvVars([{ metadata: { name: 'h' }, spec: { clusterIP: 'None', ports: [{ port: 1 }] } }]), []);
});
