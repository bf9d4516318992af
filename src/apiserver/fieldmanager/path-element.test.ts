import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FieldsV1Error,
  comparePathElements,
  fieldElement,
  indexElement,
  keyElement,
  makePath,
  parsePathElement,
  pathString,
  serializePathElement,
  valueElement,
  type PathElement,
} from './path-element.js';

test('path elements serialize as upstream fieldsV1 keys and parse back', () => {
  const cases: { name: string; pe: PathElement; want: string }[] = [
    { name: 'field', pe: fieldElement('containers'), want: 'f:containers' },
    { name: 'field with dots and slashes', pe: fieldElement('kubectl.kubernetes.io/last-applied-configuration'), want: 'f:kubectl.kubernetes.io/last-applied-configuration' },
    { name: 'one key', pe: keyElement([{ name: 'name', value: 'web' }]), want: 'k:{"name":"web"}' },
    {
      name: 'keys are sorted by name',
      pe: keyElement([
        { name: 'protocol', value: 'TCP' },
        { name: 'containerPort', value: 80 },
      ]),
      want: 'k:{"containerPort":80,"protocol":"TCP"}',
    },
    { name: 'string value', pe: valueElement('kubernetes.io/pv-protection'), want: 'v:"kubernetes.io/pv-protection"' },
    { name: 'html is escaped like Go', pe: valueElement('a<b>&c'), want: 'v:"a\\u003cb\\u003e\\u0026c"' },
    { name: 'number value', pe: valueElement(3.1415), want: 'v:3.1415' },
    { name: 'boolean value', pe: valueElement(false), want: 'v:false' },
    { name: 'index', pe: indexElement(5), want: 'i:5' },
  ];
  for (const c of cases) {
    assert.equal(serializePathElement(c.pe), c.want, c.name);
    assert.deepEqual(parsePathElement(c.want), c.pe, `${c.name} (parse)`);
  }
});

test('parsePathElement ignores unknown element types and rejects malformed ones', () => {
  assert.equal(parsePathElement('x:whatever'), undefined);
  assert.equal(parsePathElement('no-colon'), undefined);
  for (const bad of ['f', 'k:{"name"', 'k:["a"]', 'v:nope', 'i:1.5']) {
    assert.throws(() => parsePathElement(bad), FieldsV1Error, bad);
  }
});

test('paths print as conflict messages show them', () => {
  const cases: { path: PathElement[]; want: string }[] = [
    { path: [...makePath('data', 'a')], want: '.data.a' },
    {
      path: [...makePath('spec', 'template', 'spec', 'containers'), keyElement([{ name: 'name', value: 'web' }]), fieldElement('image')],
      want: '.spec.template.spec.containers[name="web"].image',
    },
    {
      path: [fieldElement('ports'), keyElement([{ name: 'protocol', value: 'TCP' }, { name: 'containerPort', value: 80 }])],
      want: '.ports[containerPort=80,protocol="TCP"]',
    },
    { path: [...makePath('metadata', 'finalizers'), valueElement('a/b')], want: '.metadata.finalizers[="a/b"]' },
    { path: [fieldElement('args'), indexElement(2)], want: '.args[2]' },
  ];
  for (const c of cases) assert.equal(pathString(c.path), c.want);
});

test('path elements order fields, then keys, then values, then indexes', () => {
  const sorted = [
    fieldElement('a'),
    fieldElement('b'),
    keyElement([{ name: 'name', value: 'a' }]),
    keyElement([{ name: 'name', value: 'b' }]),
    keyElement([{ name: 'name', value: 'b' }, { name: 'port', value: 1 }]),
    valueElement(2),
    valueElement(10),
    valueElement('a'),
    valueElement(true),
    indexElement(0),
  ];
  const shuffled = [...sorted].reverse();
  assert.deepEqual(shuffled.sort(comparePathElements).map(serializePathElement), sorted.map(serializePathElement));
});
