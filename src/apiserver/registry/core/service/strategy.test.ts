import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { serviceStrategy } from './strategy.js';

const ctx: RequestContext = {
  namespace: 'default',
  dryRun: false,
  user: { name: 'admin', groups: [] },
  now: new Date(0),
};
const svc = (spec: Record<string, unknown>, name = 'web'): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec,
});

function create(obj: KObject): { obj: KObject; errs: string[] } {
  serviceStrategy.defaults!(obj);
  serviceStrategy.prepareForCreate!(obj, ctx);
  return { obj, errs: serviceStrategy.validate!(obj, ctx).map(String) };
}

function update(next: KObject, old: KObject): { obj: KObject; errs: string[] } {
  serviceStrategy.defaults!(next);
  serviceStrategy.prepareForUpdate!(next, old, ctx);
  return { obj: next, errs: serviceStrategy.validateUpdate!(next, old, ctx).map(String) };
}

test('service defaults', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: Record<string, unknown> }[] = [
    {
      name: 'a ClusterIP service',
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      want: {
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
    {
      name: 'a NodePort service gets externalTrafficPolicy',
      spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] },
      want: {
        type: 'NodePort',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
    {
      name: 'a LoadBalancer allocates node ports by default; ClientIP affinity gets a timeout',
      spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 443, protocol: 'UDP' }] },
      want: {
        type: 'LoadBalancer',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        ports: [{ port: 443, protocol: 'UDP', targetPort: 443 }],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
    {
      name: 'a selector-less headless service prefers dual stack; clusterIPs follow clusterIP',
      spec: { clusterIP: 'None', ports: [{ port: 80 }] },
      want: {
        clusterIP: 'None',
        clusterIPs: ['None'],
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'PreferDualStack',
        ipFamilies: ['IPv4'],
      },
    },
    {
      name: 'an ExternalName service has no IP fields',
      spec: { type: 'ExternalName', externalName: 'db.example.com' },
      want: { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' },
    },
  ];
  for (const c of cases) {
    const { obj, errs } = create(svc(c.spec));
    assert.deepEqual(errs, [], c.name);
    assert.deepEqual(obj.spec, c.want, c.name);
  }
});

test('service validation messages', () => {
  const cases: { name: string; spec: Record<string, unknown>; svcName?: string; want: string[] }[] = [
    { name: 'an empty clusterIP is left for the allocator', spec: { ports: [{ port: 80 }] }, want: [] },
    { name: 'ports required', spec: {}, want: ['spec.ports: Required value'] },
    {
      name: 'names required with more than one port',
      spec: { ports: [{ port: 80 }, { port: 443 }] },
      want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    },
    {
      name: 'duplicate names and port/protocol pairs',
      spec: {
        ports: [
          { name: 'a', port: 80 },
          { name: 'a', port: 80 },
        ],
      },
      want: [
        'spec.ports[1].name: Duplicate value: "a"',
        'spec.ports[1]: Duplicate value: {"protocol":"TCP","port":80}',
      ],
    },
    {
      name: 'port out of range',
      spec: { ports: [{ port: 70000 }] },
      // targetPort defaults to the port, so it is out of range too.
      want: [
        'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    },
    {
      name: 'nodePort on a ClusterIP service',
      spec: { ports: [{ port: 80, nodePort: 30080 }] },
      want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    },
    {
      name: 'unknown type',
      spec: { type: 'Internal', ports: [{ port: 80 }] },
      want: [
        'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    },
    {
      name: 'bad selector label value',
      spec: { selector: { app: 'a b' }, ports: [{ port: 80 }] },
      want: [
        "spec.selector: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    },
    {
      name: 'ExternalName requires externalName',
      spec: { type: 'ExternalName' },
      want: ['spec.externalName: Required value'],
    },
    {
      name: 'ExternalName forbids a clusterIP',
      spec: { type: 'ExternalName', externalName: 'x.example.com', clusterIP: '10.0.0.1' },
      want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
    },
    {
      name: 'headless NodePort',
      spec: { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] },
      want: ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
    },
    {
      name: 'a bad clusterIP',
      spec: { clusterIP: '10.0.0.300', ports: [{ port: 80 }] },
      want: [
        'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    },
    {
      name: 'service names are DNS-1035 labels',
      svcName: '1web',
      spec: { ports: [{ port: 80 }] },
      want: [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(create(svc(c.spec, c.svcName)).errs, c.want, c.name);
});

test('service updates', () => {
  const base = () => create(svc({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] })).obj;
  const allocated = () => {
    const o = base();
    Object.assign(o.spec as object, { clusterIP: '10.43.0.10', clusterIPs: ['10.43.0.10'] });
    return o;
  };

  // A manifest re-applied without clusterIP keeps the allocated one.
  const reapplied = update(svc({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] }), allocated());
  assert.deepEqual(reapplied.errs, []);
  assert.equal((reapplied.obj.spec as { clusterIP: string }).clusterIP, '10.43.0.10');

  // The cluster IP may not change.
  const moved = update(svc({ clusterIP: '10.43.0.11', ports: [{ name: 'http', port: 80 }] }), allocated());
  assert.deepEqual(moved.errs, ['spec.clusterIPs[0]: Invalid value: []string{"10.43.0.11"}: may not change once set']);

  // Switching to ExternalName drops the cluster IP and families the client did not touch.
  const old = allocated();
  const toExternal = structuredClone(old);
  Object.assign(toExternal.spec as object, { type: 'ExternalName', externalName: 'db.example.com' });
  const ext = update(toExternal, old);
  assert.deepEqual(ext.errs, []);
  const spec = ext.obj.spec as Record<string, unknown>;
  assert.equal(spec.clusterIP, undefined);
  assert.equal(spec.ipFamilies, undefined);

  // Leaving NodePort clears node ports the client did not change.
  const np = create(svc({ type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }] })).obj;
  Object.assign(np.spec as object, { clusterIP: '10.43.0.12', clusterIPs: ['10.43.0.12'] });
  const toClusterIP = structuredClone(np);
  (toClusterIP.spec as Record<string, unknown>).type = 'ClusterIP';
  const cip = update(toClusterIP, np);
  assert.deepEqual(cip.errs, []);
  assert.deepEqual((cip.obj.spec as { ports: unknown[] }).ports, [
    { name: 'http', port: 80, protocol: 'TCP', targetPort: 80 },
  ]);
  assert.equal((cip.obj.spec as Record<string, unknown>).externalTrafficPolicy, undefined);
});
