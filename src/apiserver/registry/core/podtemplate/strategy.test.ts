import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { podTemplateStrategy, validatePodTemplate } from './strategy.js';

test('pod templates are defaulted and validated under `template`', () => {
  const obj: KObject = { metadata: { name: 't' }, template: { spec: { containers: [{ name: 'c', image: 'x' }] } } };
  podTemplateStrategy.defaults!(obj);
  assert.equal((obj.template as { spec: { restartPolicy: string } }).spec.restartPolicy, 'Always');
  assert.deepEqual(validatePodTemplate(obj), []);
  const empty: KObject = { metadata: { name: 't' } };
  podTemplateStrategy.defaults!(empty);
  assert.deepEqual(validatePodTemplate(empty).map(errorToString), ['template.spec.containers: Required value']);
});
