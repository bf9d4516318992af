import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultImagePullPolicy,
  defaultPod,
  defaultPodSpec,
  defaultResourceList,
  defaultVolume,
  imageTag,
} from './defaults.js';
import type { JsonRecord } from './json.js';

test('imageTag and the pull policy follow docker reference parsing', () => {
  const cases: { image: string; tag: string; policy: string }[] = [
    { image: 'busybox', tag: 'latest', policy: 'Always' },
    { image: 'busybox:latest', tag: 'latest', policy: 'Always' },
    { image: 'busybox:1.36', tag: '1.36', policy: 'IfNotPresent' },
    { image: 'registry.k8s.io/pause:3.10', tag: '3.10', policy: 'IfNotPresent' },
    { image: 'localhost:5000/app', tag: 'latest', policy: 'Always' },
    { image: 'localhost:5000/app:v1', tag: 'v1', policy: 'IfNotPresent' },
    {
      image: 'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      tag: '',
      policy: 'IfNotPresent',
    },
    {
      image: 'nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      tag: '1.27',
      policy: 'IfNotPresent',
    },
    { image: 'Upper/Case', tag: '', policy: 'IfNotPresent' },
    { image: '', tag: '', policy: 'IfNotPresent' },
  ];
  for (const c of cases) {
    assert.equal(imageTag(c.image), c.tag, c.image);
    assert.equal(defaultImagePullPolicy(c.image), c.policy, c.image);
  }
});

test('defaultPod fills what kubectl run leaves out', () => {
  const pod: JsonRecord = { metadata: { name: 'p1' }, spec: { containers: [{ name: 'p1', image: 'busybox' }] } };
  defaultPod(pod);
  assert.deepEqual(pod.spec, {
    containers: [
      {
        name: 'p1',
        image: 'busybox',
        imagePullPolicy: 'Always',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        resources: {},
      },
    ],
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  });
});

test('defaultPod is idempotent and keeps what the client set', () => {
  const spec = {
    containers: [
      {
        name: 'c',
        image: 'x:1',
        imagePullPolicy: 'Never',
        resources: { limits: { cpu: '1' }, requests: { cpu: '500m' } },
      },
    ],
    restartPolicy: 'Never',
    dnsPolicy: 'Default',
    terminationGracePeriodSeconds: 0,
    enableServiceLinks: false,
  };
  const pod: JsonRecord = { spec: structuredClone(spec) };
  defaultPod(pod);
  const once = structuredClone(pod);
  defaultPod(pod);
  assert.deepEqual(pod, once);
  const s = pod.spec as JsonRecord;
  assert.equal(s.restartPolicy, 'Never');
  assert.equal(s.dnsPolicy, 'Default');
  assert.equal(s.terminationGracePeriodSeconds, 0);
  assert.equal(s.enableServiceLinks, false);
  assert.deepEqual((s.containers as JsonRecord[])[0]!.resources, { limits: { cpu: '1' }, requests: { cpu: '500m' } });
});

test('requests default to limits for pods, not for templates', () => {
  const container = () => ({
    name: 'c',
    image: 'x',
    resources: { limits: { cpu: '200m', memory: '1Gi' }, requests: { cpu: '100m' } },
  });
  const pod: JsonRecord = { spec: { containers: [container()], initContainers: [container()] } };
  defaultPod(pod);
  for (const key of ['containers', 'initContainers']) {
    const c = ((pod.spec as JsonRecord)[key] as JsonRecord[])[0]!;
    assert.deepEqual((c.resources as JsonRecord).requests, { cpu: '100m', memory: '1Gi' }, key);
  }
  const spec: JsonRecord = { containers: [container()] };
  defaultPodSpec(spec);
  assert.deepEqual(((spec.containers as JsonRecord[])[0]!.resources as JsonRecord).requests, { cpu: '100m' });
  assert.equal(spec.enableServiceLinks, undefined);
  assert.equal(spec.preemptionPolicy, undefined);
});

test('host networking maps container ports to host ports', () => {
  const pod: JsonRecord = {
    spec: {
      hostNetwork: true,
      containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 81 }] }],
    },
  };
  defaultPod(pod);
  const ports = ((pod.spec as JsonRecord).containers as JsonRecord[])[0]!.ports;
  assert.deepEqual(ports, [
    { containerPort: 80, hostPort: 80, protocol: 'TCP' },
    { containerPort: 81, hostPort: 81, protocol: 'TCP' },
  ]);
});

test('probes, lifecycle handlers and env field references get their defaults', () => {
  const spec: JsonRecord = {
    containers: [
      {
        name: 'c',
        image: 'x',
        readinessProbe: { httpGet: { port: 8080 } },
        livenessProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
        lifecycle: { preStop: { httpGet: { port: 80, path: '/stop' } } },
        env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      },
    ],
  };
  defaultPodSpec(spec);
  const c = (spec.containers as JsonRecord[])[0]!;
  assert.deepEqual(c.readinessProbe, {
    httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  assert.deepEqual(c.livenessProbe, {
    exec: { command: ['true'] },
    periodSeconds: 5,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
  });
  assert.deepEqual(c.lifecycle, { preStop: { httpGet: { port: 80, path: '/stop', scheme: 'HTTP' } } });
  assert.deepEqual(c.env, [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } }]);
});

test('volume sources get their defaults', () => {
  const cases: { name: string; volume: JsonRecord; want: JsonRecord }[] = [
    { name: 'no source is an emptyDir', volume: { name: 'v' }, want: { name: 'v', emptyDir: {} } },
    {
      name: 'secret mode',
      volume: { name: 'v', secret: { secretName: 's' } },
      want: { name: 'v', secret: { secretName: 's', defaultMode: 420 } },
    },
    {
      name: 'configMap mode kept',
      volume: { name: 'v', configMap: { name: 'c', defaultMode: 256 } },
      want: { name: 'v', configMap: { name: 'c', defaultMode: 256 } },
    },
    {
      name: 'hostPath type',
      volume: { name: 'v', hostPath: { path: '/x' } },
      want: { name: 'v', hostPath: { path: '/x', type: '' } },
    },
    {
      name: 'projected token and downward API',
      volume: {
        name: 'v',
        projected: {
          sources: [
            { serviceAccountToken: { path: 't' } },
            { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
          ],
        },
      },
      want: {
        name: 'v',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { path: 't', expirationSeconds: 3600 } },
            { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } }] } },
          ],
        },
      },
    },
    {
      name: 'ephemeral claim volume mode',
      volume: { name: 'v', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      want: { name: 'v', ephemeral: { volumeClaimTemplate: { spec: { volumeMode: 'Filesystem' } } } },
    },
  ];
  for (const c of cases) {
    defaultVolume(c.volume);
    assert.deepEqual(c.volume, c.want, c.name);
  }
});

test('resource quantities are canonical and rounded up to milli precision', () => {
  const cases: { in: JsonRecord; want: JsonRecord }[] = [
    { in: { cpu: '0.5' }, want: { cpu: '500m' } },
    { in: { cpu: '1000m' }, want: { cpu: '1' } },
    { in: { cpu: '0.0001' }, want: { cpu: '1m' } },
    { in: { memory: '128Mi' }, want: { memory: '128Mi' } },
    { in: { cpu: 2 }, want: { cpu: '2' } },
    { in: { cpu: 'lots' }, want: { cpu: 'lots' } },
  ];
  for (const c of cases) {
    const list = structuredClone(c.in);
    defaultResourceList(list);
    assert.deepEqual(list, c.want, JSON.stringify(c.in));
  }
});
