import { test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import YAML from 'yaml';
import { buildSchemaRegistry } from './registry.js';
import { openapiV2 } from './openapi.js';
import { openapiV2ProtoRoot, OPENAPI_V2_DOCUMENT_TYPE } from './openapi-v2-proto.js';
import {
  encodeOpenapiV2Protobuf,
  negotiateOpenapiV2,
  OpenapiV2EncodeError,
  protoFieldName,
  toGnosticDocument,
} from './openapi-v2-protobuf.js';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- decoded messages

// ---------------------------------------------------------------------------------------------------------------
// A hand-rolled wire writer, independent of protobufjs, so the golden tests check field numbers and wire types
// as transcribed from upstream's OpenAPIv2.proto rather than our schema text checking itself.

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
/** A length-delimited field (string, bytes or message). */
const ld = (field: number, ...parts: (number[] | string)[]): number[] => {
  const body = parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p));
  return [...varint((field << 3) | 2), ...varint(body.length), ...body];
};
/** A varint field (bool). */
const vi = (field: number, v: number): number[] => [...varint(field << 3), ...varint(v)];

const goldens: { name: string; doc: Obj; want: number[] }[] = [
  { name: 'Document.swagger = 1', doc: { swagger: '2.0' }, want: ld(1, '2.0') },
  {
    name: 'Info {1 title, 2 version} = Document 2',
    doc: { info: { title: 'Kubernetes', version: 'v1' } },
    want: ld(2, ld(1, 'Kubernetes'), ld(2, 'v1')),
  },
  {
    name: 'Paths 8 → NamedPathItem 2 → PathItem.get 2 → Operation {3 description, 5 operation_id, 13 vendor_extension}',
    doc: { paths: { '/a': { get: { description: 'd', operationId: 'op', 'x-kubernetes-action': 'get' } } } },
    want: ld(
      8,
      ld(
        2,
        ld(1, '/a'),
        ld(2, ld(2, ld(3, 'd'), ld(5, 'op'), ld(13, ld(1, 'x-kubernetes-action'), ld(2, ld(2, 'get\n'))))),
      ),
    ),
  },
  {
    name: 'query parameter: ParametersItem 1 → Parameter 2 (non-body) → NonBodyParameter 3 (query)',
    doc: {
      paths: {
        '/a': { patch: { parameters: [{ in: 'query', name: 'fieldValidation', type: 'string', uniqueItems: true }] } },
      },
    },
    want: ld(
      8,
      ld(
        2,
        ld(1, '/a'),
        ld(2, ld(8, ld(8, ld(1, ld(2, ld(3, ld(2, 'query'), ld(4, 'fieldValidation'), ld(6, 'string'), vi(20, 1))))))),
      ),
    ),
  },
  {
    name: 'path parameter on the PathItem (9): NonBodyParameter 4 (path), type at 5',
    doc: { paths: { '/a/{name}': { parameters: [{ in: 'path', name: 'name', required: true, type: 'string' }] } } },
    want: ld(
      8,
      ld(
        2,
        ld(1, '/a/{name}'),
        ld(2, ld(9, ld(1, ld(2, ld(4, vi(1, 1), ld(2, 'path'), ld(4, 'name'), ld(5, 'string')))))),
      ),
    ),
  },
  {
    name: 'body parameter: Parameter 1 → BodyParameter {2 name, 3 in, 4 required, 5 schema {1 _ref}}',
    doc: {
      paths: {
        '/a': {
          post: { parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/X' } }] },
        },
      },
    },
    want: ld(
      8,
      ld(
        2,
        ld(1, '/a'),
        ld(2, ld(4, ld(8, ld(1, ld(1, ld(2, 'body'), ld(3, 'body'), vi(4, 1), ld(5, ld(1, '#/definitions/X'))))))),
      ),
    ),
  },
  {
    name: 'Responses 9 → NamedResponseValue 1 → ResponseValue 1 → Response {1 description, 2 SchemaItem {1 schema}}',
    doc: { paths: { '/a': { get: { responses: { '200': { description: 'OK', schema: { type: 'string' } } } } } } },
    want: ld(
      8,
      ld(
        2,
        ld(1, '/a'),
        ld(2, ld(2, ld(9, ld(1, ld(1, '200'), ld(2, ld(1, ld(1, 'OK'), ld(2, ld(1, ld(22, ld(1, 'string')))))))))),
      ),
    ),
  },
  {
    name: 'Definitions 9 → NamedSchema → Schema {4 description, 19 required, 22 type, 25 properties, 31 extensions}',
    doc: {
      definitions: {
        'io.k8s.api.core.v1.Pod': {
          description: 'P',
          properties: { spec: { $ref: '#/definitions/S' } },
          required: ['spec'],
          type: 'object',
          'x-kubernetes-group-version-kind': [{ group: '', kind: 'Pod', version: 'v1' }],
        },
      },
    },
    want: ld(
      9,
      ld(
        1,
        ld(1, 'io.k8s.api.core.v1.Pod'),
        ld(
          2,
          ld(4, 'P'),
          ld(19, 'spec'),
          ld(22, ld(1, 'object')),
          ld(25, ld(1, ld(1, 'spec'), ld(2, ld(1, '#/definitions/S')))),
          ld(31, ld(1, 'x-kubernetes-group-version-kind'), ld(2, ld(2, '- group: ""\n  kind: Pod\n  version: v1\n'))),
        ),
      ),
    ),
  },
  {
    name: 'Schema {5 default, 20 enum, 21 additionalProperties (boolean 2), 23 items}',
    doc: {
      definitions: {
        X: { additionalProperties: false, default: 'Always', enum: ['Always', 'Never'], items: { type: 'string' } },
      },
    },
    want: ld(
      9,
      ld(
        1,
        ld(1, 'X'),
        ld(
          2,
          ld(5, ld(2, 'Always\n')),
          ld(20, ld(2, 'Always\n')),
          ld(20, ld(2, 'Never\n')),
          ld(21, vi(2, 0)),
          ld(23, ld(1, ld(22, ld(1, 'string')))),
        ),
      ),
    ),
  },
  {
    name: 'security 12 → SecurityRequirement → NamedStringArray; security_definitions 13 → ApiKeySecurity (2)',
    doc: {
      security: [{ BearerToken: [] }],
      securityDefinitions: { BearerToken: { description: 'B', in: 'header', name: 'authorization', type: 'apiKey' } },
    },
    want: [
      ...ld(12, ld(1, ld(1, 'BearerToken'), ld(2))),
      ...ld(
        13,
        ld(1, ld(1, 'BearerToken'), ld(2, ld(2, ld(1, 'apiKey'), ld(2, 'authorization'), ld(3, 'header'), ld(4, 'B')))),
      ),
    ],
  },
];

for (const { name, doc, want } of goldens) {
  test(`wire format: ${name}`, () => {
    assert.deepEqual([...encodeOpenapiV2Protobuf(doc)], want);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Round trip: decode with protobufjs and rebuild the swagger JSON by reflection over the message types.

const root = openapiV2ProtoRoot();
const documentType = root.lookupType(OPENAPI_V2_DOCUMENT_TYPE);

const jsonName = (proto: string) =>
  proto === '_ref' ? '$ref' : proto.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const yamlValue = (any: Obj) => YAML.parse(any.yaml, { version: '1.1' });
const entries = (named: Obj[] | undefined, each: (v: Obj) => unknown) =>
  Object.fromEntries((named ?? []).map((n) => [n.name, each(n.value)]));

/** The JSON a decoded message stands for: the inverse of the encoder's mapping, derived from the schema. */
function toJson(type: protobuf.Type, m: Obj): unknown {
  const sub = (field: string) => type.fields[field]!.resolvedType as protobuf.Type;
  switch (type.name) {
    case 'Any':
      return yamlValue(m);
    case 'TypeItem':
      return m.value.length === 1 ? m.value[0] : m.value;
    case 'ItemsItem':
      return m.schema.length === 1
        ? toJson(sub('schema'), m.schema[0])
        : m.schema.map((s: Obj) => toJson(sub('schema'), s));
    case 'StringArray':
      return m.value ?? [];
    case 'Paths':
      return {
        ...entries(m.vendor_extension, yamlValue),
        ...entries(m.path, (v) => toJson(root.lookupType('openapi.v2.PathItem'), v)),
      };
    case 'Responses':
      return {
        ...entries(m.response_code, (v) => toJson(root.lookupType('openapi.v2.ResponseValue'), v)),
        ...entries(m.vendor_extension, yamlValue),
      };
    case 'SecurityRequirement':
      return entries(m.additional_properties, (v) => toJson(root.lookupType('openapi.v2.StringArray'), v));
  }
  if (type.oneofsArray.length > 0) {
    // A oneof wrapper: exactly one member is set; it stands for the value itself.
    const member = type.oneofsArray[0]!.oneof.filter((f) => m[f] !== undefined);
    assert.equal(member.length, 1, `${type.name}: ${member.length} oneof members set`);
    const field = type.fields[member[0]!]!;
    return field.resolvedType ? toJson(field.resolvedType as protobuf.Type, m[field.name]) : m[field.name];
  }
  if (type.fieldsArray.length === 1 && type.fields.additional_properties) {
    const named = sub('additional_properties');
    return entries(m.additional_properties, (v) => toJson(named.fields.value!.resolvedType as protobuf.Type, v));
  }
  const out: Obj = {};
  for (const field of type.fieldsArray) {
    const v = m[field.name];
    if (v === undefined) continue;
    if (field.name === 'vendor_extension') Object.assign(out, entries(v, yamlValue));
    else if (!field.resolvedType) out[jsonName(field.name)] = v;
    else if (field.repeated)
      out[jsonName(field.name)] = v.map((x: Obj) => toJson(field.resolvedType as protobuf.Type, x));
    else out[jsonName(field.name)] = toJson(field.resolvedType as protobuf.Type, v);
  }
  return out;
}

function decode(bytes: Uint8Array): unknown {
  const m = documentType.toObject(documentType.decode(bytes), { longs: Number, arrays: false, defaults: false });
  return toJson(documentType, m);
}

const registry = buildSchemaRegistry();
const swagger = openapiV2(registry) as Obj;
const encoded = encodeOpenapiV2Protobuf(swagger);

test('the whole /openapi/v2 document round-trips: paths, definitions, parameters, responses and extensions', () => {
  assert.deepEqual(decode(encoded), swagger);
});

test('encoding is deterministic', () => {
  assert.deepEqual(encodeOpenapiV2Protobuf(openapiV2(registry)), encoded);
});

test('document order is kept for paths, definitions and properties', () => {
  const m = documentType.toObject(documentType.decode(encoded), { longs: Number }) as Obj;
  assert.deepEqual(
    m.paths.path.map((p: Obj) => p.name),
    Object.keys(swagger.paths),
  );
  assert.deepEqual(
    m.definitions.additional_properties.map((d: Obj) => d.name),
    Object.keys(swagger.definitions),
  );
  const podSpec = m.definitions.additional_properties.find((d: Obj) => d.name === 'io.k8s.api.core.v1.PodSpec').value;
  assert.deepEqual(
    podSpec.properties.additional_properties.map((p: Obj) => p.name),
    Object.keys(swagger.definitions['io.k8s.api.core.v1.PodSpec'].properties),
  );
});

/** What kube-openapi's VendorExtensionToMap and kubectl read: YAML text per extension. */
test('extensions kubectl reads are YAML it can decode into the expected shapes', () => {
  const m = documentType.toObject(documentType.decode(encoded), { longs: Number }) as Obj;
  const defs = entries(m.definitions.additional_properties, (v) => v);
  const ext = (s: Obj, name: string) => s.vendor_extension?.find((e: Obj) => e.name === name)?.value.yaml;
  const deployment = defs['io.k8s.api.apps.v1.Deployment'] as Obj;
  assert.equal(
    ext(deployment, 'x-kubernetes-group-version-kind'),
    '- group: apps\n  kind: Deployment\n  version: v1\n',
  );
  const pod = defs['io.k8s.api.core.v1.Pod'] as Obj;
  assert.equal(ext(pod, 'x-kubernetes-group-version-kind'), '- group: ""\n  kind: Pod\n  version: v1\n');
  const containers = (defs['io.k8s.api.core.v1.PodSpec'] as Obj).properties.additional_properties.find(
    (p: Obj) => p.name === 'containers',
  ).value;
  assert.equal(ext(containers, 'x-kubernetes-patch-merge-key'), 'name\n');
  assert.equal(ext(containers, 'x-kubernetes-patch-strategy'), 'merge\n');
  assert.equal(ext(containers, 'x-kubernetes-list-map-keys'), '- name\n');

  // The fieldValidation check: the PATCH operation carries a single GVK map and the query parameter.
  const path = m.paths.path.find(
    (p: Obj) => p.name === '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
  ).value;
  assert.equal(ext(path.patch, 'x-kubernetes-group-version-kind'), 'group: apps\nkind: Deployment\nversion: v1\n');
  const query = path.patch.parameters
    .map((p: Obj) => p.parameter?.non_body_parameter?.query_parameter_sub_schema?.name)
    .filter(Boolean);
  assert.ok(query.includes('fieldValidation'), query.join(','));
});

test('YAML of free-form values is quoted for YAML 1.1 readers', () => {
  const cases: { name: string; value: unknown; want: string }[] = [
    { name: 'plain string', value: 'merge', want: 'merge\n' },
    { name: 'empty string', value: '', want: '""\n' },
    { name: 'YAML 1.1 boolean word', value: 'on', want: '"on"\n' },
    { name: 'numeric string', value: '1', want: '"1"\n' },
    { name: 'boolean', value: true, want: 'true\n' },
    { name: 'integer', value: 30, want: '30\n' },
    { name: 'map', value: { a: 'b' }, want: 'a: b\n' },
  ];
  for (const c of cases) {
    const doc = toGnosticDocument({ definitions: { X: { default: c.value } } }) as Obj;
    assert.equal(doc.definitions.additional_properties[0].value.default.yaml, c.want, c.name);
  }
});

test('negotiateOpenapiV2 picks the representation like upstream (JSON where upstream says 406)', () => {
  const cases: { accept: string | undefined; want: 'json' | 'protobuf' }[] = [
    { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf', want: 'protobuf' },
    { accept: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', want: 'protobuf' },
    { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf, application/json', want: 'protobuf' },
    { accept: 'application/json, application/com.github.proto-openapi.spec.v2@v1.0+protobuf', want: 'json' },
    { accept: 'application/json;q=0.5, application/com.github.proto-openapi.spec.v2@v1.0+protobuf', want: 'protobuf' },
    { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf;q=0, */*', want: 'json' },
    { accept: 'application/json', want: 'json' },
    { accept: '*/*', want: 'json' },
    { accept: undefined, want: 'json' },
    { accept: 'text/html', want: 'json' },
  ];
  for (const c of cases) assert.equal(negotiateOpenapiV2(c.accept), c.want, String(c.accept));
});

test('protoFieldName follows gnostic naming', () => {
  const cases = [
    ['$ref', '_ref'],
    ['operationId', 'operation_id'],
    ['securityDefinitions', 'security_definitions'],
    ['additionalProperties', 'additional_properties'],
    ['in', 'in'],
  ];
  for (const [json, want] of cases) assert.equal(protoFieldName(json!), want);
});

test('properties gnostic cannot carry are rejected with their JSON path', () => {
  const cases: { name: string; doc: Obj; path: string }[] = [
    {
      name: 'unknown schema keyword',
      doc: { definitions: { X: { nullable: true } } },
      path: '$.definitions.X.nullable',
    },
    {
      name: 'cookie parameter',
      doc: { paths: { '/a': { get: { parameters: [{ in: 'cookie', name: 'c' }] } } } },
      path: '$.paths./a.get.parameters[0].in',
    },
    { name: 'path not starting with /', doc: { paths: { a: {} } }, path: '$.paths.a' },
    { name: 'wrong scalar type', doc: { swagger: 2 }, path: '$.swagger' },
    {
      name: 'oauth2 security scheme',
      doc: { securityDefinitions: { o: { type: 'oauth2' } } },
      path: '$.securityDefinitions.o.type',
    },
  ];
  for (const c of cases) {
    assert.throws(
      () => encodeOpenapiV2Protobuf(c.doc),
      (e: unknown) => e instanceof OpenapiV2EncodeError && e.path === c.path,
      c.name,
    );
  }
});

test('x-* keys become vendor extensions at every level that has them', () => {
  const doc = { 'x-root': 1, info: { title: 't', version: 'v', 'x-info': 'i' }, paths: { 'x-paths': true } };
  assert.deepEqual(decode(encodeOpenapiV2Protobuf(doc)), doc);
});
