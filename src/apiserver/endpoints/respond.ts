import type { ServerResponse } from 'node:http';
import { stringify as toYaml } from 'yaml';
import { toStatus } from '../../apimachinery/errors.js';
import type { Status } from '../../apimachinery/meta.js';
import type { OutputFormat } from './negotiation.js';

/** Writes `body` as JSON (or YAML) with `code`. `warnings` go to `Warning: 299 - "..."` headers. */
export function writeObject(res: ServerResponse, code: number, body: unknown, format?: OutputFormat, warnings: string[] = []): void {
  if (res.headersSent) return;
  const yaml = format?.mediaType === 'application/yaml';
  const text = yaml ? toYaml(body) : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': yaml ? 'application/yaml' : 'application/json',
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
}

/** Writes a metav1.Status for any error (StatusError → its code; anything else → 500). */
export function writeError(res: ServerResponse, err: unknown): Status {
  const status = toStatus(err);
  if (res.headersSent) {
    res.destroy();
    return status;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' };
  const retry = status.details?.retryAfterSeconds;
  if (retry) headers['Retry-After'] = String(retry);
  res.writeHead(status.code ?? 500, headers);
  res.end(JSON.stringify(status));
  return status;
}

/** A `status: Success` Status, what DELETE returns for objects that are gone. */
export function successStatus(details: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}
