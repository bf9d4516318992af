import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeTransport } from './transport.js';

async function withServer(handler: http.RequestListener, fn: (url: string) => Promise<void>): Promise<void> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

test('node transport sends the bearer token, the path under the server prefix and the body; connections are reused', async () => {
  const seen: { url?: string; auth?: string; body: string; remotePort?: number }[] = [];
  await withServer(
    (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url, auth: req.headers.authorization, body, remotePort: req.socket.remotePort });
        res.end('{}');
      });
    },
    async (url) => {
      const t = new NodeTransport({ server: `${url}/prefix/`, bearerToken: 'sekret' });
      try {
        for (let i = 0; i < 2; i++) {
          const res = await t.send({
            method: 'POST',
            path: '/api/v1/x',
            query: new URLSearchParams({ a: 'b' }),
            body: Buffer.from('{"n":1}'),
          });
          for await (const _ of res.body) void _;
          assert.equal(res.status, 200);
        }
      } finally {
        t.close();
      }
    },
  );
  assert.deepEqual(
    seen.map((s) => [s.url, s.auth, s.body]),
    [
      ['/prefix/api/v1/x?a=b', 'Bearer sekret', '{"n":1}'],
      ['/prefix/api/v1/x?a=b', 'Bearer sekret', '{"n":1}'],
    ],
  );
  assert.equal(seen[0]!.remotePort, seen[1]!.remotePort, 'keep-alive reuses the connection');
});

test('node transport rejects unsupported schemes', () => {
  assert.throws(() => new NodeTransport({ server: 'ftp://x' }), /unsupported server scheme/);
});
