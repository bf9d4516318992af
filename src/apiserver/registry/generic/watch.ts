import type { Watch, WatchEvent } from '../../../storage/interface.js';
import { toStatus } from '../../../apimachinery/errors.js';
import type { Status } from '../../../apimachinery/meta.js';
import type { KObject, RequestContext } from '../types.js';
import type { GenericStore } from './store.js';
import { decodeValue } from './codec.js';
import { matches, type Selection } from './selection.js';
import { listObjects, parseResourceVersion } from './list.js';

export interface WatchParams {
  selection: Selection;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  sendInitialEvents?: boolean;
}

export type ApiWatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface ApiWatchEvent {
  type: ApiWatchEventType;
  object: KObject | Status;
}

/** A running API watch: events to send, the newest revision seen (for bookmarks), and a way to stop. */
export interface ObjectWatch {
  events: AsyncIterable<ApiWatchEvent>;
  /** Revision of the newest event delivered (or the start revision): what a BOOKMARK reports. */
  progress(): number;
  close(): void;
}

/**
 * Opens a watch with upstream's resourceVersion semantics: unset or "0" first sends the current state as
 * ADDED events (then `BOOKMARK` with the initial-events-end annotation when sendInitialEvents asked for it),
 * "N" starts exactly after N. A start that is too old yields one ERROR event carrying a 410 Expired Status.
 * Selector transitions follow upstream: an object that starts matching is ADDED, one that stops is DELETED.
 */
export async function watchObjects(store: GenericStore, ctx: RequestContext, p: WatchParams): Promise<ObjectWatch> {
  const rv = parseResourceVersion(p.resourceVersion);
  const initial = rv === undefined || rv === 0 || p.sendInitialEvents === true;
  let startRev = rv ?? 0;
  let initialObjects: KObject[] = [];
  if (initial) {
    const listed = await listObjects(store, ctx, {
      selection: p.selection,
      resourceVersion: rv === undefined ? undefined : String(rv),
      resourceVersionMatch: rv === undefined ? undefined : 'NotOlderThan',
    });
    initialObjects = listed.items;
    startRev = Number(listed.resourceVersion);
  }
  const prefix = store.prefixFor(ctx.namespace);
  let source: Watch;
  try {
    source = store.storage.watch(prefix, startRev);
  } catch (err) {
    throw store.toStatusError(err);
  }
  let progress = startRev;
  const fieldsOf = store.def.fieldsOf;
  const sel = p.selection;
  async function* events(): AsyncGenerator<ApiWatchEvent> {
    for (const obj of initialObjects) yield { type: 'ADDED', object: obj };
    if (p.sendInitialEvents) {
      yield {
        type: 'BOOKMARK',
        object: bookmarkObject(store, startRev, { 'k8s.io/initial-events-end': 'true' }),
      };
    }
    try {
      for await (const ev of source) {
        progress = ev.revision;
        const out = translate(ev, sel, fieldsOf);
        if (out) yield out;
      }
    } catch (err) {
      // Too old a start (410 Expired) or a broken store watch: one ERROR event, then the stream ends.
      yield { type: 'ERROR', object: toStatus(store.toStatusError(err)) };
    }
  }
  return { events: events(), progress: () => progress, close: () => source.close() };
}

function translate(ev: WatchEvent, sel: Selection, fieldsOf: GenericStore['def']['fieldsOf']): ApiWatchEvent | undefined {
  const cur = decodeValue(ev.key, ev.value, ev.revision);
  if (ev.type === 'DELETED') return matches(sel, cur, fieldsOf) ? { type: 'DELETED', object: cur } : undefined;
  const nowMatches = matches(sel, cur, fieldsOf);
  if (ev.type === 'ADDED' || ev.prevValue === undefined) return nowMatches ? { type: 'ADDED', object: cur } : undefined;
  const prev = decodeValue(ev.key, ev.prevValue, ev.revision);
  const wasMatching = matches(sel, prev, fieldsOf);
  if (nowMatches && wasMatching) return { type: 'MODIFIED', object: cur };
  if (nowMatches) return { type: 'ADDED', object: cur };
  if (wasMatching) return { type: 'DELETED', object: cur };
  return undefined;
}

/** The object of a BOOKMARK event: only kind, apiVersion and metadata.resourceVersion (+ annotations). */
export function bookmarkObject(store: GenericStore, revision: number, annotations?: Record<string, string>): KObject {
  const { group, version, kind } = store.def.info;
  const meta: KObject['metadata'] = { resourceVersion: String(revision) };
  if (annotations) meta.annotations = annotations;
  return { kind, apiVersion: group ? `${group}/${version}` : version, metadata: meta };
}
