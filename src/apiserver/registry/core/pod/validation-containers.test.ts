import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import { defaultContainer } from './defaults.js';
import type { JsonRecord } from './json.js';
import { validateContainers, validateInitContainers } from './validation-containers.js';

const defaulted = (...containers: JsonRecord[]): JsonRecord[] => containers.map((c) => (defaultContainer(c), c));

test('restartable init containers (sidecars) may have probes and lifecycle hooks', () => {
  const init = defaulted({
    name: 'side',
    image: 'x',
    restartPolicy: 'Always',
    readinessProbe: { exec: { command: ['true'] } },
    lifecycle: { preStop: { sleep: { seconds: 5 } } },
  });
  assert.deepEqual(validateInitContainers(init, [], new Map(), 30, root('spec', 'initContainers')), []);
  const bad = defaulted({
    name: 'side',
    image: 'x',
    restartPolicy: 'OnFailure',
    lifecycle: { preStop: { sleep: { seconds: 5 } } },
  });
  assert.deepEqual(validateInitContainers(bad, [], new Map(), 30, root('spec', 'initContainers')).map(errorToString), [
    'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
  ]);
});

test('regular containers: lifecycle hooks, restartPolicy, pull policy', () => {
  const cs = defaulted(
    {
      name: 'a',
      image: 'x',
      lifecycle: { postStart: { exec: {}, httpGet: { port: 'http' } } },
      restartPolicy: 'Always',
    },
    { name: 'b', image: 'x', imagePullPolicy: 'Sometimes', lifecycle: { preStop: { sleep: { seconds: 60 } } } },
  );
  assert.deepEqual(validateContainers(cs, new Map(), 30, root('spec', 'containers')).map(errorToString), [
    'spec.containers[0].lifecycle.postStart.exec.command: Required value',
    'spec.containers[0].lifecycle.postStart.httpGet: Forbidden: may not specify more than 1 handler type',
    'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    'spec.containers[1].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    'spec.containers[1].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
  ]);
});
