import type { Selector } from '../../../apimachinery/labels/selector.js';
import type { FieldSelector } from '../../../apimachinery/fields/selector.js';
import type { FieldsOf, KObject } from '../types.js';

/** What a list or watch selects: label and field selectors over one resource. */
export interface Selection {
  labels?: Selector;
  fields?: FieldSelector;
}

/** The field-selector fields of `obj`: metadata.name, metadata.namespace, plus the kind's own. */
export function objectFields(obj: KObject, fieldsOf?: FieldsOf): Record<string, string> {
  const base: Record<string, string> = {
    'metadata.name': obj.metadata.name ?? '',
    'metadata.namespace': obj.metadata.namespace ?? '',
  };
  return fieldsOf ? { ...base, ...fieldsOf(obj) } : base;
}

export function isEverything(sel: Selection): boolean {
  return (!sel.labels || sel.labels.isEmpty()) && (!sel.fields || sel.fields.isEmpty());
}

export function matches(sel: Selection, obj: KObject, fieldsOf?: FieldsOf): boolean {
  if (sel.labels && !sel.labels.isEmpty() && !sel.labels.matches(obj.metadata.labels ?? {})) return false;
  if (sel.fields && !sel.fields.isEmpty() && !sel.fields.matches(objectFields(obj, fieldsOf))) return false;
  return true;
}
