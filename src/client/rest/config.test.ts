import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeconfig, restConfigFromKubeconfig } from './config.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

const kubeconfig = (cluster: string, user: string, extraContext = '') => `
apiVersion: v1
kind: Config
current-context: main
clusters:
- name: c
  cluster:
${cluster}
users:
- name: u
  user:
${user}
contexts:
- name: main
  context: {cluster: c, user: u${extraContext}}
- name: other
  context: {cluster: c, user: u, namespace: elsewhere}
`;

test('kubeconfig contexts resolve to a RestConfig', () => {
  const cases: { name: string; text: string; context?: string; want: Record<string, unknown> }[] = [
    {
      name: 'plain http, empty user',
      text: kubeconfig(
        '    server: http://127.0.0.1:8080\n    insecure-skip-tls-verify: true',
        '    {}',
        ', namespace: default',
      ),
      want: { server: 'http://127.0.0.1:8080', insecureSkipTLSVerify: true, namespace: 'default' },
    },
    {
      name: 'inline TLS material and token',
      text: kubeconfig(
        `    server: https://k:6443\n    certificate-authority-data: ${b64('CA')}\n    tls-server-name: api`,
        `    token: t0k\n    client-certificate-data: ${b64('CERT')}\n    client-key-data: ${b64('KEY')}`,
      ),
      want: { server: 'https://k:6443', ca: 'CA', tlsServerName: 'api', bearerToken: 't0k', cert: 'CERT', key: 'KEY' },
    },
    {
      name: 'explicit context',
      text: kubeconfig('    server: http://h', '    {}'),
      context: 'other',
      want: { server: 'http://h', namespace: 'elsewhere' },
    },
  ];
  for (const c of cases) {
    const cfg = restConfigFromKubeconfig(c.text, { context: c.context });
    const got = Object.fromEntries(
      Object.entries(cfg).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('utf8') : v]),
    );
    assert.deepEqual(got, c.want, c.name);
  }
});

test('kubeconfig file paths are relative to the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-kubeconfig-'));
  try {
    writeFileSync(join(dir, 'ca.crt'), 'CA-FROM-FILE');
    writeFileSync(join(dir, 'token'), 'file-token\n');
    writeFileSync(
      join(dir, 'config'),
      kubeconfig('    server: https://h\n    certificate-authority: ca.crt', '    tokenFile: token'),
    );
    const cfg = loadKubeconfig(join(dir, 'config'));
    assert.equal(cfg.ca?.toString(), 'CA-FROM-FILE');
    assert.equal(cfg.bearerToken, 'file-token');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kubeconfig errors name what is missing', () => {
  const cases: { text: string; context?: string; want: RegExp }[] = [
    { text: 'apiVersion: v1\n', want: /no context/ },
    { text: kubeconfig('    server: http://h', '    {}'), context: 'nope', want: /context "nope" not found/ },
    { text: kubeconfig('    insecure-skip-tls-verify: true', '    {}'), want: /has no server/ },
  ];
  for (const c of cases) assert.throws(() => restConfigFromKubeconfig(c.text, { context: c.context }), c.want);
});
