import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { priorityClassStrategy, validatePriorityClass, validatePriorityClassUpdate } from './strategy.js';

const pc = (name: string, fields: Record<string, unknown>): KObject => ({ metadata: { name }, ...fields });

test('priority class validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    { name: 'user class', obj: pc('high', { value: 1000 }), want: [] },
    { name: 'built-in class', obj: pc('system-node-critical', { value: 2000001000 }), want: [] },
    {
      name: 'reserved prefix',
      obj: pc('system-mine', { value: 1 }),
      want: [
        "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
      ],
    },
    {
      name: 'built-in class with another value',
      obj: pc('system-cluster-critical', { value: 5 }),
      want: [
        "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-cluster-critical PriorityClass must be 2000000000",
      ],
    },
    {
      name: 'too high',
      obj: pc('huge', { value: 1000000001 }),
      want: ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000'],
    },
    {
      name: 'unknown preemption policy',
      obj: pc('p', { value: 1, preemptionPolicy: 'Sometimes' }),
      want: ['preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"'],
    },
  ];
  for (const c of cases) assert.deepEqual(validatePriorityClass(c.obj).map(String), c.want, c.name);
});

test('priority class defaults and immutable value', () => {
  const obj = pc('high', { value: 10 });
  priorityClassStrategy.defaults!(obj);
  assert.equal(obj.preemptionPolicy, 'PreemptLowerPriority');
  assert.deepEqual(
    validatePriorityClassUpdate(pc('high', { value: 11, preemptionPolicy: 'PreemptLowerPriority' }), obj).map(String),
    ['value: Forbidden: may not be changed in an update.'],
  );
});
