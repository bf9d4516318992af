/**
 * Decodes Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`) into the JSON object the
 * same client would have sent as JSON. kubectl 1.32+ sends typed creates (namespace, configmap, secret,
 * deployment, …) and SelfSubjectAccessReviews this way; the server decodes them and always answers in JSON.
 *
 * Wire format: the 4 bytes `k8s\0`, then a `runtime.Unknown` message {1 typeMeta {1 apiVersion, 2 kind}, 2 raw,
 * 3 contentEncoding, 4 contentType} whose `raw` is the object's message. Objects are proto2 messages generated
 * by gogo-protobuf from the Go structs, so the JSON is rebuilt with Go's encoding/json rules: `omitempty` drops
 * zero scalars and empty lists/maps, non-pointer structs are always written, absent pointers are omitted,
 * absent non-omitempty lists/maps are `null`, map keys are sorted.
 *
 * Simplifications (upstream clients never hit them): a non-repeated message field that occurs twice keeps the
 * last occurrence instead of merging; int64 values beyond 2^53 lose precision in the JSON number.
 */

import protobuf from 'protobufjs/minimal.js';
import {
  apiVersionOf,
  resolveType,
  type FieldDef,
  type ResolvedType,
  type ScalarKind,
  type StructType,
  type TypeRef,
} from './dsl.js';
import type { SchemaRegistry } from './registry.js';

type Reader = protobuf.Reader;
const { Reader: ReaderImpl } = protobuf;

/** `k8s\0`, the prefix of every Kubernetes protobuf payload. */
export const K8S_PROTOBUF_MAGIC: readonly number[] = Object.freeze([0x6b, 0x38, 0x73, 0x00]);

export type ProtobufDecodeErrorCode =
  /** The payload does not start with `k8s\0`. */
  | 'BadMagic'
  /** The bytes are not a valid protobuf message of the expected shape. */
  | 'Malformed'
  /** The envelope names an apiVersion/kind the registry does not know. */
  | 'UnknownKind'
  /** contentEncoding is set (upstream never sets it). */
  | 'UnsupportedEncoding';

/** The only error {@link decodeK8sProtobuf} throws. Maps to 400 BadRequest (415 for UnknownKind is also fair). */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
  constructor(
    readonly code: ProtobufDecodeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isProtobufDecodeError = (e: unknown): e is ProtobufDecodeError => e instanceof ProtobufDecodeError;

/** The decoded `runtime.Unknown` envelope. */
export interface K8sProtobufEnvelope {
  readonly apiVersion: string;
  readonly kind: string;
  readonly raw: Uint8Array;
  readonly contentEncoding: string;
  readonly contentType: string;
}

/** A decoded JSON value. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A decoded JSON object. */
export type JsonObject = { [k: string]: Json };

/** Whether a body starts with the Kubernetes protobuf magic. */
export function hasK8sProtobufMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && K8S_PROTOBUF_MAGIC.every((b, i) => bytes[i] === b);
}

/** Checks the magic and decodes the `runtime.Unknown` envelope. */
export function decodeK8sProtobufEnvelope(bytes: Uint8Array): K8sProtobufEnvelope {
  if (!hasK8sProtobufMagic(bytes)) {
    throw new ProtobufDecodeError('BadMagic', 'protobuf body does not start with the "k8s\\0" prefix');
  }
  return guard('runtime.Unknown', () => {
    const r = ReaderImpl.create(bytes.subarray(4));
    let apiVersion = '';
    let kindName = '';
    let raw: Uint8Array = new Uint8Array(0);
    let contentEncoding = '';
    let contentType = '';
    while (r.pos < r.len) {
      const tag = r.uint32();
      const no = tag >>> 3;
      const wt = tag & 7;
      if (no >= 1 && no <= 4) expectWire(wt, 2, `runtime.Unknown field ${no}`);
      switch (no) {
        case 1: {
          const end = r.uint32() + r.pos;
          while (r.pos < end) {
            const t = r.uint32();
            if (t >>> 3 === 1 && (t & 7) === 2) apiVersion = r.string();
            else if (t >>> 3 === 2 && (t & 7) === 2) kindName = r.string();
            else r.skipType(t & 7);
          }
          break;
        }
        case 2:
          raw = r.bytes();
          break;
        case 3:
          contentEncoding = r.string();
          break;
        case 4:
          contentType = r.string();
          break;
        default:
          r.skipType(wt);
      }
    }
    return { apiVersion, kind: kindName, raw, contentEncoding, contentType };
  });
}

/**
 * Decodes a Kubernetes protobuf body into the JSON object for its kind, with `kind` and `apiVersion` set.
 * Unknown field numbers are skipped. Throws {@link ProtobufDecodeError}.
 */
export function decodeK8sProtobuf(bytes: Uint8Array, registry: SchemaRegistry): JsonObject {
  const env = decodeK8sProtobufEnvelope(bytes);
  if (env.contentEncoding !== '') {
    throw new ProtobufDecodeError(
      'UnsupportedEncoding',
      `unsupported protobuf contentEncoding "${env.contentEncoding}"`,
    );
  }
  const k = registry.lookup(env.apiVersion, env.kind);
  if (!k) {
    throw new ProtobufDecodeError(
      'UnknownKind',
      `no kind "${env.kind}" is registered for version "${env.apiVersion}" in the protobuf body`,
    );
  }
  const body = decodeProtobufMessage(env.raw, k.schema, { registry });
  return { kind: env.kind, apiVersion: apiVersionOf(k.gvk.group, k.gvk.version), ...body };
}

export interface DecodeOptions {
  /** Needed only to decode RawExtensions that themselves hold protobuf objects. */
  readonly registry?: SchemaRegistry;
}

/** Decodes one object message (no envelope) of the given struct into Go-style JSON. */
export function decodeProtobufMessage(raw: Uint8Array, schema: StructType, opts: DecodeOptions = {}): JsonObject {
  return guard(schema.name, () => {
    const r = ReaderImpl.create(raw);
    return new MessageDecoder(opts).struct(r, r.len, schema, 0);
  });
}

const MAX_DEPTH = 64;

function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ProtobufDecodeError) throw e;
    throw new ProtobufDecodeError('Malformed', `malformed protobuf ${what}: ${(e as Error).message}`, { cause: e });
  }
}

function expectWire(got: number, want: number, where: string): void {
  if (got !== want) throw new ProtobufDecodeError('Malformed', `${where}: wire type ${got}, expected ${want}`);
}

/** What was read for one field before JSON emission. */
type Slot = { value: Json } | { items: Json[] } | { entries: Map<string, Json> } | { inlineObj: JsonObject };

class MessageDecoder {
  constructor(private readonly opts: DecodeOptions) {}

  struct(r: Reader, end: number, s: StructType, depth: number): JsonObject {
    if (depth > MAX_DEPTH)
      throw new ProtobufDecodeError('Malformed', `protobuf message nested deeper than ${MAX_DEPTH}`);
    const slots = new Map<FieldDef, Slot>();
    while (r.pos < end) {
      const tag = r.uint32();
      const no = tag >>> 3;
      const wt = tag & 7;
      const f = no > 0 ? s.fieldByNumber(no) : undefined;
      if (!f) {
        r.skipType(wt);
        continue;
      }
      const where = `${s.name}.${f.name} (field ${no})`;
      if (f.inline) {
        expectWire(wt, 2, where);
        const len = r.uint32();
        slots.set(f, { inlineObj: this.struct(r, r.pos + len, asStruct(f.type, where), depth + 1) });
        continue;
      }
      const t = resolveType(f.type);
      if (t.kind === 'list' && !t.wrapped) {
        const slot = slots.get(f);
        const items = slot && 'items' in slot ? slot.items : [];
        this.listItems(r, wt, resolveType(t.elem), where, depth, items);
        slots.set(f, { items });
      } else if (t.kind === 'map') {
        const slot = slots.get(f);
        const entries = slot && 'entries' in slot ? slot.entries : new Map<string, Json>();
        expectWire(wt, 2, where);
        this.mapEntry(r, resolveType(t.value), where, depth, entries);
        slots.set(f, { entries });
      } else {
        slots.set(f, { value: this.single(r, wt, t, where, depth) });
      }
    }
    return this.emit(s, slots, depth);
  }

  /** Builds the JSON object in declaration order, applying Go's encoding/json rules. */
  private emit(s: StructType, slots: Map<FieldDef, Slot>, depth: number): JsonObject {
    const out: JsonObject = {};
    for (const f of s.fields) {
      if (f.number === undefined) continue; // TypeMeta: comes from the envelope
      const slot = slots.get(f);
      if (f.inline) {
        const inner = slot && 'inlineObj' in slot ? slot.inlineObj : this.zeroStruct(asStruct(f.type, f.name), depth);
        Object.assign(out, inner);
        continue;
      }
      const t = resolveType(f.type);
      if (t.kind === 'list' || t.kind === 'map' || (t.kind === 'scalar' && t.scalar === 'bytes')) {
        // Slices and maps: nil when absent. omitempty drops nil and empty; otherwise nil is null.
        let v: Json | undefined;
        if (slot && 'items' in slot) v = slot.items;
        else if (slot && 'entries' in slot) v = sortedObject(slot.entries);
        else if (slot && 'value' in slot) v = slot.value;
        const empty =
          v === undefined ||
          v === '' ||
          (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0);
        if (f.pointer && v !== undefined) out[f.name] = v;
        else if (!(f.omitempty && empty)) out[f.name] = v ?? null;
        continue;
      }
      const present = slot !== undefined && 'value' in slot;
      if (f.pointer) {
        // A nil pointer is omitted with omitempty and null without; a set one is written even when zero.
        if (present) out[f.name] = slot.value;
        else if (!f.omitempty) out[f.name] = null;
        continue;
      }
      const v = present ? slot.value : this.zero(t, depth);
      if (f.omitempty && t.kind === 'scalar' && isZeroScalar(t.scalar, v)) continue;
      out[f.name] = v;
    }
    return out;
  }

  /** The JSON of a Go zero value of a non-pointer field type. */
  private zero(t: ResolvedType, depth: number): Json {
    if (t.kind === 'struct') return this.zeroStruct(t, depth);
    if (t.kind !== 'scalar') return null;
    return ZERO[t.scalar];
  }

  private zeroStruct(s: StructType, depth: number): JsonObject {
    return this.emit(s, new Map(), depth + 1);
  }

  /** One non-repeated value of type `t`. */
  private single(r: Reader, wt: number, t: ResolvedType, where: string, depth: number): Json {
    if (t.kind === 'struct') {
      expectWire(wt, 2, where);
      const len = r.uint32();
      return this.struct(r, r.pos + len, t, depth + 1);
    }
    if (t.kind === 'list') {
      // A wrapped list: message {1 repeated items}.
      expectWire(wt, 2, where);
      const end = r.uint32() + r.pos;
      const items: Json[] = [];
      const elem = resolveType(t.elem);
      while (r.pos < end) {
        const tag = r.uint32();
        if (tag >>> 3 === 1) this.listItems(r, tag & 7, elem, where, depth, items);
        else r.skipType(tag & 7);
      }
      return items;
    }
    if (t.kind === 'map') throw new ProtobufDecodeError('Malformed', `${where}: nested maps are not supported`);
    return this.scalar(r, wt, t.scalar, where, depth);
  }

  private listItems(r: Reader, wt: number, elem: ResolvedType, where: string, depth: number, into: Json[]): void {
    if (elem.kind === 'scalar' && PACKABLE.has(elem.scalar) && wt === 2) {
      const end = r.uint32() + r.pos;
      while (r.pos < end) into.push(this.scalar(r, elem.scalar === 'double' ? 1 : 0, elem.scalar, where, depth));
      return;
    }
    into.push(this.single(r, wt, elem, where, depth));
  }

  private mapEntry(r: Reader, valueType: ResolvedType, where: string, depth: number, into: Map<string, Json>): void {
    const end = r.uint32() + r.pos;
    let key = '';
    let value: Json | undefined;
    while (r.pos < end) {
      const tag = r.uint32();
      const no = tag >>> 3;
      const wt = tag & 7;
      if (no === 1) {
        expectWire(wt, 2, where);
        key = r.string();
      } else if (no === 2) {
        value = this.single(r, wt, valueType, where, depth);
      } else r.skipType(wt);
    }
    into.set(
      key,
      value ?? (valueType.kind === 'scalar' && valueType.scalar === 'bytes' ? '' : this.zero(valueType, depth)),
    );
  }

  private scalar(r: Reader, wt: number, s: ScalarKind, where: string, depth: number): Json {
    switch (s) {
      case 'string':
        expectWire(wt, 2, where);
        return r.string();
      case 'bytes':
        expectWire(wt, 2, where);
        return Buffer.from(r.bytes()).toString('base64');
      case 'boolean':
        expectWire(wt, 0, where);
        return r.bool();
      case 'int32':
        expectWire(wt, 0, where);
        return r.int32(); // reads the 10-byte sign-extended form of negative values too
      case 'int64':
        expectWire(wt, 0, where);
        return Number(longToBigInt(r.int64()));
      case 'double':
        expectWire(wt, 1, where);
        return r.double();
      default:
        break;
    }
    // The rest are small wrapper messages.
    expectWire(wt, 2, where);
    const len = r.uint32();
    const end = r.pos + len;
    const fields = readFlat(r, end);
    switch (s) {
      case 'quantity':
        return utf8(fields.get(1)) || '0';
      case 'intOrString':
        return bigOf(fields.get(1)) === 1n ? utf8(fields.get(3)) : int32Of(fields.get(2));
      case 'time':
        // Upstream writes nothing for the zero time and reads an empty message back as zero (JSON null).
        return len === 0 ? null : formatRFC3339(Number(bigOf(fields.get(1))), 0, false);
      case 'microTime':
        return len === 0 ? null : formatRFC3339(Number(bigOf(fields.get(1))), int32Of(fields.get(2)), true);
      case 'duration':
        return formatGoDuration(BigInt.asIntN(64, bigOf(fields.get(1))));
      case 'rawExtension':
      case 'fieldsV1':
      case 'json':
        return this.embeddedJSON(fields.get(1), where, depth);
    }
    return null;
  }

  private embeddedJSON(raw: FlatValue | undefined, where: string, depth: number): Json {
    if (!(raw instanceof Uint8Array) || raw.length === 0) return null;
    if (hasK8sProtobufMagic(raw)) {
      if (!this.opts.registry)
        throw new ProtobufDecodeError('Malformed', `${where}: embedded protobuf object needs a registry`);
      if (depth > MAX_DEPTH)
        throw new ProtobufDecodeError('Malformed', `protobuf message nested deeper than ${MAX_DEPTH}`);
      return decodeK8sProtobuf(raw, this.opts.registry);
    }
    try {
      return JSON.parse(Buffer.from(raw).toString('utf8')) as Json;
    } catch (e) {
      throw new ProtobufDecodeError('Malformed', `${where}: embedded raw data is neither JSON nor protobuf`, {
        cause: e,
      });
    }
  }
}

type FlatValue = bigint | Uint8Array;

/**
 * Reads the fields of a small wrapper message (Quantity, IntOrString, Time, Duration, RawExtension) without a
 * schema: varints as bigint, so int32 sign extension and the int64 range survive; length-delimited as bytes.
 */
function readFlat(r: Reader, end: number): Map<number, FlatValue> {
  const out = new Map<number, FlatValue>();
  while (r.pos < end) {
    const tag = r.uint32();
    const no = tag >>> 3;
    const wt = tag & 7;
    if (wt === 0) out.set(no, longToBigInt(r.int64()));
    else if (wt === 2) out.set(no, r.bytes());
    else r.skipType(wt);
  }
  return out;
}

const utf8 = (v: FlatValue | undefined): string => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : '');
const bigOf = (v: FlatValue | undefined): bigint => (typeof v === 'bigint' ? v : 0n);
const int32Of = (v: FlatValue | undefined): number => Number(BigInt.asIntN(32, bigOf(v)));

/** protobufjs returns int64 as a Long (when long.js is installed) or as a plain number. */
function longToBigInt(v: protobuf.Long | number): bigint {
  if (typeof v === 'number') return BigInt(v);
  return BigInt.asIntN(64, (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0));
}

const PACKABLE: ReadonlySet<ScalarKind> = new Set(['boolean', 'int32', 'int64', 'double']);

const ZERO: Record<ScalarKind, Json> = {
  string: '',
  boolean: false,
  int32: 0,
  int64: 0,
  double: 0,
  bytes: null,
  intOrString: 0,
  quantity: '0',
  time: null,
  microTime: null,
  duration: '0s',
  rawExtension: null,
  fieldsV1: null,
  json: null,
};

/** omitempty only ever drops Go basic kinds; the struct-backed scalars (Time, Quantity, …) are never dropped. */
function isZeroScalar(s: ScalarKind, v: Json): boolean {
  switch (s) {
    case 'string':
      return v === '';
    case 'boolean':
      return v === false;
    case 'int32':
    case 'int64':
    case 'double':
      return v === 0;
    default:
      return false;
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortedObject(entries: Map<string, Json>): JsonObject {
  const out: JsonObject = {};
  for (const k of [...entries.keys()].sort(compareUtf8)) out[k] = entries.get(k) as Json;
  return out;
}

/** Go sorts map keys by bytes; UTF-16 order differs only for astral characters, so compare code points. */
function compareUtf8(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i] as string).codePointAt(0)! - (cb[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

function asStruct(t: TypeRef, where: string): StructType {
  const r = resolveType(t);
  if (r.kind !== 'struct') throw new ProtobufDecodeError('Malformed', `${where}: inline field is not a struct`);
  return r;
}

/** RFC 3339 in UTC as Go's metav1.Time (seconds) and MicroTime (6 fraction digits) marshal it. */
export function formatRFC3339(seconds: number, nanos: number, micro: boolean): string {
  const d = new Date(seconds * 1000);
  const iso = d.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ (or ±YYYYYY for far years)
  const base = iso.slice(0, iso.indexOf('.'));
  if (!micro) return `${base}Z`;
  const us = Math.floor(Math.max(0, nanos) / 1000);
  return `${base}.${String(us).padStart(6, '0')}Z`;
}

/** Go's time.Duration.String(): "1h2m3.5s", "1.5ms", "0s". */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    // Sub-second: pick the largest unit that keeps an integer part.
    const [unit, div] =
      u < 1000n ? (['ns', 1n] as const) : u < 1_000_000n ? (['µs', 1000n] as const) : (['ms', 1_000_000n] as const);
    out = fixed(u, div) + unit;
  } else {
    const h = u / 3_600_000_000_000n;
    u -= h * 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u -= m * 60_000_000_000n;
    out = `${fixed(u, 1_000_000_000n)}s`;
    if (h > 0n || m > 0n) out = `${m}m${out}`;
    if (h > 0n) out = `${h}h${out}`;
  }
  return neg ? `-${out}` : out;
}

/** `v / div` as a decimal with trailing zeros trimmed. */
function fixed(v: bigint, div: bigint): string {
  const int = v / div;
  const frac = v % div;
  if (frac === 0n) return String(int);
  const digits = String(div).length - 1;
  return `${int}.${String(frac).padStart(digits, '0').replace(/0+$/, '')}`;
}
