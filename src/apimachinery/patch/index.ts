/** The three patch formats the API server applies (JSON patch, JSON merge patch, strategic merge patch). */
export type { JsonObject, JsonPrimitive, JsonValue } from './json.js';
export {
  GENERIC_INVALID_MESSAGE,
  PatchError,
  isPatchError,
  type PatchErrorCode,
  type PatchStatusCause,
  type PatchStatusReason,
} from './patch-error.js';
export {
  EMPTY_PATCH_META,
  metaFromTable,
  parsePatchStrategy,
  type FieldPatchMeta,
  type FieldTable,
  type MetaTable,
  type PatchMeta,
  type PatchStrategy,
} from './patch-meta.js';
export {
  DEFAULT_JSON_PATCH_MAX_COPY_BYTES,
  MAX_JSON_PATCH_OPERATIONS,
  applyJsonPatch,
  decodeJsonPatch,
  type JsonPatchOptions,
} from './json-patch.js';
export { applyMergePatch, createMergePatch } from './merge-patch.js';
export { applyStrategicMergePatch, createTwoWayMergePatch } from './strategic-merge.js';
