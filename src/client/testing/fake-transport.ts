/**
 * A {@link Transport} for REST client tests: records every request and answers from a handler, so tests
 * check paths, queries, headers and bodies without a server.
 */
import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, Transport } from '../rest/transport.js';

/** What the handler answers: a status, headers and a body (objects are sent as JSON). */
export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A recorded request, with the query and body decoded for easy assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export class FakeTransport implements Transport {
  readonly requests: RecordedRequest[] = [];
  closed = false;

  constructor(public handler: (req: RecordedRequest, call: number) => FakeReply = () => ({ status: 200, body: {} })) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    const text = req.body?.toString('utf8');
    let body: unknown = text;
    try {
      body = text === undefined ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (e.g. a YAML apply patch): keep the text.
    }
    const rec: RecordedRequest = {
      method: req.method,
      path: req.path,
      query: Object.fromEntries(req.query ?? []),
      headers: { ...req.headers },
      body,
    };
    this.requests.push(rec);
    const reply = this.handler(rec, this.requests.length - 1);
    const payload =
      reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...reply.headers };
    return {
      status: reply.status,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      body: Readable.from([Buffer.from(payload)]),
    };
  }

  close(): void {
    this.closed = true;
  }
}
