import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePodQOS } from './qos.js';

const c = (requests?: Record<string, string>, limits?: Record<string, string>) => ({
  name: 'c',
  image: 'x',
  resources: { requests, limits },
});

test('computePodQOS classifies pods as upstream', () => {
  const cases = [
    { name: 'nothing asked', spec: { containers: [c()] }, want: 'BestEffort' },
    { name: 'only other resources', spec: { containers: [c({ 'ephemeral-storage': '1Gi' })] }, want: 'BestEffort' },
    {
      name: 'requests equal limits',
      spec: { containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] },
      want: 'Guaranteed',
    },
    {
      name: 'equal in other units',
      spec: { containers: [c({ cpu: '1000m', memory: '1024Mi' }, { cpu: '1', memory: '1Gi' })] },
      want: 'Guaranteed',
    },
    {
      name: 'requests below limits',
      spec: { containers: [c({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] },
      want: 'Burstable',
    },
    { name: 'memory limit missing', spec: { containers: [c({ cpu: '1' }, { cpu: '1' })] }, want: 'Burstable' },
    {
      name: 'one container best effort',
      spec: { containers: [c({ cpu: '1', memory: '1' }, { cpu: '1', memory: '1' }), c()] },
      want: 'Burstable',
    },
    {
      name: 'init container counts',
      spec: {
        containers: [c({ cpu: '1', memory: '1' }, { cpu: '1', memory: '1' })],
        initContainers: [c({ cpu: '1' })],
      },
      want: 'Burstable',
    },
    { name: 'zero requests are ignored', spec: { containers: [c({ cpu: '0' })] }, want: 'BestEffort' },
  ];
  for (const t of cases) assert.equal(computePodQOS(t.spec), t.want, t.name);
});
