import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import {
  headerTokens,
  isSpdyRequest,
  isWebSocketRequest,
  negotiateProtocol,
  SPDY_REMOTE_COMMAND_PROTOCOLS,
} from './protocols.js';

const req = (headers: Record<string, string[]>) => ({ headersDistinct: headers }) as unknown as IncomingMessage;

test('negotiation picks the first protocol the client offers that the server supports', () => {
  const cases: { name: string; offered: string[]; want: string | undefined }[] = [
    {
      name: 'kubectl 1.30+ SPDY fallback offers v5 first; SPDY has no v5',
      offered: ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'],
      want: 'v4.channel.k8s.io',
    },
    { name: 'client order wins', offered: ['v2.channel.k8s.io', 'v4.channel.k8s.io'], want: 'v2.channel.k8s.io' },
    { name: 'nothing in common', offered: ['v9.channel.k8s.io'], want: undefined },
    { name: 'nothing offered', offered: [], want: undefined },
  ];
  for (const c of cases) assert.equal(negotiateProtocol(c.offered, SPDY_REMOTE_COMMAND_PROTOCOLS), c.want, c.name);
});

test('header tokens are split on commas across repeated headers', () => {
  const r = req({ 'x-stream-protocol-version': ['v4.channel.k8s.io, v3.channel.k8s.io', 'channel.k8s.io'] });
  assert.deepEqual(headerTokens(r, 'X-Stream-Protocol-Version'), [
    'v4.channel.k8s.io',
    'v3.channel.k8s.io',
    'channel.k8s.io',
  ]);
});

test('upgrade requests are recognised case-insensitively', () => {
  const cases: { name: string; headers: Record<string, string[]>; ws: boolean; spdy: boolean }[] = [
    { name: 'websocket', headers: { upgrade: ['websocket'], connection: ['Upgrade'] }, ws: true, spdy: false },
    { name: 'spdy', headers: { upgrade: ['SPDY/3.1'], connection: ['keep-alive, Upgrade'] }, ws: false, spdy: true },
    {
      name: 'no connection upgrade',
      headers: { upgrade: ['websocket'], connection: ['keep-alive'] },
      ws: false,
      spdy: false,
    },
    { name: 'plain', headers: {}, ws: false, spdy: false },
  ];
  for (const c of cases) {
    assert.equal(isWebSocketRequest(req(c.headers)), c.ws, c.name);
    assert.equal(isSpdyRequest(req(c.headers)), c.spdy, c.name);
  }
});
