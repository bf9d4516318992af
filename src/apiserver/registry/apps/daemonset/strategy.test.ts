import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import type { JsonRecord } from '../../core/pod/json.js';
import { daemonSetStrategy, TEMPLATE_GENERATION_ANNOTATION } from './strategy.js';
import { validateDaemonSet, validateDaemonSetUpdate } from './validation.js';

const ctx = { namespace: 'default', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };

function ds(edit: (spec: JsonRecord) => void = () => {}): KObject {
  const spec: JsonRecord = {
    selector: { matchLabels: { app: 'agent' } },
    template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent:1' }] } },
  };
  edit(spec);
  const obj: KObject = { metadata: { name: 'agent', namespace: 'default' }, spec };
  daemonSetStrategy.defaults!(obj);
  return obj;
}

test('defaults and the template generation annotation', () => {
  const obj = ds();
  assert.deepEqual((obj.spec as JsonRecord).updateStrategy, {
    type: 'RollingUpdate',
    rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
  });
  assert.equal((obj.spec as JsonRecord).revisionHistoryLimit, 10);
  daemonSetStrategy.prepareForCreate!(obj, ctx);
  assert.equal(obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION], '1');
  assert.deepEqual(obj.status, {});

  const relabeled = ds();
  relabeled.metadata.annotations = { ...obj.metadata.annotations, note: 'x' };
  daemonSetStrategy.prepareForUpdate!(relabeled, obj, ctx);
  assert.equal(relabeled.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION], '1');

  const newImage = ds(
    (s) => ((((s.template as JsonRecord).spec as JsonRecord).containers as JsonRecord[])[0]!.image = 'agent:2'),
  );
  daemonSetStrategy.prepareForUpdate!(newImage, obj, ctx);
  assert.equal(newImage.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION], '2');
});

test('daemonset validation reports upstream messages', () => {
  const cases: { name: string; edit: (s: JsonRecord) => void; want: string[] }[] = [
    { name: 'valid', edit: () => {}, want: [] },
    {
      name: 'empty selector',
      edit: (s) => (s.selector = {}),
      want: ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset'],
    },
    {
      name: 'mismatch',
      edit: (s) => (s.selector = { matchLabels: { app: 'x' } }),
      want: [
        'spec.template.metadata.labels: Invalid value: {"app":"agent"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'surge and unavailability together',
      edit: (s) => (s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } }),
      want: [
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
      ],
    },
    {
      name: 'neither',
      edit: (s) => (s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }),
      want: ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    },
    {
      name: 'unknown strategy',
      edit: (s) => (s.updateStrategy = { type: 'Sometimes' }),
      want: [
        'spec.updateStrategy: Unsupported value: {"type":"Sometimes"}: supported values: "RollingUpdate", "OnDelete"',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateDaemonSet(ds(c.edit)).map(errorToString), c.want, c.name);
  const moved = ds((s) => {
    s.selector = { matchLabels: { app: 'agent', v: '2' } };
    ((s.template as JsonRecord).metadata as JsonRecord).labels = { app: 'agent', v: '2' };
  });
  assert.deepEqual(validateDaemonSetUpdate(moved, ds()).map(errorToString), [
    'spec.selector: Invalid value: {"matchLabels":{"app":"agent","v":"2"}}: field is immutable',
  ]);
});
