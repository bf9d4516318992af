import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveContainerPort } from './resolve-port.js';

test('resolveContainerPort resolves numbers, port names and numeric strings as upstream', () => {
  const container = {
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: '9000', containerPort: 9999 },
    ],
  };
  const cases: { name: string; port: number | string; want?: number; err?: string }[] = [
    { name: 'number', port: 80, want: 80 },
    { name: 'named port', port: 'http', want: 8080 },
    { name: 'name wins over numeric parse', port: '9000', want: 9999 },
    { name: 'numeric string', port: '8443', want: 8443 },
    { name: 'unknown name', port: 'grpc', err: 'strconv.Atoi: parsing "grpc": invalid syntax' },
    { name: 'zero', port: 0, err: 'invalid port number: 0' },
    { name: 'too large', port: 70000, err: 'invalid port number: 70000' },
  ];
  for (const c of cases) {
    if (c.err) assert.throws(() => resolveContainerPort(c.port, container), { message: c.err }, c.name);
    else assert.equal(resolveContainerPort(c.port, container), c.want, c.name);
  }
});
