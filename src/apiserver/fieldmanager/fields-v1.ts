/**
 * The `FieldsV1` wire form of a {@link FieldSet}, as it appears in `metadata.managedFields[].fieldsV1`:
 *
 * ```json
 * {"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{}}}}}
 * ```
 * Each key is a serialized path element; `{}` marks a member with nothing below it, and `"."` marks a node
 * that is a member as well as a prefix of other members. Keys are written in upstream's element order (with
 * `"."` first), so the JSON text matches what the Go API server stores.
 */
import { isJsonObject, setKey, type JsonObject } from '../../apimachinery/patch/json.js';
import { FieldSet } from './field-set.js';
import { FieldsV1Error, comparePathElements, parsePathElement, serializePathElement } from './path-element.js';

/** Encodes a set as a fieldsV1 object. */
export function setToFieldsV1(set: FieldSet): JsonObject {
  return emit(set, false);
}

function emit(set: FieldSet, includeSelf: boolean): JsonObject {
  const out: JsonObject = {};
  const members = set.memberElements();
  const children = set.childNodes();
  if (includeSelf && (members.length > 0 || children.length > 0)) out['.'] = {};
  let mi = 0;
  let ci = 0;
  while (mi < members.length || ci < children.length) {
    const m = members[mi];
    const c = children[ci];
    const cmp = m === undefined ? 1 : c === undefined ? -1 : comparePathElements(m, c.pe);
    if (cmp < 0) {
      setKey(out, serializePathElement(m!), {});
      mi++;
    } else if (cmp > 0) {
      setKey(out, serializePathElement(c!.pe), emit(c!.set, false));
      ci++;
    } else {
      setKey(out, serializePathElement(c!.pe), emit(c!.set, true));
      mi++;
      ci++;
    }
  }
  return out;
}

/** Decodes a fieldsV1 object; throws {@link FieldsV1Error} when it is malformed. */
export function fieldsV1ToSet(fields: unknown): FieldSet {
  if (fields === undefined || fields === null) return new FieldSet();
  if (!isJsonObject(fields)) throw new FieldsV1Error('fieldsV1 must be a JSON object');
  return read(fields).children ?? new FieldSet();
}

/** Reads one level: the set below this node, and whether the node itself is a member. */
function read(obj: JsonObject): { children: FieldSet | undefined; isMember: boolean } {
  let children: FieldSet | undefined;
  let isMember = false;
  for (const [key, value] of Object.entries(obj)) {
    if (key === '.') {
      isMember = true;
      continue;
    }
    const pe = parsePathElement(key);
    // Element types from a newer server are dropped, as upstream does.
    if (pe === undefined) continue;
    if (!isJsonObject(value)) throw new FieldsV1Error(`value of ${JSON.stringify(key)} must be a JSON object`);
    const sub = read(value);
    if (sub.isMember) (children ??= new FieldSet()).insertMember(pe);
    if (sub.children) (children ??= new FieldSet()).attach(pe, sub.children);
  }
  // A node with nothing below it is a member (`"f:x": {}`).
  if (!children) isMember = true;
  return { children, isMember };
}
