/**
 * The CRI container log format the runtime writes to each container's log_path, one record per line:
 * `2026-11-22T10:00:00.123456789Z stdout F message`. The tag is `F` for a full line and `P` for a partial one
 * (the runtime splits lines longer than its maximum); the fraction of the timestamp has trailing zeros trimmed.
 */

/** One parsed log record. */
export interface CriLogRecord {
  /** The timestamp exactly as written (RFC 3339 with up to nanoseconds). */
  time: string;
  /** Milliseconds since the epoch (sub-millisecond digits dropped). */
  timeMs: number;
  stream: 'stdout' | 'stderr';
  /** False for a `P` record: the next record of the same stream continues the line. */
  full: boolean;
  message: string;
}

const LINE =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) ([PF])(?:[:][^ ]*)? (.*)$/s;

/** Parses one line (without its newline); returns undefined for a line that is not a CRI log record. */
export function parseCriLogLine(line: string): CriLogRecord | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const timeMs = Date.parse(m[1]!);
  if (Number.isNaN(timeMs)) return undefined;
  return { time: m[1]!, timeMs, stream: m[2] as 'stdout' | 'stderr', full: m[3] === 'F', message: m[4]! };
}

/**
 * Parses a whole log file's text into records, joining partial records into full lines per stream.
 * Lines that do not parse are skipped (a runtime may be mid-write on the last one).
 */
export function parseCriLog(text: string): CriLogRecord[] {
  const out: CriLogRecord[] = [];
  const pending: Partial<Record<'stdout' | 'stderr', CriLogRecord>> = {};
  for (const line of text.split('\n')) {
    const rec = parseCriLogLine(line);
    if (!rec) continue;
    const prev = pending[rec.stream];
    const merged = prev ? { ...prev, message: prev.message + rec.message, full: rec.full } : rec;
    if (merged.full) {
      out.push(merged);
      delete pending[rec.stream];
    } else {
      pending[rec.stream] = merged;
    }
  }
  return out;
}
