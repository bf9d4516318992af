/**
 * `/openapi/v2` in protobuf: the swagger 2.0 JSON of `openapiV2()` re-expressed as the gnostic
 * `openapi.v2.Document` message (see `openapi-v2-proto.ts`). kubectl only ever fetches the v2 document in this
 * form: 1.27 always for apply, 1.28–1.33 whenever their OpenAPI v3 lookups fail, and every version for
 * `explain --output=plaintext-openapiv2`. It drives the `fieldValidation` query-parameter check (server- vs.
 * client-side validation), the strategic-merge patch metadata of client-side apply, and explain.
 *
 * The conversion follows what upstream's server does (kube-openapi parses its JSON with gnostic and marshals the
 * result): JSON maps become `Named*` lists in document order, either/or values become the matching oneof
 * member, and `x-*` keys and free-form values become `Any {yaml}`. Properties gnostic has no field for are
 * rejected, so a document we cannot express faithfully fails loudly instead of losing data.
 */

import YAML from 'yaml';
import type { OpenAPIDocument } from './openapi.js';
import { openapiV2DocumentType } from './openapi-v2-proto.js';

/** The media type kubectl puts in `Accept` (upstream calls it deprecated but keeps serving it). */
export const OPENAPI_V2_PROTOBUF_MEDIA_TYPE = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** The media type upstream answers with, whichever of the two protobuf spellings was asked for. */
export const OPENAPI_V2_PROTOBUF_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** Thrown when the JSON document holds something the gnostic message cannot carry. */
export class OpenapiV2EncodeError extends Error {
  override readonly name = 'OpenapiV2EncodeError';
  constructor(
    /** JSON path of the offending value, e.g. `paths./api/v1.get.responses.200`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/**
 * Which representation of `/openapi/v2` an `Accept` header asks for, negotiated like upstream's handler:
 * clauses by descending `q` (ties keep header order), the first that names JSON, either protobuf spelling,
 * or a wildcard wins; wildcards pick JSON. Where upstream answers 406 we fall back to JSON.
 */
export function negotiateOpenapiV2(accept: string | undefined): 'json' | 'protobuf' {
  const clauses = (accept ?? '')
    .split(',')
    .map((raw, i) => {
      const [range = '', ...params] = raw.split(';').map((s) => s.trim());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { range: range.toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((c) => c.range !== '' && c.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { range } of clauses) {
    if (range === '*/*' || range === 'application/*' || range === 'application/json') return 'json';
    if (range === OPENAPI_V2_PROTOBUF_MEDIA_TYPE || range === OPENAPI_V2_PROTOBUF_CONTENT_TYPE) return 'protobuf';
  }
  return 'json';
}

/**
 * Encodes a swagger 2.0 document (as built by `openapiV2()`) as an `openapi.v2.Document` protobuf message.
 * Pure and deterministic; the result only changes with the document, so callers should compute it once.
 * @throws OpenapiV2EncodeError for properties gnostic cannot represent.
 */
export function encodeOpenapiV2Protobuf(doc: OpenAPIDocument): Uint8Array {
  // The converters already check every value's type, so the plain object is encoded as is (no fromObject copy).
  return openapiV2DocumentType().encode(toGnosticDocument(doc)).finish();
}

/** A message as a plain object with the proto field names (protobufjs `keepCase`). */
export type GnosticMessage = { [field: string]: unknown };

/** The swagger JSON mapped onto the gnostic message shape, before encoding (exported for tests). */
export function toGnosticDocument(doc: OpenAPIDocument): GnosticMessage {
  return message(doc, '$', DOCUMENT, true);
}

// ---------------------------------------------------------------------------------------------------------------
// Value converters. Each takes a JSON value and the JSON path it came from (for errors).

type Convert = (v: unknown, at: string) => unknown;
/** JSON property name → converter; the proto field name is derived by {@link protoFieldName}. */
type Fields = Readonly<Record<string, Convert>>;

/** `operationId` → `operation_id`, `$ref` → `_ref`: gnostic's naming rule for swagger properties. */
export function protoFieldName(jsonName: string): string {
  return jsonName.replace(/^\$/, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asObject(v: unknown, at: string): Record<string, unknown> {
  if (!isObject(v)) throw new OpenapiV2EncodeError(at, 'expected an object');
  return v;
}

const str: Convert = (v, at) => {
  if (typeof v !== 'string') throw new OpenapiV2EncodeError(at, 'expected a string');
  return v;
};
const bool: Convert = (v, at) => {
  if (typeof v !== 'boolean') throw new OpenapiV2EncodeError(at, 'expected a boolean');
  return v;
};
const num: Convert = (v, at) => {
  if (typeof v !== 'number') throw new OpenapiV2EncodeError(at, 'expected a number');
  return v;
};
const int: Convert = (v, at) => {
  if (!Number.isInteger(v)) throw new OpenapiV2EncodeError(at, 'expected an integer');
  return v;
};
const list =
  (each: Convert): Convert =>
  (v, at) => {
    if (!Array.isArray(v)) throw new OpenapiV2EncodeError(at, 'expected an array');
    return v.map((x, i) => each(x, `${at}[${i}]`));
  };
const strs = list(str);

/**
 * A free-form value as gnostic's `Any`: YAML text. YAML 1.1 quoting, because readers decode it with go-yaml v2
 * (where a bare `yes` or `on` would turn into a boolean); no line folding, so long descriptions stay one line.
 */
const any: Convert = (v) => ({ yaml: YAML.stringify(v, { version: '1.1', lineWidth: 0 }) });
const anys = list(any);

/** Converts an object through its field table; `x-*` keys go to `vendor_extension` when the message has one. */
function message(v: unknown, at: string, fields: Fields, extensions: boolean): GnosticMessage {
  const o = asObject(v, at);
  const out: GnosticMessage = {};
  const vendor: GnosticMessage[] = [];
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined) continue;
    const path = `${at}.${key}`;
    if (extensions && key.startsWith('x-')) vendor.push({ name: key, value: any(value, path) });
    else if (Object.hasOwn(fields, key)) out[protoFieldName(key)] = fields[key]!(value, path);
    else throw new OpenapiV2EncodeError(path, 'property not representable in openapi.v2 protobuf');
  }
  if (vendor.length > 0) out.vendor_extension = vendor;
  return out;
}

const msg =
  (fields: () => Fields, extensions = true): Convert =>
  (v, at) =>
    message(v, at, fields(), extensions);

/** A JSON map as gnostic's `{ additional_properties: [{name, value}] }` wrapper message. */
const namedMap =
  (each: Convert): Convert =>
  (v, at) => ({
    additional_properties: Object.entries(asObject(v, at)).map(([name, x]) => ({
      name,
      value: each(x, `${at}.${name}`),
    })),
  });

// ---------------------------------------------------------------------------------------------------------------
// Messages. Tables are functions so converters can refer to each other recursively.

const externalDocs = msg(() => ({ description: str, url: str }));
const jsonReference = msg(() => ({ $ref: str, description: str }), false);

const DOCUMENT: Fields = {
  swagger: str,
  info: msg(() => ({
    title: str,
    version: str,
    description: str,
    termsOfService: str,
    contact: msg(() => ({ name: str, url: str, email: str })),
    license: msg(() => ({ name: str, url: str })),
  })),
  host: str,
  basePath: str,
  schemes: strs,
  consumes: strs,
  produces: strs,
  paths: (v, at) => paths(v, at),
  definitions: namedMap(schema),
  parameters: namedMap(parameter),
  responses: namedMap(response),
  security: list(securityRequirement),
  securityDefinitions: namedMap(securityDefinitionsItem),
  tags: list(msg(() => ({ name: str, description: str, externalDocs }))),
  externalDocs,
};

/** `paths`: `/…` keys are path items, `x-*` keys are the extensions of the Paths message. */
function paths(v: unknown, at: string): GnosticMessage {
  const path: GnosticMessage[] = [];
  const vendor: GnosticMessage[] = [];
  for (const [name, x] of Object.entries(asObject(v, at))) {
    if (name.startsWith('x-')) vendor.push({ name, value: any(x, `${at}.${name}`) });
    else if (name.startsWith('/')) path.push({ name, value: message(x, `${at}.${name}`, PATH_ITEM, true) });
    else throw new OpenapiV2EncodeError(`${at}.${name}`, 'path must start with "/"');
  }
  return vendor.length > 0 ? { vendor_extension: vendor, path } : { path };
}

const operation = msg(() => ({
  tags: strs,
  summary: str,
  description: str,
  externalDocs,
  operationId: str,
  produces: strs,
  consumes: strs,
  parameters: list(parametersItem),
  responses: (v, at) => responses(v, at),
  schemes: strs,
  deprecated: bool,
  security: list(securityRequirement),
}));

const PATH_ITEM: Fields = {
  $ref: str,
  get: operation,
  put: operation,
  post: operation,
  delete: operation,
  options: operation,
  head: operation,
  patch: operation,
  parameters: list(parametersItem),
};

function parametersItem(v: unknown, at: string): GnosticMessage {
  return isObject(v) && '$ref' in v ? { json_reference: jsonReference(v, at) } : { parameter: parameter(v, at) };
}

/** Validation keywords every non-body parameter (and PrimitivesItems) shares. */
function primitiveFields(): Fields {
  return {
    type: str,
    format: str,
    items: primitivesItems,
    collectionFormat: str,
    default: any,
    maximum: num,
    exclusiveMaximum: bool,
    minimum: num,
    exclusiveMinimum: bool,
    maxLength: int,
    minLength: int,
    pattern: str,
    maxItems: int,
    minItems: int,
    uniqueItems: bool,
    enum: anys,
    multipleOf: num,
  };
}

function primitivesItems(v: unknown, at: string): GnosticMessage {
  return message(v, at, primitiveFields(), true);
}

const nonBodyFields = (allowEmptyValue: boolean): Fields => ({
  required: bool,
  in: str,
  description: str,
  name: str,
  ...(allowEmptyValue ? { allowEmptyValue: bool } : {}),
  ...primitiveFields(),
});

/** The `in` of a parameter picks the oneof member: body, or one of the four non-body layouts. */
function parameter(v: unknown, at: string): GnosticMessage {
  const o = asObject(v, at);
  const nonBody = (member: string, allowEmptyValue: boolean) => ({
    non_body_parameter: { [member]: message(o, at, nonBodyFields(allowEmptyValue), true) },
  });
  switch (o.in) {
    case 'body':
      return { body_parameter: message(o, at, { description: str, name: str, in: str, required: bool, schema }, true) };
    case 'header':
      return nonBody('header_parameter_sub_schema', false);
    case 'formData':
      return nonBody('form_data_parameter_sub_schema', true);
    case 'query':
      return nonBody('query_parameter_sub_schema', true);
    case 'path':
      return nonBody('path_parameter_sub_schema', false);
    default:
      throw new OpenapiV2EncodeError(`${at}.in`, `unsupported parameter location ${JSON.stringify(o.in)}`);
  }
}

/** `responses`: status codes (and `default`) are NamedResponseValue entries, `x-*` keys extensions. */
function responses(v: unknown, at: string): GnosticMessage {
  const codes: GnosticMessage[] = [];
  const vendor: GnosticMessage[] = [];
  for (const [name, x] of Object.entries(asObject(v, at))) {
    const path = `${at}.${name}`;
    if (name.startsWith('x-')) vendor.push({ name, value: any(x, path) });
    else if (isObject(x) && '$ref' in x) codes.push({ name, value: { json_reference: jsonReference(x, path) } });
    else codes.push({ name, value: { response: response(x, path) } });
  }
  return vendor.length > 0 ? { response_code: codes, vendor_extension: vendor } : { response_code: codes };
}

function response(v: unknown, at: string): GnosticMessage {
  return message(v, at, { description: str, schema: (s, p) => ({ schema: schema(s, p) }) }, true);
}

function schema(v: unknown, at: string): GnosticMessage {
  return message(v, at, SCHEMA_FIELDS, true);
}

const SCHEMA_FIELDS: Fields = {
  $ref: str,
  format: str,
  title: str,
  description: str,
  default: any,
  multipleOf: num,
  maximum: num,
  exclusiveMaximum: bool,
  minimum: num,
  exclusiveMinimum: bool,
  maxLength: int,
  minLength: int,
  pattern: str,
  maxItems: int,
  minItems: int,
  uniqueItems: bool,
  maxProperties: int,
  minProperties: int,
  required: strs,
  enum: anys,
  // Schema or boolean: the oneof member says which.
  additionalProperties: (v, at) => (typeof v === 'boolean' ? { boolean: v } : { schema: schema(v, at) }),
  // TypeItem and ItemsItem are lists in gnostic; swagger allows a single value, which is what we write.
  type: (v, at) => ({ value: Array.isArray(v) ? strs(v, at) : [str(v, at)] }),
  items: (v, at) => ({ schema: Array.isArray(v) ? list(schema)(v, at) : [schema(v, at)] }),
  allOf: list(schema),
  properties: namedMap(schema),
  discriminator: str,
  readOnly: bool,
  xml: msg(() => ({ name: str, namespace: str, prefix: str, attribute: bool, wrapped: bool })),
  externalDocs,
  example: any,
};

function securityRequirement(v: unknown, at: string): GnosticMessage {
  return {
    additional_properties: Object.entries(asObject(v, at)).map(([name, scopes]) => ({
      name,
      value: { value: strs(scopes, `${at}.${name}`) },
    })),
  };
}

function securityDefinitionsItem(v: unknown, at: string): GnosticMessage {
  const o = asObject(v, at);
  switch (o.type) {
    case 'apiKey':
      return { api_key_security: message(o, at, { type: str, name: str, in: str, description: str }, true) };
    case 'basic':
      return { basic_authentication_security: message(o, at, { type: str, description: str }, true) };
    default:
      throw new OpenapiV2EncodeError(`${at}.type`, `unsupported security scheme ${JSON.stringify(o.type)}`);
  }
}
