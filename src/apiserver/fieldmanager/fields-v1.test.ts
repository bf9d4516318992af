import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsV1ToSet, setToFieldsV1 } from './fields-v1.js';
import { FieldsV1Error, pathString } from './path-element.js';

// What the Go API server stores for `kubectl create deployment nginx --image=nginx --port=80` (after defaulting),
// in the exact key order it writes.
const DEPLOYMENT_CREATE =
  '{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},' +
  '"f:revisionHistoryLimit":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},' +
  '"f:maxUnavailable":{}},"f:type":{}},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":' +
  '{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},' +
  '"f:ports":{".":{},"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{},' +
  '"f:protocol":{}}},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},' +
  '"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},' +
  '"f:terminationGracePeriodSeconds":{}}}}}';

test('fieldsV1 round-trips byte for byte in upstream key order', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'deployment created by kubectl', text: DEPLOYMENT_CREATE },
    { name: 'applied configmap', text: '{"f:data":{"f:a":{},"f:b":{}},"f:metadata":{"f:labels":{"f:team":{}}}}' },
    { name: 'set items', text: '{"f:metadata":{"f:finalizers":{".":{},"v:\\"a\\"":{},"v:\\"b\\"":{}}}}' },
    { name: 'values order numbers before booleans', text: '{"v:3":{"f:alsoPi":{}},"v:3.1415":{"f:pi":{}},"v:false":{"f:notTrue":{}}}' },
    { name: 'indexes', text: '{"i:5":{"f:i":{}}}' },
    { name: 'empty', text: '{}' },
  ];
  for (const c of cases) assert.equal(JSON.stringify(setToFieldsV1(fieldsV1ToSet(JSON.parse(c.text)))), c.text, c.name);
});

test('fieldsV1 decodes members, prefixes and "." markers', () => {
  const set = fieldsV1ToSet(JSON.parse(DEPLOYMENT_CREATE));
  const paths = set.paths().map(pathString);
  assert.ok(paths.includes('.metadata.labels'), 'a "." marks the labels map itself');
  assert.ok(paths.includes('.metadata.labels.app'));
  assert.ok(!paths.includes('.metadata'), 'metadata only has children');
  assert.ok(paths.includes('.spec.template.spec.containers[name="nginx"]'));
  assert.ok(paths.includes('.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"].protocol'));
  assert.ok(paths.includes('.spec.selector'));
});

test('fieldsV1 encoding sorts keys and drops unknown element types', () => {
  const cases: { name: string; input: unknown; want: string }[] = [
    { name: 'unsorted input', input: { 'f:b': {}, 'f:a': { 'f:y': {}, 'f:x': {} } }, want: '{"f:a":{"f:x":{},"f:y":{}},"f:b":{}}' },
    { name: 'key order inside k:', input: { 'k:{"protocol":"TCP","containerPort":80}': {} }, want: '{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{}}' },
    { name: 'unknown types', input: { 'x:future': {}, 'f:a': {} }, want: '{"f:a":{}}' },
    { name: 'null', input: null, want: '{}' },
  ];
  for (const c of cases) assert.equal(JSON.stringify(setToFieldsV1(fieldsV1ToSet(c.input))), c.want, c.name);
});

test('malformed fieldsV1 is an error', () => {
  for (const bad of ['x', [], { 'f:a': 1 }, { 'k:{bad': {} }, { 'i:x': {} }]) {
    assert.throws(() => fieldsV1ToSet(bad), FieldsV1Error, JSON.stringify(bad));
  }
});
