import { badRequest } from '../../apimachinery/errors.js';
import { parseFieldSelector } from '../../apimachinery/fields/selector.js';
import type { KObject } from '../registry/types.js';
import { watchObjects, bookmarkObject, type ApiWatchEvent } from '../registry/generic/watch.js';
import { selectionFrom, renderObject, type ResourceRequest } from './resource-handler.js';

/** Upstream's --min-request-timeout: a watch without timeoutSeconds lasts between this and twice it. */
const MIN_REQUEST_TIMEOUT_S = 1800;
/** How often a watch that allows bookmarks gets one while idle. */
const BOOKMARK_INTERVAL_MS = 60_000;

function parseBool(v: string | null): boolean {
  return v === 'true' || v === '1';
}

/**
 * Streams watch events as newline-delimited JSON over a chunked response: `{"type":"ADDED","object":{...}}`.
 * Objects are rendered like GET renders them (Table rows for `as=Table`). Ends on timeoutSeconds, client
 * disconnect, or an ERROR event (e.g. 410 Expired for a too old resourceVersion).
 */
export async function serveWatch(r: ResourceRequest): Promise<void> {
  const q = r.query;
  const timeoutText = q.get('timeoutSeconds');
  let timeoutS = MIN_REQUEST_TIMEOUT_S * (1 + Math.random());
  if (timeoutText !== null) {
    timeoutS = Number(timeoutText);
    if (!Number.isFinite(timeoutS) || timeoutS < 0) throw badRequest(`invalid timeoutSeconds ${JSON.stringify(timeoutText)}`);
  }
  const allowBookmarks = parseBool(q.get('allowWatchBookmarks'));
  const sendInitial = q.get('sendInitialEvents');
  if (sendInitial !== null && q.get('resourceVersionMatch') !== 'NotOlderThan') {
    throw badRequest('sendInitialEvents is forbidden unless resourceVersionMatch is set to "NotOlderThan"');
  }
  const selection = selectionFrom(q, r.served);
  // A watch of one object by name in the path watches that name only.
  if (r.info.name) {
    const byName = parseFieldSelector(`metadata.name=${r.info.name}`);
    selection.fields = selection.fields ? parseFieldSelector(`${selection.fields.toString()},${byName.toString()}`) : byName;
  }
  const w = await watchObjects(r.served.store, r.ctx, {
    selection,
    resourceVersion: q.get('resourceVersion') ?? undefined,
    resourceVersionMatch: q.get('resourceVersionMatch') ?? undefined,
    sendInitialEvents: sendInitial === null ? undefined : parseBool(sendInitial),
  });
  const res = r.res;
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    clearInterval(bookmarks);
    w.close();
  };
  const writeEvent = (ev: ApiWatchEvent) => {
    if (closed) return;
    const object = ev.type === 'ERROR' || ev.type === 'BOOKMARK' ? ev.object : renderObject(r, ev.object as KObject);
    res.write(JSON.stringify({ type: ev.type, object }) + '\n');
  };
  const timer = setTimeout(() => {
    if (allowBookmarks) writeEvent({ type: 'BOOKMARK', object: bookmarkObject(r.served.store, w.progress()) });
    finish();
    res.end();
  }, timeoutS * 1000);
  const bookmarks = setInterval(() => {
    if (allowBookmarks) writeEvent({ type: 'BOOKMARK', object: bookmarkObject(r.served.store, w.progress()) });
  }, BOOKMARK_INTERVAL_MS);
  res.on('close', finish);
  try {
    for await (const ev of w.events) {
      if (closed) break;
      if (ev.type === 'BOOKMARK' && !allowBookmarks && !sendInitial) continue;
      writeEvent(ev);
      if (ev.type === 'ERROR') break;
    }
  } finally {
    finish();
    if (!res.writableEnded) res.end();
  }
}
