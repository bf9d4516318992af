import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import { defaultPodSpec } from './defaults.js';
import type { JsonRecord } from './json.js';
import { validatePodSpec } from './validation-spec.js';

function spec(extra: JsonRecord): JsonRecord {
  const s: JsonRecord = { containers: [{ name: 'c', image: 'x' }], ...extra };
  defaultPodSpec(s);
  return s;
}

test('pod spec fields beyond containers', () => {
  const cases: { name: string; spec: JsonRecord; want: string[] }[] = [
    {
      name: 'dns None needs a config',
      spec: spec({ dnsPolicy: 'None' }),
      want: ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
    },
    {
      name: 'dns config limits',
      spec: spec({
        dnsConfig: { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'], options: [{ value: 'x' }] },
      }),
      want: [
        'spec.dnsConfig.nameservers: Invalid value: []string{"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"}: must not have more than 3 nameservers',
        'spec.dnsConfig.options[0]: Required value: must not be empty',
      ],
    },
    {
      name: 'security context ids',
      spec: spec({ securityContext: { runAsUser: -1 } }),
      want: ['spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive'],
    },
    {
      name: 'os',
      spec: spec({ os: { name: 'plan9' } }),
      want: ['spec.os: Unsupported value: "plan9": supported values: "linux", "windows"'],
    },
    {
      name: 'preemption policy',
      spec: spec({ preemptionPolicy: 'Sometimes' }),
      want: [
        'spec.preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
      ],
    },
    {
      name: 'duplicate scheduling gates',
      spec: spec({ schedulingGates: [{ name: 'a' }, { name: 'a' }] }),
      want: ['spec.schedulingGates[1]: Duplicate value: "a"'],
    },
    {
      name: 'grace period required',
      spec: { ...spec({}), terminationGracePeriodSeconds: null },
      want: ['spec.terminationGracePeriodSeconds: Required value'],
    },
    {
      name: 'image pull secrets',
      spec: spec({ imagePullSecrets: [{ name: 'a', extra: 1 }] }),
      want: ['spec.imagePullSecrets[0]: Invalid value: {"name":"a","extra":1}: only name may be set'],
    },
  ];
  for (const c of cases) assert.deepEqual(validatePodSpec(c.spec, root('spec')).map(errorToString), c.want, c.name);
});

test('host network ports: templates may leave hostPort unset, pods may not differ', () => {
  const s = spec({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }] }] });
  assert.deepEqual(validatePodSpec(s, root('spec')), []);
  assert.deepEqual(validatePodSpec(s, root('spec'), { resourceIsPod: true }).map(errorToString), [
    'spec.containers[0].ports[0].hostPort: Invalid value: 0: must match `containerPort` when `hostNetwork` is true',
  ]);
});
