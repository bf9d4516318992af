import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../field-errors.js';
import {
  isCIdentifier,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isInRange,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPathSegmentPrefix,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  validateAnnotations,
  validateFinalizers,
  validateImmutableField,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateOwnerReferences,
} from './names.js';

const SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_ERR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

test('regexError formats examples as upstream, doubled space included', () => {
  assert.equal(regexError('msg', 're'), "msg (regex used for validation is 're')");
  assert.equal(regexError('msg', 're', 'a', 'b'), "msg (e.g. 'a',  or 'b', regex used for validation is 're')");
});

test('isDNS1123Subdomain', () => {
  const cases: { input: string; want: string[] }[] = [
    { input: 'example.com', want: [] },
    { input: 'a', want: [] },
    { input: 'a-b.c-d', want: [] },
    { input: '1.2.3', want: [] },
    { input: 'A', want: [SUBDOMAIN_ERR] },
    { input: '', want: [SUBDOMAIN_ERR] },
    { input: 'a..b', want: [SUBDOMAIN_ERR] },
    { input: '-a', want: [SUBDOMAIN_ERR] },
    { input: 'a_b', want: [SUBDOMAIN_ERR] },
    { input: 'a'.repeat(253), want: [] },
    { input: 'a'.repeat(254), want: ['must be no more than 253 characters'] },
  ];
  for (const c of cases) assert.deepEqual(isDNS1123Subdomain(c.input), c.want, c.input);
});

test('isDNS1123Label', () => {
  const cases: { input: string; want: string[] }[] = [
    { input: 'my-name', want: [] },
    { input: '123-abc', want: [] },
    { input: 'a.b', want: ['must not contain dots'] },
    { input: 'Abc', want: [LABEL_ERR] },
    { input: 'a-', want: [LABEL_ERR] },
    { input: 'a'.repeat(63), want: [] },
    { input: 'a'.repeat(64), want: ['must be no more than 63 characters'] },
  ];
  for (const c of cases) assert.deepEqual(isDNS1123Label(c.input), c.want, c.input);
});

test('isDNS1035Label', () => {
  assert.deepEqual(isDNS1035Label('my-name'), []);
  assert.deepEqual(isDNS1035Label('1abc'), [DNS1035_ERR]);
  assert.deepEqual(isDNS1035Label('a'.repeat(64)), ['must be no more than 63 characters']);
});

test('isQualifiedName', () => {
  const cases: { input: string; want: string[] }[] = [
    { input: 'app', want: [] },
    { input: 'MyName', want: [] },
    { input: 'my.name_x-1', want: [] },
    { input: 'example.com/MyName', want: [] },
    { input: 'a b', want: [NAME_PART_ERR] },
    { input: '-a', want: [NAME_PART_ERR] },
    { input: '', want: ['name part must be non-empty', NAME_PART_ERR] },
    { input: 'a'.repeat(64), want: ['name part must be no more than 63 characters'] },
    { input: '/a', want: ['prefix part must be non-empty'] },
    { input: 'Example.com/a', want: ['prefix part ' + SUBDOMAIN_ERR] },
    { input: 'example.com/', want: ['name part must be non-empty', NAME_PART_ERR] },
    {
      input: 'a/b/c',
      want: [
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(isQualifiedName(c.input), c.want, c.input);
});

test('isValidLabelValue', () => {
  assert.deepEqual(isValidLabelValue(''), []);
  assert.deepEqual(isValidLabelValue('v1.2_3-x'), []);
  assert.deepEqual(isValidLabelValue('a b'), [VALUE_ERR]);
  assert.deepEqual(isValidLabelValue('a'.repeat(64)), ['must be no more than 63 characters']);
  assert.deepEqual(isValidLabelValue('-'.repeat(64)), ['must be no more than 63 characters', VALUE_ERR]);
});

test('other string validators', () => {
  assert.deepEqual(isWildcardDNS1123Subdomain('*.example.com'), []);
  assert.equal(isWildcardDNS1123Subdomain('example.com').length, 1);
  assert.deepEqual(isCIdentifier('MY_VAR'), []);
  assert.deepEqual(isCIdentifier('1x'), [
    "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')",
  ]);
  assert.deepEqual(isValidPortNum(80), []);
  assert.deepEqual(isValidPortNum(0), ['must be between 1 and 65535, inclusive']);
  assert.deepEqual(isInRange(5, 1, 3), ['must be between 1 and 3, inclusive']);
});

test('path segment names', () => {
  const cases: { input: string; want: string[]; prefix: string[] }[] = [
    { input: 'ok', want: [], prefix: [] },
    { input: '.', want: ["may not be '.'"], prefix: [] },
    { input: '..', want: ["may not be '..'"], prefix: [] },
    { input: 'a/b', want: ["may not contain '/'"], prefix: ["may not contain '/'"] },
    {
      input: 'a%b/',
      want: ["may not contain '/'", "may not contain '%'"],
      prefix: ["may not contain '/'", "may not contain '%'"],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(isValidPathSegmentName(c.input), c.want, c.input);
    assert.deepEqual(isValidPathSegmentPrefix(c.input), c.prefix, `${c.input} (prefix)`);
  }
});

test('name functions allow a trailing dash in generateName only', () => {
  assert.deepEqual(nameIsDNSSubdomain('web-', true), []);
  assert.deepEqual(nameIsDNSSubdomain('web-', false), [SUBDOMAIN_ERR]);
  assert.deepEqual(nameIsDNSLabel('web-', true), []);
  assert.deepEqual(nameIsDNS1035Label('svc-', true), []);
  assert.deepEqual(nameIsDNS1035Label('1svc', false), [DNS1035_ERR]);
});

const strings = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

test('validateObjectMeta reports upstream messages', () => {
  const sub = { namespaced: true, nameFn: nameIsDNSSubdomain };
  const cluster = { namespaced: false, nameFn: nameIsDNSSubdomain };
  const cases: { name: string; meta: Parameters<typeof validateObjectMeta>[0]; opts: typeof sub; want: string[] }[] = [
    { name: 'valid', meta: { name: 'web', namespace: 'default', labels: { app: 'web' } }, opts: sub, want: [] },
    {
      name: 'no name',
      meta: { namespace: 'default' },
      opts: sub,
      want: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      name: 'bad name',
      meta: { name: 'Web', namespace: 'default' },
      opts: sub,
      want: [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_ERR}`],
    },
    {
      name: 'bad generateName',
      meta: { name: 'x', generateName: 'Web-', namespace: 'default' },
      opts: sub,
      want: [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_ERR}`],
    },
    { name: 'namespace required', meta: { name: 'web' }, opts: sub, want: ['metadata.namespace: Required value'] },
    {
      name: 'bad namespace',
      meta: { name: 'web', namespace: 'a.b' },
      opts: sub,
      want: ['metadata.namespace: Invalid value: "a.b": must not contain dots'],
    },
    {
      name: 'namespace forbidden on cluster-scoped',
      meta: { name: 'n1', namespace: 'default' },
      opts: cluster,
      want: ['metadata.namespace: Forbidden: not allowed on this type'],
    },
    {
      name: 'negative generation',
      meta: { name: 'web', namespace: 'default', generation: -1 },
      opts: sub,
      want: ['metadata.generation: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'bad label key and value',
      meta: { name: 'web', namespace: 'default', labels: { 'a b': 'c d' } },
      opts: sub,
      want: [
        `metadata.labels: Invalid value: "a b": ${NAME_PART_ERR}`,
        `metadata.labels: Invalid value: "c d": ${VALUE_ERR}`,
      ],
    },
    {
      name: 'bad finalizer',
      meta: { name: 'web', namespace: 'default', finalizers: ['a b'] },
      opts: sub,
      want: [`metadata.finalizers: Invalid value: "a b": ${NAME_PART_ERR}`],
    },
  ];
  for (const c of cases) assert.deepEqual(strings(validateObjectMeta(c.meta, c.opts)), c.want, c.name);
});

test('validateObjectMeta uses the given path', () => {
  const errs = validateObjectMeta(
    {},
    { namespaced: false, nameFn: nameIsDNSSubdomain },
    root('spec', 'template', 'metadata'),
  );
  assert.deepEqual(strings(errs), ['spec.template.metadata.name: Required value: name or generateName is required']);
  assert.equal(errs[0]!.type, 'FieldValueRequired');
});

test('validateLabels and validateAnnotations', () => {
  assert.deepEqual(validateLabels({ 'app.kubernetes.io/name': 'web' }, root('l')), []);
  assert.deepEqual(validateAnnotations({ 'Example.com/Key': 'anything at all, even spaces' }, root('a')), []);
  assert.deepEqual(strings(validateAnnotations({ 'a b': 'x' }, root('a'))), [
    `a: Invalid value: "a b": ${NAME_PART_ERR}`,
  ]);
  const big = { k: 'x'.repeat(256 * 1024) };
  assert.deepEqual(strings(validateAnnotations(big, root('metadata', 'annotations'))), [
    'metadata.annotations: Too long: may not be more than 262144 bytes',
  ]);
  assert.deepEqual(validateAnnotations({ k: 'x'.repeat(256 * 1024 - 1) }, root('a')), []);
});

test('validateOwnerReferences', () => {
  const ok = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true };
  const path = root('metadata', 'ownerReferences');
  assert.deepEqual(validateOwnerReferences([ok], path), []);
  assert.deepEqual(strings(validateOwnerReferences([{ apiVersion: '', kind: '', name: '', uid: '' }], path)), [
    'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
    'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
    'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
    'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
  ]);
  const event = validateOwnerReferences([{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }], path);
  assert.equal(event.length, 1);
  assert.match(
    event[0]!.toString(),
    /^metadata\.ownerReferences: Invalid value: .*: \/v1, Kind=Event is disallowed from being an owner$/,
  );
  const two = validateOwnerReferences([ok, { ...ok, kind: 'StatefulSet', name: 'ss', uid: 'u2' }], path);
  assert.equal(two.length, 1);
  assert.match(
    two[0]!.toString(),
    /: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/rs and StatefulSet\/ss$/,
  );
});

test('validateFinalizers rejects orphan together with foregroundDeletion', () => {
  assert.deepEqual(strings(validateFinalizers(['orphan', 'foregroundDeletion'], root('metadata', 'finalizers'))), [
    'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
  ]);
  assert.deepEqual(validateFinalizers(['kubernetes.io/pvc-protection', 'orphan'], root('f')), []);
});

test('validateObjectMetaUpdate', () => {
  const old = {
    name: 'web',
    namespace: 'default',
    uid: 'u1',
    resourceVersion: '5',
    generation: 2,
    creationTimestamp: '2024-01-01T00:00:00Z',
  };
  assert.deepEqual(validateObjectMetaUpdate({ ...old, labels: { a: 'b' } }, old), []);
  assert.deepEqual(
    strings(validateObjectMetaUpdate({ ...old, name: 'other', uid: 'u2', resourceVersion: '', generation: 1 }, old)),
    [
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.generation: Invalid value: 1: must not be decremented',
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ],
  );
  const deleting = { ...old, deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['a.io/x'] };
  assert.deepEqual(
    strings(validateObjectMetaUpdate({ ...deleting, finalizers: ['a.io/x', 'c.io/z', 'b.io/y'] }, deleting)),
    [
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y", "c.io/z"}',
    ],
  );
});

test('validateImmutableField treats absent, null and empty as equal', () => {
  assert.deepEqual(validateImmutableField(undefined, '', root('x')), []);
  assert.deepEqual(validateImmutableField(null, undefined, root('x')), []);
  assert.deepEqual(validateImmutableField({ a: [1] }, { a: [1] }, root('x')), []);
  assert.equal(
    validateImmutableField(3, undefined, root('x')).map(errorToString)[0],
    'x: Invalid value: 3: field is immutable',
  );
});
