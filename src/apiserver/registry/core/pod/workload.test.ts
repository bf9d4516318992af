import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { labelSelectorScale, statusStrategy, validateImmutable, validateRequiredSelector } from './workload.js';

const ctx = { namespace: 'default', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };

test('the Scale view of a label-selector kind', () => {
  const obj: KObject = {
    metadata: {},
    spec: {
      replicas: 2,
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }],
      },
    },
    status: { replicas: 1 },
  };
  assert.equal(labelSelectorScale.specReplicas(obj), 2);
  assert.equal(labelSelectorScale.statusReplicas(obj), 1);
  assert.equal(labelSelectorScale.selector(obj), 'app=web,tier in (a,b)');
  labelSelectorScale.setSpecReplicas(obj, 5);
  assert.equal((obj.spec as { replicas: number }).replicas, 5);
  assert.equal(labelSelectorScale.statusReplicas({ metadata: {} }), 0);
});

test('required selectors', () => {
  assert.deepEqual(validateRequiredSelector(undefined, root('spec', 'selector'), 'empty').errs.map(errorToString), [
    'spec.selector: Required value',
  ]);
  assert.deepEqual(validateRequiredSelector({}, root('spec', 'selector'), 'empty selector').errs.map(errorToString), [
    'spec.selector: Invalid value: {}: empty selector',
  ]);
  assert.equal(
    validateRequiredSelector({ matchExpressions: [{ key: 'a', operator: 'Bad' }] }, root('s'), 'e').selector,
    undefined,
  );
});

test('status strategies keep the spec and validate the status', () => {
  const s = statusStrategy(() => [], { keepLabels: true });
  const old: KObject = { metadata: { labels: { a: 'b' } }, spec: { replicas: 1 } };
  const next: KObject = { metadata: { labels: { c: 'd' } }, spec: { replicas: 9 }, status: { replicas: 1 } };
  s.prepareForUpdate!(next, old, ctx);
  assert.deepEqual(next, { metadata: { labels: { a: 'b' } }, spec: { replicas: 1 }, status: { replicas: 1 } });
});

test('validateImmutable compares semantically and prints maps in Go order', () => {
  assert.deepEqual(validateImmutable({ a: [], b: 1 }, { b: 1 }, root('x')), []);
  assert.deepEqual(validateImmutable({ z: 1, a: 2 }, { a: 1 }, root('x')).map(errorToString), [
    'x: Invalid value: {"a":2,"z":1}: field is immutable',
  ]);
});
