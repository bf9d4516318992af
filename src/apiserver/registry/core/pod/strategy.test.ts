import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { initialPodStatus, podFields, podGracePeriod, podStatusStrategy, podStrategy } from './strategy.js';

const ctx = { namespace: 'default', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };

test('podGracePeriod follows CheckGracefulDelete', () => {
  const cases: { name: string; spec: Record<string, unknown>; phase?: string; requested?: number; want: number }[] = [
    {
      name: 'scheduled pod uses its grace period',
      spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 },
      want: 30,
    },
    { name: 'request overrides', spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 }, requested: 5, want: 5 },
    { name: 'unscheduled pod goes at once', spec: { terminationGracePeriodSeconds: 30 }, want: 0 },
    {
      name: 'succeeded pod goes at once',
      spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 },
      phase: 'Succeeded',
      want: 0,
    },
    {
      name: 'failed pod goes at once',
      spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 },
      phase: 'Failed',
      want: 0,
    },
    { name: 'negative becomes 1', spec: { nodeName: 'n', terminationGracePeriodSeconds: -3 }, want: 1 },
    { name: 'negative request becomes 1', spec: { nodeName: 'n' }, requested: -1, want: 1 },
    { name: 'no grace period at all', spec: { nodeName: 'n' }, want: 0 },
  ];
  for (const c of cases) {
    const pod: KObject = { metadata: { name: 'p' }, spec: c.spec, status: { phase: c.phase ?? 'Running' } };
    assert.equal(podGracePeriod(pod, { gracePeriodSeconds: c.requested }), c.want, c.name);
  }
});

test('podFields exposes the selectable pod fields, even on an empty object', () => {
  assert.deepEqual(podFields({ metadata: {} }), {
    'spec.nodeName': '',
    'spec.restartPolicy': '',
    'spec.schedulerName': '',
    'spec.serviceAccountName': '',
    'spec.hostNetwork': 'false',
    'status.phase': '',
    'status.podIP': '',
    'status.nominatedNodeName': '',
  });
  const pod: KObject = {
    metadata: {},
    spec: { nodeName: 'n1', restartPolicy: 'Always', hostNetwork: true },
    status: { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] },
  };
  const f = podFields(pod);
  assert.equal(f['spec.nodeName'], 'n1');
  assert.equal(f['spec.hostNetwork'], 'true');
  assert.equal(f['status.podIP'], '10.0.0.1');
});

test('a new pod starts Pending with its QoS class; scheduling gates add PodScheduled=False', () => {
  assert.deepEqual(initialPodStatus({ containers: [{ name: 'c' }] }), { phase: 'Pending', qosClass: 'BestEffort' });
  const gated = initialPodStatus({ containers: [], schedulingGates: [{ name: 'g' }] });
  assert.deepEqual(gated.conditions, [
    {
      type: 'PodScheduled',
      status: 'False',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    },
  ]);
  const pod: KObject = {
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'x' }] },
    status: { phase: 'Running' },
  };
  podStrategy.defaults!(pod);
  podStrategy.prepareForCreate!(pod, ctx);
  assert.deepEqual(pod.status, { phase: 'Pending', qosClass: 'BestEffort' });
});

test('spec updates keep the status; status updates keep the spec and backfill the QoS class', () => {
  const old: KObject = {
    metadata: { name: 'p', ownerReferences: [] },
    spec: { nodeName: 'a' },
    status: { phase: 'Running', qosClass: 'Burstable' },
  };
  const next: KObject = { metadata: { name: 'p' }, spec: { nodeName: 'a' }, status: { phase: 'Failed' } };
  podStrategy.prepareForUpdate!(next, old, ctx);
  assert.deepEqual(next.status, old.status);
  const viaStatus: KObject = { metadata: { name: 'p' }, spec: { nodeName: 'b' }, status: { phase: 'Succeeded' } };
  podStatusStrategy.prepareForUpdate!(viaStatus, old, ctx);
  assert.deepEqual(viaStatus.spec, { nodeName: 'a' });
  assert.deepEqual(viaStatus.status, { phase: 'Succeeded', qosClass: 'Burstable' });
  assert.deepEqual(viaStatus.metadata.ownerReferences, []);
});

test('pod names that are not DNS labels get a warning on create', () => {
  assert.deepEqual(podStrategy.warnings!({ metadata: { name: 'web' } }), []);
  assert.deepEqual(podStrategy.warnings!({ metadata: { name: 'web.1' } }), [
    "metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
  ]);
});
