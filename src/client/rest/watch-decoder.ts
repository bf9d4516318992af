/**
 * Decodes a watch response body: one JSON event per line (`{"type":"ADDED","object":{...}}\n`), as the API
 * server streams them over a chunked response.
 */
import type { WatchEvent } from './types.js';

const TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

/** Parses one line of a watch stream; throws on anything that is not a well-formed event. */
export function parseWatchLine<T>(line: string): WatchEvent<T> {
  const ev = JSON.parse(line) as { type?: unknown; object?: unknown };
  if (typeof ev !== 'object' || ev === null || typeof ev.type !== 'string' || !TYPES.has(ev.type)) {
    throw new Error(`malformed watch event: ${line.slice(0, 200)}`);
  }
  if (typeof ev.object !== 'object' || ev.object === null)
    throw new Error(`watch event without object: ${line.slice(0, 200)}`);
  return ev as WatchEvent<T>;
}

/**
 * Splits a byte stream into lines and yields the events. Chunk boundaries may fall anywhere, including inside
 * a multi-byte character, so bytes are buffered until a newline. A trailing partial line at the end of the
 * stream is decoded if it is complete JSON.
 */
export async function* decodeWatchEvents<T>(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<WatchEvent<T>> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, Buffer.from(chunk)]) : Buffer.from(chunk);
    let nl: number;
    while ((nl = pending.indexOf(0x0a)) >= 0) {
      const line = pending.subarray(0, nl).toString('utf8').trim();
      pending = pending.subarray(nl + 1);
      if (line) yield parseWatchLine<T>(line);
    }
  }
  const rest = pending.toString('utf8').trim();
  if (rest) yield parseWatchLine<T>(rest);
}
