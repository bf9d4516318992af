/**
 * String validators for names, label keys and values, and the metadata validation built on them.
 *
 * Each `is*` function returns the list of upstream's messages describing what is wrong (empty = valid);
 * `validate*` functions wrap those into FieldErrors at a path. Lengths are counted in bytes, as Go does.
 */
import { isDeepStrictEqual } from 'node:util';
import { FieldPath, forbidden, invalidValue, required, tooLong, type FieldError } from '../field-errors.js';
import { goQuote } from '../go-format.js';
import type { ObjectMeta, OwnerReference } from '../meta.js';

/** Go's len(): byte length of the UTF-8 encoding. */
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** `must be no more than N characters` (validation.MaxLenError). */
export const maxLenError = (length: number): string => `must be no more than ${length} characters`;

/**
 * `<msg> (e.g. 'a',  or 'b', regex used for validation is '<re>')` (validation.RegexError). The doubled space
 * before `or` is upstream's and is kept: clients and tests compare these messages verbatim.
 */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${re}')`;
}

/** `must be non-empty` (validation.EmptyError). */
export const emptyError = (): string => 'must be non-empty';

/** `must be between lo and hi, inclusive` (validation.InclusiveRangeError). */
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`);

const QNAME_CHAR = '[A-Za-z0-9]';
const QNAME_EXT_CHAR = '[-A-Za-z0-9_.]';
const QUALIFIED_NAME_FMT = `(${QNAME_CHAR}${QNAME_EXT_CHAR}*)?${QNAME_CHAR}`;
const QUALIFIED_NAME_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MAX = 63;
const QUALIFIED_NAME_RE = anchored(QUALIFIED_NAME_FMT);

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
/** Maximum length of a label value. */
export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_VALUE_RE = anchored(LABEL_VALUE_FMT);

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
/** Maximum length of a DNS-1123 label. */
export const DNS1123_LABEL_MAX_LENGTH = 63;
const DNS1123_LABEL_RE = anchored(DNS1123_LABEL_FMT);

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
/** Maximum length of a DNS-1123 subdomain. */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const DNS1123_SUBDOMAIN_RE = anchored(DNS1123_SUBDOMAIN_FMT);

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
/** Maximum length of a DNS-1035 label. */
export const DNS1035_LABEL_MAX_LENGTH = 63;
const DNS1035_LABEL_RE = anchored(DNS1035_LABEL_FMT);

const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_DNS1123_SUBDOMAIN_ERR =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const WILDCARD_DNS1123_SUBDOMAIN_RE = anchored(WILDCARD_DNS1123_SUBDOMAIN_FMT);

const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const C_IDENTIFIER_ERR =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
const C_IDENTIFIER_RE = anchored(C_IDENTIFIER_FMT);

/**
 * A label key / annotation key / finalizer: an optional DNS-subdomain prefix and `/`, then a name of at most
 * 63 characters (validation.IsQualifiedName).
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part ' + emptyError());
    else for (const m of isDNS1123Subdomain(prefix)) errs.push('prefix part ' + m);
  } else {
    return [
      'a qualified name ' +
        regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part ' + emptyError());
  else if (byteLength(name) > QUALIFIED_NAME_MAX) errs.push('name part ' + maxLenError(QUALIFIED_NAME_MAX));
  if (!QUALIFIED_NAME_RE.test(name)) {
    errs.push('name part ' + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc'));
  }
  return errs;
}

/** A label value: empty, or up to 63 alphanumerics, `-`, `_`, `.` starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value))
    errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** An RFC 1123 label (namespace names, most DNS-facing names). A valid subdomain only hears "no dots". */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) {
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** An RFC 1123 subdomain (most object names). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value))
    errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** An RFC 1035 label: starts with a letter (service names). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** `*.` followed by a DNS-1123 subdomain. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!WILDCARD_DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError(WILDCARD_DNS1123_SUBDOMAIN_ERR, WILDCARD_DNS1123_SUBDOMAIN_FMT, '*.example.com'));
  }
  return errs;
}

/** A C identifier (environment variable names in some contexts). */
export function isCIdentifier(value: string): string[] {
  return C_IDENTIFIER_RE.test(value)
    ? []
    : [regexError(C_IDENTIFIER_ERR, C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

/** A TCP/UDP port number, 1..65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** An integer within [min, max]. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

/**
 * Whether a name can be used as one segment of a REST path or storage key: not `.` or `..`, and without `/`
 * or `%` (path.IsValidPathSegmentName).
 */
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return isValidPathSegmentPrefix(name);
}

/** Like {@link isValidPathSegmentName} for a prefix that will get a suffix (generateName): no exact-name check. */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** path.ValidatePathSegmentName: the prefix or exact-name variant. */
export function validatePathSegmentName(name: string, prefix: boolean): string[] {
  return prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);
}

/**
 * Validates `metadata.name` (prefix = false) or `metadata.generateName` (prefix = true) for one resource type;
 * returns upstream's messages (empty = valid).
 */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

// A generateName may end in '-' since random characters follow; replace the dash so the regex accepts it.
// Upstream replaces the last two characters with 'a' (dropping one), which only shortens the checked string.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name;
}

/** Names that must be DNS-1123 subdomains (most resources). */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** Names that must be DNS-1123 labels (namespaces, nodes' DNS-facing names...). */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** Names that must be DNS-1035 labels (services). */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** Names that need only be usable as a path segment (e.g. some RBAC objects). */
export const nameIsValidPathSegment: ValidateNameFunc = validatePathSegmentName;

/** Namespace names are DNS-1123 labels. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;

/** Wraps each message of a string validator into an Invalid FieldError at `path`. */
export function invalidEach(path: FieldPath | null, value: unknown, msgs: readonly string[]): FieldError[] {
  return msgs.map((m) => invalidValue(path, value, m));
}

// ---- metadata -------------------------------------------------------------------------------------------------

/** Upper bound on the summed byte length of all annotation keys and values (256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;
/** Detail for an update that changes a field that cannot change. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
/** Detail for a negative value where only non-negative ones are allowed. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';

const ORPHAN_FINALIZER = 'orphan';
const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** A label key at `path` (metav1 validation.ValidateLabelName). */
export function validateLabelName(key: string, path: FieldPath): FieldError[] {
  return invalidEach(path, key, isQualifiedName(key));
}

/** Label keys and values; every error is reported at `path` itself, as upstream does. */
export function validateLabels(labels: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path), ...invalidEach(path, v, isValidLabelValue(v)));
  }
  return errs;
}

/** Annotation keys (qualified names, case-insensitive) and the 256 KiB total size limit. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...invalidEach(path, k, isQualifiedName(k.toLowerCase())));
    total += byteLength(k) + byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  return errs;
}

// schema.ParseGroupVersion: "v1" → core, "apps/v1" → apps; anything else has no usable version.
function versionOf(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split('/');
  if (apiVersion === '' || parts.length > 2) return { group: '', version: '' };
  return parts.length === 1 ? { group: '', version: parts[0]! } : { group: parts[0]!, version: parts[1]! };
}

/** Owner references: required fields, no Event owners, at most one controller. Errors are at `path`. */
export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const gv = versionOf(ref.apiVersion ?? '');
    if (!gv.version)
      errs.push(invalidValue(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalidValue(path.child('kind'), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalidValue(path.child('name'), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalidValue(path.child('uid'), ref.uid ?? '', 'uid must not be empty'));
    // Events are garbage collected by TTL; letting them own objects would tie those objects to that TTL.
    if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
      errs.push(invalidValue(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalidValue(
            path,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

/** A finalizer name is a qualified name. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  return invalidEach(path, name, isQualifiedName(name));
}

/** Finalizer names, and `orphan` together with `foregroundDeletion` (contradictory deletion policies). */
export function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const list = finalizers ?? [];
  const errs = list.flatMap((f) => validateFinalizerName(f, path));
  if (list.includes(ORPHAN_FINALIZER) && list.includes(FOREGROUND_FINALIZER)) {
    errs.push(invalidValue(path, list, `finalizer ${ORPHAN_FINALIZER} and ${FOREGROUND_FINALIZER} cannot be both set`));
  }
  return errs;
}

/** What {@link validateObjectMeta} needs to know about the resource type. */
export interface ObjectMetaValidationOptions {
  /** Whether the resource lives in a namespace (namespace required) or is cluster-scoped (namespace forbidden). */
  namespaced: boolean;
  /** How names of this resource are validated (e.g. {@link nameIsDNSSubdomain}). */
  nameFn: ValidateNameFunc;
}

/**
 * Metadata of an object being created (ValidateObjectMetaAccessor). Expects generateName to have been turned
 * into a name already; a generateName that is itself invalid is still reported. managedFields are not checked.
 */
export function validateObjectMeta(
  meta: ObjectMeta,
  opts: ObjectMetaValidationOptions,
  path: FieldPath = FieldPath.root('metadata'),
): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    errs.push(...invalidEach(path.child('generateName'), meta.generateName, opts.nameFn(meta.generateName, true)));
  }
  if (!meta.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else errs.push(...invalidEach(path.child('name'), meta.name, opts.nameFn(meta.name, false)));
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(required(path.child('namespace')));
    else
      errs.push(...invalidEach(path.child('namespace'), meta.namespace, validateNamespaceName(meta.namespace, false)));
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  if ((meta.generation ?? 0) < 0)
    errs.push(invalidValue(path.child('generation'), meta.generation, IS_NEGATIVE_ERROR_MSG));
  errs.push(
    ...validateLabels(meta.labels, path.child('labels')),
    ...validateAnnotations(meta.annotations, path.child('annotations')),
    ...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')),
    ...validateFinalizers(meta.finalizers, path.child('finalizers')),
  );
  return errs;
}

// Go has no undefined: an absent string is "", an absent pointer nil. Compare as Go would.
const goZero = (v: unknown): unknown => (v === undefined || v === null || v === '' ? null : v);

/** `field is immutable` at `path` unless the values are deeply equal (absent, null and "" are equal). */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: FieldPath): FieldError[] {
  return isDeepStrictEqual(goZero(newVal), goZero(oldVal))
    ? []
    : [invalidValue(path, newVal ?? '', FIELD_IMMUTABLE_ERROR_MSG)];
}

/**
 * Metadata of an object being updated (ValidateObjectMetaAccessorUpdate): resourceVersion required, identity
 * and timestamps immutable, generation never decreasing, no new finalizers once deletion has started.
 */
export function validateObjectMetaUpdate(
  newMeta: ObjectMeta,
  oldMeta: ObjectMeta,
  path: FieldPath = FieldPath.root('metadata'),
): FieldError[] {
  const errs: FieldError[] = [];
  if (oldMeta.deletionTimestamp) {
    const old = new Set(oldMeta.finalizers ?? []);
    const extra = [...new Set((newMeta.finalizers ?? []).filter((f) => !old.has(f)))].sort();
    if (extra.length) {
      errs.push(
        forbidden(
          path.child('finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map(goQuote).join(', ')}}`,
        ),
      );
    }
  }
  if (!newMeta.resourceVersion) {
    errs.push(
      invalidValue(path.child('resourceVersion'), newMeta.resourceVersion ?? '', 'must be specified for an update'),
    );
  }
  if ((newMeta.generation ?? 0) < (oldMeta.generation ?? 0)) {
    errs.push(invalidValue(path.child('generation'), newMeta.generation ?? 0, 'must not be decremented'));
  }
  for (const f of [
    'name',
    'namespace',
    'uid',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ] as const) {
    errs.push(...validateImmutableField(newMeta[f], oldMeta[f], path.child(f)));
  }
  errs.push(
    ...validateLabels(newMeta.labels, path.child('labels')),
    ...validateAnnotations(newMeta.annotations, path.child('annotations')),
    ...validateOwnerReferences(newMeta.ownerReferences, path.child('ownerReferences')),
  );
  return errs;
}
