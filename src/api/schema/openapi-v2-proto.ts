/**
 * Our description of the gnostic `openapi.v2` protobuf messages, the wire format of `GET /openapi/v2` with
 * `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf` (what kubectl ≤1.31 asks for).
 *
 * Only the messages a swagger 2.0 document of ours can contain are described; names, field numbers and
 * types were looked up in github.com/google/gnostic-models (`openapiv2/OpenAPIv2.proto`), which is the schema
 * kubectl decodes with. Fields and oneof members we never write (OAuth2 security schemes, response headers and
 * examples, file schemas, `google.protobuf.Any` payloads) are left out: protobuf numbers are explicit, so
 * omissions shift nothing, and readers never see them.
 *
 * Conventions of that schema worth knowing:
 * - JSON maps become `repeated Named<X>` entries {1 name, 2 value}, keeping document order.
 * - Swagger "either/or" values (body vs. non-body parameter, `$ref` vs. inline, schema vs. boolean
 *   `additionalProperties`) are `oneof`s, so the field number tells the reader which variant it got.
 * - Free-form values (vendor extensions, `default`, `enum`, `example`) are `Any {2 yaml}`: the value as YAML
 *   text, which readers (kube-openapi's `VendorExtensionToMap`) parse back with a YAML decoder.
 * - `x-*` keys of an object go to its `vendor_extension` field as `NamedAny`.
 *
 * The text is embedded (not a `.proto` file) because the build only emits `.ts` sources.
 */

import protobuf from 'protobufjs';

/** Fully qualified name of the root message of `/openapi/v2` in protobuf. */
export const OPENAPI_V2_DOCUMENT_TYPE = 'openapi.v2.Document';

/**
 * The validation keywords every primitive (non-body) parameter and PrimitivesItems carry, in upstream's
 * order and numbered consecutively from `first`: only the starting number differs between those messages.
 */
function primitiveKeywords(first: number): string {
  const keywords = [
    'string type',
    'string format',
    'PrimitivesItems items',
    'string collection_format',
    'Any default',
    'double maximum',
    'bool exclusive_maximum',
    'double minimum',
    'bool exclusive_minimum',
    'int64 max_length',
    'int64 min_length',
    'string pattern',
    'int64 max_items',
    'int64 min_items',
    'bool unique_items',
    'repeated Any enum',
    'double multiple_of',
    'repeated NamedAny vendor_extension',
  ];
  return keywords.map((k, i) => `  ${k} = ${first + i};`).join('\n');
}

/** The protobuf schema text (proto3), parsed with `keepCase` so field names read like the upstream Go tags. */
export const OPENAPI_V2_PROTO = `
syntax = "proto3";
package openapi.v2;

message Document {
  string swagger = 1;
  Info info = 2;
  string host = 3;
  string base_path = 4;
  repeated string schemes = 5;
  repeated string consumes = 6;
  repeated string produces = 7;
  Paths paths = 8;
  Definitions definitions = 9;
  ParameterDefinitions parameters = 10;
  ResponseDefinitions responses = 11;
  repeated SecurityRequirement security = 12;
  SecurityDefinitions security_definitions = 13;
  repeated Tag tags = 14;
  ExternalDocs external_docs = 15;
  repeated NamedAny vendor_extension = 16;
}

message Info {
  string title = 1;
  string version = 2;
  string description = 3;
  string terms_of_service = 4;
  Contact contact = 5;
  License license = 6;
  repeated NamedAny vendor_extension = 7;
}

message Contact {
  string name = 1;
  string url = 2;
  string email = 3;
  repeated NamedAny vendor_extension = 4;
}

message License {
  string name = 1;
  string url = 2;
  repeated NamedAny vendor_extension = 3;
}

message ExternalDocs {
  string description = 1;
  string url = 2;
  repeated NamedAny vendor_extension = 3;
}

message Tag {
  string name = 1;
  string description = 2;
  ExternalDocs external_docs = 3;
  repeated NamedAny vendor_extension = 4;
}

// A free-form value; field 1 (google.protobuf.Any) is never written by us.
message Any {
  string yaml = 2;
}

message NamedAny {
  string name = 1;
  Any value = 2;
}

message Paths {
  repeated NamedAny vendor_extension = 1;
  repeated NamedPathItem path = 2;
}

message NamedPathItem {
  string name = 1;
  PathItem value = 2;
}

message PathItem {
  string _ref = 1;
  Operation get = 2;
  Operation put = 3;
  Operation post = 4;
  Operation delete = 5;
  Operation options = 6;
  Operation head = 7;
  Operation patch = 8;
  repeated ParametersItem parameters = 9;
  repeated NamedAny vendor_extension = 10;
}

message Operation {
  repeated string tags = 1;
  string summary = 2;
  string description = 3;
  ExternalDocs external_docs = 4;
  string operation_id = 5;
  repeated string produces = 6;
  repeated string consumes = 7;
  repeated ParametersItem parameters = 8;
  Responses responses = 9;
  repeated string schemes = 10;
  bool deprecated = 11;
  repeated SecurityRequirement security = 12;
  repeated NamedAny vendor_extension = 13;
}

message ParametersItem {
  oneof oneof {
    Parameter parameter = 1;
    JsonReference json_reference = 2;
  }
}

message JsonReference {
  string _ref = 1;
  string description = 2;
}

message Parameter {
  oneof oneof {
    BodyParameter body_parameter = 1;
    NonBodyParameter non_body_parameter = 2;
  }
}

message BodyParameter {
  string description = 1;
  string name = 2;
  string in = 3;
  bool required = 4;
  Schema schema = 5;
  repeated NamedAny vendor_extension = 6;
}

message NonBodyParameter {
  oneof oneof {
    HeaderParameterSubSchema header_parameter_sub_schema = 1;
    FormDataParameterSubSchema form_data_parameter_sub_schema = 2;
    QueryParameterSubSchema query_parameter_sub_schema = 3;
    PathParameterSubSchema path_parameter_sub_schema = 4;
  }
}

// Header and path parameters share one layout; query and form-data parameters add allow_empty_value (5),
// which shifts the primitive keywords by one.
message HeaderParameterSubSchema {
  bool required = 1;
  string in = 2;
  string description = 3;
  string name = 4;
${primitiveKeywords(5)}
}

message PathParameterSubSchema {
  bool required = 1;
  string in = 2;
  string description = 3;
  string name = 4;
${primitiveKeywords(5)}
}

message QueryParameterSubSchema {
  bool required = 1;
  string in = 2;
  string description = 3;
  string name = 4;
  bool allow_empty_value = 5;
${primitiveKeywords(6)}
}

message FormDataParameterSubSchema {
  bool required = 1;
  string in = 2;
  string description = 3;
  string name = 4;
  bool allow_empty_value = 5;
${primitiveKeywords(6)}
}

message PrimitivesItems {
${primitiveKeywords(1)}
}

message Responses {
  repeated NamedResponseValue response_code = 1;
  repeated NamedAny vendor_extension = 2;
}

message NamedResponseValue {
  string name = 1;
  ResponseValue value = 2;
}

message ResponseValue {
  oneof oneof {
    Response response = 1;
    JsonReference json_reference = 2;
  }
}

message Response {
  string description = 1;
  SchemaItem schema = 2;
  repeated NamedAny vendor_extension = 5;
}

message SchemaItem {
  oneof oneof {
    Schema schema = 1;
  }
}

message Schema {
  string _ref = 1;
  string format = 2;
  string title = 3;
  string description = 4;
  Any default = 5;
  double multiple_of = 6;
  double maximum = 7;
  bool exclusive_maximum = 8;
  double minimum = 9;
  bool exclusive_minimum = 10;
  int64 max_length = 11;
  int64 min_length = 12;
  string pattern = 13;
  int64 max_items = 14;
  int64 min_items = 15;
  bool unique_items = 16;
  int64 max_properties = 17;
  int64 min_properties = 18;
  repeated string required = 19;
  repeated Any enum = 20;
  AdditionalPropertiesItem additional_properties = 21;
  TypeItem type = 22;
  ItemsItem items = 23;
  repeated Schema all_of = 24;
  Properties properties = 25;
  string discriminator = 26;
  bool read_only = 27;
  Xml xml = 28;
  ExternalDocs external_docs = 29;
  Any example = 30;
  repeated NamedAny vendor_extension = 31;
}

message AdditionalPropertiesItem {
  oneof oneof {
    Schema schema = 1;
    bool boolean = 2;
  }
}

message TypeItem {
  repeated string value = 1;
}

message ItemsItem {
  repeated Schema schema = 1;
}

message Properties {
  repeated NamedSchema additional_properties = 1;
}

message NamedSchema {
  string name = 1;
  Schema value = 2;
}

message Xml {
  string name = 1;
  string namespace = 2;
  string prefix = 3;
  bool attribute = 4;
  bool wrapped = 5;
  repeated NamedAny vendor_extension = 6;
}

message Definitions {
  repeated NamedSchema additional_properties = 1;
}

message ParameterDefinitions {
  repeated NamedParameter additional_properties = 1;
}

message NamedParameter {
  string name = 1;
  Parameter value = 2;
}

message ResponseDefinitions {
  repeated NamedResponse additional_properties = 1;
}

message NamedResponse {
  string name = 1;
  Response value = 2;
}

message SecurityRequirement {
  repeated NamedStringArray additional_properties = 1;
}

message NamedStringArray {
  string name = 1;
  StringArray value = 2;
}

message StringArray {
  repeated string value = 1;
}

message SecurityDefinitions {
  repeated NamedSecurityDefinitionsItem additional_properties = 1;
}

message NamedSecurityDefinitionsItem {
  string name = 1;
  SecurityDefinitionsItem value = 2;
}

// Only the two non-OAuth2 variants are described; the OAuth2 ones are numbers 3-6.
message SecurityDefinitionsItem {
  oneof oneof {
    BasicAuthenticationSecurity basic_authentication_security = 1;
    ApiKeySecurity api_key_security = 2;
  }
}

message BasicAuthenticationSecurity {
  string type = 1;
  string description = 2;
  repeated NamedAny vendor_extension = 3;
}

message ApiKeySecurity {
  string type = 1;
  string name = 2;
  string in = 3;
  string description = 4;
  repeated NamedAny vendor_extension = 5;
}
`;

/** Parses {@link OPENAPI_V2_PROTO} into a fresh protobufjs root (callers cache it; parsing takes ~ms). */
export function openapiV2ProtoRoot(): protobuf.Root {
  return protobuf.parse(OPENAPI_V2_PROTO, { keepCase: true }).root;
}

/** The `openapi.v2.Document` message type from a fresh root. */
export function openapiV2DocumentType(): protobuf.Type {
  return openapiV2ProtoRoot().lookupType(OPENAPI_V2_DOCUMENT_TYPE);
}
