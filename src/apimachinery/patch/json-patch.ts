/**
 * RFC 6902 JSON patch (`application/json-patch+json`) with the semantics of the library upstream's apiserver
 * uses (gopkg.in/evanphx/json-patch.v4), including its documented leniencies, because clients depend on them:
 * - `replace` of a missing member of an existing object adds it (only a missing parent, or a missing array
 *   index, fails);
 * - a missing `value` counts as null, and `copy` from a missing member copies null;
 * - negative array indices count from the end (`/list/-1` is the last element);
 * - `replace` of the root with a non-container value is silently ignored.
 * Where we resolve, fast-json-patch mutates: we walk the pointer ourselves to produce upstream's error texts
 * and then hand a canonical pointer to fast-json-patch for the change.
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { jsonTypeWord } from './go-format.js';
import { cloneJson, hasOwn, isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { badRequest, notApplicable, PatchError } from './patch-error.js';

/** Upstream's cap on operations in one JSON patch (apiserver `maxJSONPatchOperations`). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;
/** Upstream apiserver's default JSONPatchMaxCopyBytes (3 MiB): the total size `copy` operations may add. */
export const DEFAULT_JSON_PATCH_MAX_COPY_BYTES = 3 * 1024 * 1024;

export interface JsonPatchOptions {
  /** Cap on the total JSON size `copy` operations may add; 0 or less disables it. Default 3 MiB. */
  maxCopyBytes?: number;
}

/**
 * Checks the shape of a parsed `application/json-patch+json` body and returns its operations. Throws PatchError
 * BadRequest (not an array, an operation that is not an object) or RequestEntityTooLarge (over 10000 ops).
 * A JSON `null` body is an empty patch, as upstream decodes it.
 */
export function decodeJsonPatch(body: unknown): (JsonObject | null)[] {
  if (body === null) return [];
  if (!Array.isArray(body)) {
    throw badRequest(`json: cannot unmarshal ${jsonTypeWord(body)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of body) {
    if (op !== null && !isJsonObject(op)) {
      throw badRequest(`json: cannot unmarshal ${jsonTypeWord(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  if (body.length > MAX_JSON_PATCH_OPERATIONS) {
    const detail = `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${body.length}`;
    throw new PatchError('RequestEntityTooLarge', detail, { statusMessage: `Request entity too large: ${detail}` });
  }
  return body as (JsonObject | null)[];
}

/**
 * Applies a JSON patch to a copy of `doc` and returns the result; neither argument is modified. Operations run
 * in order and the first failure aborts the whole patch with a PatchError (422 Invalid for operations that do
 * not apply, 400 BadRequest for a malformed body).
 */
export function applyJsonPatch(doc: unknown, patch: unknown, options: JsonPatchOptions = {}): JsonValue {
  const ops = decodeJsonPatch(patch);
  const state: State = {
    root: cloneJson(doc),
    copied: 0,
    maxCopy: options.maxCopyBytes ?? DEFAULT_JSON_PATCH_MAX_COPY_BYTES,
  };
  for (const op of ops) applyOperation(state, op ?? {});
  return state.root;
}

interface State {
  root: JsonValue;
  copied: number;
  maxCopy: number;
}

type Container = JsonObject | JsonValue[];
/** A resolved parent: the container, the (unescaped) final key, and the canonical pointer to the container. */
interface Target {
  container: Container;
  key: string;
  pointer: string;
}

const isContainer = (v: JsonValue | undefined): v is Container => typeof v === 'object' && v !== null;

/** Thrown inside this module with upstream's error text; converted to a 422 at the operation boundary. */
class OpError extends Error {}

function applyOperation(s: State, op: JsonObject): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  try {
    switch (kind) {
      case 'add':
        return opAdd(s, op);
      case 'remove':
        return opRemove(s, op);
      case 'replace':
        return opReplace(s, op);
      case 'move':
        return opMove(s, op);
      case 'copy':
        return opCopy(s, op);
      case 'test':
        return opTest(s, op);
      default:
        throw new OpError(`Unexpected kind: ${kind}`);
    }
  } catch (e) {
    if (e instanceof OpError) throw notApplicable(e.message);
    // fast-json-patch refuses to touch __proto__ / constructor.prototype (with a TypeError); upstream has no
    // such keys to protect, but in JavaScript they are not plain members, so we refuse them too.
    if (e instanceof TypeError && e.message.includes('banned')) {
      const path = typeof op.path === 'string' ? op.path : '';
      throw notApplicable(
        `${kind} operation does not apply: ${path}: __proto__ and constructor/prototype cannot be patched`,
        e,
      );
    }
    throw e;
  }
}

/** Reads `path` or `from`; returns upstream's error text when it is missing or not a string. */
function readPointer(op: JsonObject, name: 'path' | 'from'): string | OpError {
  const v = op[name];
  if (v === undefined || v === null) {
    return new OpError(
      name === 'path' ? 'operation missing path field: missing value' : 'operation, missing from field: missing value',
    );
  }
  if (typeof v !== 'string')
    return new OpError(`json: cannot unmarshal ${jsonTypeWord(v)} into Go value of type string`);
  return v;
}

function pointerOrThrow(op: JsonObject, name: 'path' | 'from', context: string, keepCause: boolean): string {
  const p = readPointer(op, name);
  if (p instanceof OpError) throw new OpError(keepCause ? `${context}: ${p.message}` : `${context}: missing value`);
  return p;
}

/** An absent `value` is null, as upstream stores a nil node. */
const valueOf = (op: JsonObject): JsonValue => (hasOwn(op, 'value') ? cloneJson(op.value) : null);

/** Walks every token but the last (upstream `findObject`); undefined when an intermediate is missing. */
function findParent(root: JsonValue, path: string): Target | undefined {
  const split = path.split('/');
  if (split.length < 2 || !isContainer(root)) return undefined;
  let cur: Container = root;
  let pointer = '';
  for (const raw of split.slice(1, -1)) {
    const token = jsonpatch.unescapePathComponent(raw);
    let next: JsonValue | undefined;
    let canonical = token;
    if (Array.isArray(cur)) {
      const idx = arrayIndex(cur, token);
      if (typeof idx !== 'number') return undefined;
      next = cur[idx];
      canonical = String(idx);
    } else {
      next = hasOwn(cur, token) ? cur[token] : undefined;
    }
    if (!isContainer(next)) return undefined;
    cur = next;
    pointer += `/${jsonpatch.escapePathComponent(canonical)}`;
  }
  return { container: cur, key: jsonpatch.unescapePathComponent(split[split.length - 1] as string), pointer };
}

/** strconv.Atoi, with its error text. */
function atoi(s: string): number | OpError {
  const n = /^[+-]?\d+$/.test(s) ? Number(s) : NaN;
  if (Number.isNaN(n)) return new OpError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  if (!Number.isSafeInteger(n)) return new OpError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

const invalidIndex = (idx: number) => new OpError(`Unable to access invalid index: ${idx}: invalid index referenced`);

/** Index of an existing element (get/replace/remove); negative counts from the end. */
function arrayIndex(arr: JsonValue[], key: string): number | OpError {
  const idx = atoi(key);
  if (typeof idx !== 'number') return idx;
  if (idx < -arr.length || idx >= arr.length) return invalidIndex(idx);
  return idx < 0 ? idx + arr.length : idx;
}

/** Canonical pointer of the target after resolving array keys; throws upstream's texts for bad indices. */
function leafPointer(t: Target, mode: 'get' | 'add'): string {
  let token = t.key;
  if (Array.isArray(t.container)) {
    if (mode === 'add') {
      if (t.key !== '-') {
        const idx = atoi(t.key);
        if (typeof idx !== 'number')
          throw new OpError(`value was not a proper array index: '${t.key}': ${idx.message}`);
        const size = t.container.length + 1;
        if (idx >= size || idx < -size) throw invalidIndex(idx);
        token = String(idx < 0 ? idx + size : idx);
      }
    } else {
      const idx = arrayIndex(t.container, t.key);
      if (typeof idx !== 'number') throw idx;
      token = String(idx);
    }
  }
  return `${t.pointer}/${jsonpatch.escapePathComponent(token)}`;
}

/** Value at the target (undefined for a missing member; upstream treats null the same). */
function getAt(t: Target): JsonValue | undefined {
  if (Array.isArray(t.container)) {
    const idx = arrayIndex(t.container, t.key);
    if (typeof idx !== 'number') throw idx;
    return t.container[idx];
  }
  return hasOwn(t.container, t.key) ? t.container[t.key] : undefined;
}

function mutate(s: State, operation: Operation): void {
  s.root = jsonpatch.applyOperation(s.root, operation, false, true, true).newDocument as JsonValue;
}

function addAt(s: State, t: Target, value: JsonValue): void {
  mutate(s, { op: 'add', path: leafPointer(t, 'add'), value });
}

function removeAt(s: State, t: Target): void {
  if (!Array.isArray(t.container) && !hasOwn(t.container, t.key)) {
    throw new OpError(`Unable to remove nonexistent key: ${t.key}: missing value`);
  }
  mutate(s, { op: 'remove', path: leafPointer(t, 'get') });
}

/** Runs `fn`, prefixing any OpError it throws with `context` (upstream's errors.Wrapf). */
function wrap<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OpError) throw new OpError(`${context}: ${e.message}`);
    throw e;
  }
}

function opAdd(s: State, op: JsonObject): void {
  const path = pointerOrThrow(op, 'path', 'add operation failed to decode path', false);
  const t = findParent(s.root, path);
  if (!t) throw new OpError(`add operation does not apply: doc is missing path: "${path}": missing value`);
  wrap(`error in add for path: '${path}'`, () => addAt(s, t, valueOf(op)));
}

function opRemove(s: State, op: JsonObject): void {
  const path = pointerOrThrow(op, 'path', 'remove operation failed to decode path', false);
  const t = findParent(s.root, path);
  if (!t) throw new OpError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
  wrap(`error in remove for path: '${path}'`, () => removeAt(s, t));
}

function opReplace(s: State, op: JsonObject): void {
  const path = pointerOrThrow(op, 'path', 'replace operation failed to decode path', true);
  if (path === '') {
    const value = valueOf(op);
    // Upstream only swaps the root for an object or array; any other value is (silently) ignored.
    if (isContainer(value)) s.root = value;
    return;
  }
  const t = findParent(s.root, path);
  if (!t) throw new OpError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
  // Only a missing array element fails here; a missing object member is simply set (upstream v4 behaviour).
  if (Array.isArray(t.container) && typeof arrayIndex(t.container, t.key) !== 'number') {
    throw new OpError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
  }
  mutate(s, { op: 'replace', path: leafPointer(t, 'get'), value: valueOf(op) });
}

function opMove(s: State, op: JsonObject): void {
  const from = pointerOrThrow(op, 'from', 'move operation failed to decode from', true);
  const src = findParent(s.root, from);
  if (!src) throw new OpError(`move operation does not apply: doc is missing from path: ${from}: missing value`);
  const value = wrap(`error in move for path: '${src.key}'`, () => {
    const v = getAt(src);
    removeAt(s, src);
    return v ?? null;
  });
  const path = pointerOrThrow(op, 'path', 'move operation failed to decode path', true);
  // The destination is resolved after the removal, so moving a value into itself fails as upstream does.
  const dst = findParent(s.root, path);
  if (!dst) throw new OpError(`move operation does not apply: doc is missing destination path: ${path}: missing value`);
  wrap(`error in move for path: '${path}'`, () => addAt(s, dst, value));
}

function opCopy(s: State, op: JsonObject): void {
  const from = pointerOrThrow(op, 'from', 'copy operation failed to decode from', true);
  const src = findParent(s.root, from);
  if (!src) throw new OpError(`copy operation does not apply: doc is missing from path: ${from}: missing value`);
  const value = wrap(`error in copy for from: '${from}'`, () => getAt(src)) ?? null;
  const path = pointerOrThrow(op, 'path', 'copy operation failed to decode path', false);
  const dst = findParent(s.root, path);
  if (!dst) throw new OpError(`copy operation does not apply: doc is missing destination path: ${path}: missing value`);
  s.copied += Buffer.byteLength(JSON.stringify(value));
  if (s.maxCopy > 0 && s.copied > s.maxCopy) {
    throw new OpError(
      `Unable to complete the copy, the accumulated size increase of copy is ${s.copied}, exceeding the limit ${s.maxCopy}`,
    );
  }
  wrap('error while adding value during copy', () => addAt(s, dst, cloneJson(value)));
}

function opTest(s: State, op: JsonObject): void {
  const path = pointerOrThrow(op, 'path', 'test operation failed to decode path', true);
  const expected = hasOwn(op, 'value') ? (op.value as JsonValue) : undefined;
  let actual: JsonValue | undefined = s.root;
  if (path !== '') {
    const t = findParent(s.root, path);
    if (!t) throw new OpError(`test operation does not apply: is missing path: ${path}: missing value`);
    actual = wrap(`error in test for path: '${path}'`, () => getAt(t));
  }
  // A missing member and an explicit null are the same to upstream; both match only a null (or absent) value.
  const ok =
    actual === undefined || actual === null
      ? expected === undefined || expected === null
      : expected !== undefined && jsonpatch._areEquals(actual, expected);
  if (!ok) throw new OpError(`testing value ${path} failed: test failed`);
}
