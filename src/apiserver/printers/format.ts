/**
 * Cell formatting shared by the printers: timestamps as ages, label maps and selectors, container lists,
 * quantities and int-or-strings, each printed exactly as upstream's printers print them. Objects arrive as plain
 * JSON, so every helper accepts missing or malformed fields and prints what upstream prints for a zero value.
 */
import { humanDuration } from '../../apimachinery/duration.js';
import { compareGoStrings } from '../../apimachinery/go-format.js';
import { selectorFromLabelSelector } from '../../apimachinery/labels/selector.js';
import type { LabelSelector } from '../../apimachinery/meta.js';
import { Quantity } from '../../apimachinery/quantity.js';

/** Go's zero time (`0001-01-01T00:00:00Z`) in epoch milliseconds: what an unset metav1.Time holds. */
const GO_ZERO_TIME_MS = -62135596800000;

/**
 * A metav1.Time / MicroTime as epoch milliseconds, or undefined when it is unset (absent, null, Go's zero time or
 * unparseable), which upstream's `IsZero()` checks treat alike.
 */
export function timestampMs(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms) || ms === GO_ZERO_TIME_MS) return undefined;
  return ms;
}

/** `5m`, `2d3h`: the time since `ts` (translateTimestampSince); `<unknown>` when unset. */
export function timestampSince(ts: unknown, now: Date): string {
  const ms = timestampMs(ts);
  return ms === undefined ? '<unknown>' : humanDuration(now.getTime() - ms);
}

/** A label map as `a=b,c=d`, keys sorted; `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries(asRecord(labels)).sort(([a], [b]) => compareGoStrings(a, b));
  if (entries.length === 0) return '<none>';
  return entries.map(([k, v]) => `${k}=${String(v)}`).join(',');
}

/** A metav1.LabelSelector in selector syntax; `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(ls: unknown): string {
  const text = labelSelectorString(ls);
  if (text === undefined) return '<error>';
  return text === '' ? '<none>' : text;
}

/** A metav1.LabelSelector in selector syntax (empty for nil and for match-all); undefined when it is invalid. */
export function labelSelectorString(ls: unknown): string | undefined {
  try {
    return selectorFromLabelSelector(isRecord(ls) ? (ls as LabelSelector) : undefined).toString();
  } catch {
    return undefined;
  }
}

/** The CONTAINERS and IMAGES cells: names and images joined by commas (layoutContainerCells). */
export function layoutContainerCells(containers: unknown): [names: string, images: string] {
  const list = asArray(containers).map(asRecord);
  return [list.map((c) => str(c.name)).join(','), list.map((c) => str(c.image)).join(',')];
}

/** A resource.Quantity in its canonical text; an absent one prints as the zero quantity `0`. */
export function formatQuantity(q: unknown): string {
  if (q === undefined || q === null || q === '') return '0';
  try {
    return Quantity.parse(String(q)).toString();
  } catch {
    return String(q);
  }
}

/** A `*resource.Quantity`: `<nil>` when unset, as Go's `(*Quantity).String()` prints a nil pointer. */
export function formatQuantityPtr(q: unknown): string {
  return q === undefined || q === null ? '<nil>' : formatQuantity(q);
}

/** An intstr.IntOrString as text: `1`, `50%`. */
export function formatIntOrString(v: unknown): string {
  return typeof v === 'number' ? String(Math.trunc(v)) : str(v);
}

/** `True`, `False`, or `<unset>` for a nil `*bool` (printBoolPtr). */
export function formatBoolPtr(v: unknown): string {
  if (typeof v !== 'boolean') return '<unset>';
  return v ? 'True' : 'False';
}

/** `a,b,c + 2 more...`, or `<unset>` for an empty list (listWithMoreString). */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const joined = list.join(',');
  if (more) return `${joined} + ${count - max} more...`;
  return joined === '' ? '<unset>' : joined;
}

/** `host:port`, bracketing IPv6 hosts (net.JoinHostPort). */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Lower-cased `kind.group/name` (`statefulset.apps/web`), or `kind/name` for the core group (formatResourceName). */
export function formatKindName(apiVersion: string, kind: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  if (kind === '' && group === '') return name;
  return `${(group === '' ? kind : `${kind}.${group}`).toLowerCase()}/${name}`;
}

/** Whether `v` is a plain JSON object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` when it is a JSON object, else an empty one: lets printers walk optional structs without checks. */
export function asRecord(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** `v` when it is an array, else an empty one. */
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `v` when it is a string, else '' (Go's zero string). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** `v` when it is a finite number, else 0 (Go's zero int). */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Count of keys of a JSON object (len of a Go map). */
export function keyCount(v: unknown): number {
  return Object.keys(asRecord(v)).length;
}
