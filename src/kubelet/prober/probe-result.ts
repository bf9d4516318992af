/**
 * What one probe attempt concludes, and the small formatting helpers every prober shares so that outputs read
 * exactly like the kubelet's (`HTTP probe failed with statuscode: 500`, `within 1s`).
 */
import { KUBERNETES_MAJOR, KUBERNETES_MINOR } from '../../version.js';

/**
 * The verdict of one attempt (pkg/probe.Result). `warning` is a success that deserves an event (an HTTP
 * redirect the prober did not follow); `unknown` comes with an `error` when the probe could not be run at all.
 */
export type ProbeOutcome = 'success' | 'warning' | 'failure' | 'unknown';

/** One attempt: its verdict, the output shown in events, and an error only when the probe itself broke. */
export interface ProbeAttempt {
  result: ProbeOutcome;
  output: string;
  error?: Error;
}

/** `kube-probe/1.33`: the User-Agent of HTTP and gRPC probes. */
export const PROBE_USER_AGENT = `kube-probe/${KUBERNETES_MAJOR}.${KUBERNETES_MINOR}`;

/** `kube-lifecycle/1.33`: the User-Agent of HTTP lifecycle hooks. */
export const LIFECYCLE_USER_AGENT = `kube-lifecycle/${KUBERNETES_MAJOR}.${KUBERNETES_MINOR}`;

/** Probes read at most 10 KiB of a response body or of a command's output. */
export const MAX_PROBE_OUTPUT_BYTES = 10 * 1024;

/** Cuts `s` to at most `maxBytes` of UTF-8 (a split character at the end is dropped, not mangled). */
export function truncateUtf8(s: string, maxBytes: number = MAX_PROBE_OUTPUT_BYTES): string {
  const buf = Buffer.from(s, 'utf8');
  if (buf.length <= maxBytes) return s;
  return new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(0, maxBytes)).replace(/\uFFFD$/, '');
}

/**
 * A duration as Go's `time.Duration.String()` prints it: `0s`, `500ms`, `1.5s`, `40s`, `1m20s`, `5m0s`,
 * `1h0m0s`. Input is milliseconds; sub-millisecond parts print in µs/ns as Go does.
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0) return `-${goDuration(-ms)}`;
  const ns = Math.round(ms * 1e6);
  if (ns < 1000) return `${ns}ns`;
  if (ns < 1e6) return `${trimFraction(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trimFraction(ns / 1e6)}ms`;
  const totalSeconds = ns / 1e9;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds - hours * 3600) / 60);
  const seconds = trimFraction(Number((totalSeconds - hours * 3600 - minutes * 60).toFixed(9)));
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

function trimFraction(n: number): string {
  return String(Number(n.toFixed(9)));
}

/** `host:port`, bracketing IPv6 literals (net.JoinHostPort). */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
