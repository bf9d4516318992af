/**
 * Moving from client-side to server-side apply (upstream's lastAppliedManager and lastAppliedUpdater). When
 * `kubectl apply --server-side` (field manager `kubectl`) meets an object that client-side apply manages:
 *
 * - conflicts on fields whose live value still equals the `last-applied-configuration` annotation are not
 *   conflicts: kubectl applied them before, so the apply is forced for them;
 * - after the apply, the annotation is rewritten to the new applied configuration, so that a later
 *   client-side apply still computes the right three-way diff.
 *
 * kubectl then moves the `kubectl-client-side-apply` entries into its Apply entry with a JSON patch of
 * managedFields (client-go's csaupgrade), which the Update path honours because the client sent them.
 */
import { isJsonObject, type JsonValue } from '../../apimachinery/patch/json.js';
import type { KObject } from '../registry/types.js';
import { compareObjects } from './compare.js';
import type { FieldSet } from './field-set.js';
import { goJson } from './go-json.js';
import { toGoTyped } from './go-typed.js';
import type { SchemaNode } from './schema-node.js';
import { toFieldSet } from './to-field-set.js';

/** The annotation client-side apply keeps its last applied configuration in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The only field manager whose applies take part in the migration (kubectl's default for --server-side). */
export const KUBECTL_APPLY_MANAGER = 'kubectl';

/** Upstream's limit on the total size of an object's annotations (keys plus values, in bytes). */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function lastAppliedOf(obj: KObject | undefined): string | undefined {
  const v = obj?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Whether the object carries a non-empty last-applied annotation. */
export function hasLastApplied(obj: KObject | undefined): boolean {
  return lastAppliedOf(obj) !== undefined;
}

/**
 * The fields a conflicting kubectl apply may take over: those of the last applied configuration whose live
 * value is unchanged. Undefined when there is no usable annotation (then conflicts stand).
 */
export function allowedConflictsFromLastApplied(live: KObject, node: SchemaNode, apiVersion: string): FieldSet | undefined {
  const text = lastAppliedOf(live);
  if (text === undefined) return undefined;
  let last: JsonValue;
  try {
    last = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  if (!isJsonObject(last) || last.apiVersion !== apiVersion) return undefined;
  const liveTyped = toGoTyped(live as unknown as JsonValue, node);
  const c = compareObjects(last, liveTyped, node);
  return toFieldSet(last, node).difference(c.modified).difference(c.added).difference(c.removed);
}

/** The annotation value the server writes after a kubectl apply: the applied object without the annotation. */
export function buildLastApplied(applied: KObject): string {
  const copy = structuredClone(applied) as KObject;
  const annotations = copy.metadata?.annotations;
  if (annotations) {
    delete annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  }
  // Go's json.Encoder: sorted keys and a trailing newline, as client-side apply writes it too.
  return goJson(copy as unknown as JsonValue) + '\n';
}

/** Sets the annotation, or drops it when the annotations would grow past upstream's size limit. */
export function setLastApplied(obj: KObject, value: string): void {
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value };
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) delete annotations[LAST_APPLIED_ANNOTATION];
  obj.metadata.annotations = annotations;
}

