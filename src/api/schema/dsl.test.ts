import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SchemaDeclarationError,
  STANDARD_VERBS,
  apiVersionOf,
  effectiveListType,
  elementStruct,
  field,
  inline,
  int32,
  jsonOnly,
  kind,
  list,
  map,
  parseApiVersion,
  quantity,
  resolveType,
  string,
  struct,
  type StructType,
} from './dsl.js';

const Port: StructType = struct('test.v1.Port', 'A port.', {
  name: field(1, string, 'Port name.'),
  containerPort: field(3, int32, 'Port number.', { required: true }),
  protocol: field(4, string, 'Protocol.', { default: 'TCP' }),
});
const Source: StructType = struct('test.v1.Source', 'Inline source.', {
  hostPath: field(1, string, 'A host path.', { pointer: true }),
  emptyDir: field(2, string, 'An empty dir.', { pointer: true }),
});
const Volume: StructType = struct('test.v1.Volume', 'A volume.', {
  name: field(1, string, 'Volume name.', { required: true }),
  source: inline(2, () => Source),
});
const Tree: StructType = struct('test.v1.Tree', 'Recursive.', {
  kind: jsonOnly(string, 'Kind.'),
  children: field(
    1,
    list(() => Tree),
    'Children.',
  ),
  ports: field(
    2,
    list(() => Port),
    'Ports.',
    { patchStrategy: 'merge', patchMergeKey: 'containerPort' },
  ),
  limits: field(3, map(quantity), 'Limits.'),
});

test('field options default like Go: omitempty unless required, not a pointer', () => {
  const name = Port.property('name')!;
  const cp = Port.property('containerPort')!;
  assert.equal(name.omitempty, true);
  assert.equal(name.required, false);
  assert.equal(cp.omitempty, false);
  assert.equal(cp.required, true);
  assert.equal(cp.pointer, false);
  assert.equal(Port.property('protocol')!.default, 'TCP');
});

test('struct keeps declaration order and indexes fields by protobuf number', () => {
  assert.deepEqual(
    Port.fields.map((f) => f.name),
    ['name', 'containerPort', 'protocol'],
  );
  assert.equal(Port.fieldByNumber(3)?.name, 'containerPort');
  assert.equal(Port.fieldByNumber(2), undefined);
});

test('inline structs are flattened into the JSON properties but stay one protobuf field', () => {
  assert.deepEqual(
    Volume.properties().map((f) => f.name),
    ['name', 'hostPath', 'emptyDir'],
  );
  assert.equal(Volume.property('hostPath')?.pointer, true);
  assert.equal(Volume.property('source'), undefined);
  assert.equal(Volume.fieldByNumber(2)?.inline, true);
});

test('recursive declarations resolve lazily', () => {
  const children = Tree.property('children')!;
  assert.equal(elementStruct(children.type), Tree);
  assert.equal(resolveType(Tree.property('limits')!.type).kind, 'map');
  assert.equal(Tree.property('kind')!.number, undefined);
});

test('a protobuf number used twice is rejected', () => {
  assert.throws(
    () => struct('test.v1.Bad', 'Bad.', { a: field(1, string, 'A.'), b: field(1, string, 'B.') }),
    SchemaDeclarationError,
  );
});

test('an inline struct clashing with a JSON name is rejected on first use', () => {
  const Clash = struct('test.v1.Clash', 'Clash.', { hostPath: field(1, string, 'X.'), src: inline(2, Source) });
  assert.throws(() => Clash.properties(), /declared twice/);
});

test('field numbers must be positive integers', () => {
  assert.throws(() => field(0, string, 'zero'), SchemaDeclarationError);
  assert.throws(() => field(1.5, string, 'fraction'), SchemaDeclarationError);
});

test('effectiveListType derives SSA list semantics like upstream', () => {
  const cases: { name: string; opts: Parameters<typeof field>[3]; want: ReturnType<typeof effectiveListType> }[] = [
    {
      name: 'explicit map',
      opts: { listType: 'map', listMapKeys: ['a', 'b'] },
      want: { listType: 'map', keys: ['a', 'b'] },
    },
    {
      name: 'explicit atomic wins over merge',
      opts: { listType: 'atomic', patchStrategy: 'merge', patchMergeKey: 'a' },
      want: { listType: 'atomic', keys: [] },
    },
    {
      name: 'merge with key',
      opts: { patchStrategy: 'merge', patchMergeKey: 'name' },
      want: { listType: 'map', keys: ['name'] },
    },
    {
      name: 'merge,retainKeys with key',
      opts: { patchStrategy: ['merge', 'retainKeys'], patchMergeKey: 'name' },
      want: { listType: 'map', keys: ['name'] },
    },
    { name: 'merge without key', opts: { patchStrategy: 'merge' }, want: { listType: 'set', keys: [] } },
    { name: 'nothing', opts: {}, want: { listType: 'atomic', keys: [] } },
  ];
  for (const c of cases) {
    const s = struct('test.v1.L', 'L.', { l: field(1, list(string), 'L.', c.opts) });
    assert.deepEqual(effectiveListType(s.property('l')!), c.want, c.name);
  }
});

test('kind fills resource defaults', () => {
  const k = kind(Port, { group: 'test', version: 'v1', kind: 'Port', plural: 'ports' });
  assert.deepEqual(k.gvk, { group: 'test', version: 'v1', kind: 'Port' });
  assert.equal(k.resource?.singular, 'port');
  assert.equal(k.resource?.namespaced, true);
  assert.deepEqual(k.resource?.verbs, STANDARD_VERBS);
  assert.equal(kind(Port, { group: 'test', version: 'v1', kind: 'PortOptions' }).resource, undefined);
});

test('apiVersion helpers handle the core group', () => {
  assert.equal(apiVersionOf('', 'v1'), 'v1');
  assert.equal(apiVersionOf('apps', 'v1'), 'apps/v1');
  assert.deepEqual(parseApiVersion('v1'), { group: '', version: 'v1' });
  assert.deepEqual(parseApiVersion('rbac.authorization.k8s.io/v1'), {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
  });
});
