import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';
import { writeAdminKubeconfig } from '../../cmd/kubeconfig.js';
import {
  encodeOpenapiV2Protobuf,
  negotiateOpenapiV2,
  OPENAPI_V2_PROTOBUF_CONTENT_TYPE,
} from './openapi-v2-protobuf.js';

/**
 * A proxy in front of the test API server that answers `/openapi/v2` the way the server will once wired
 * (protobuf when asked for, JSON otherwise) and forwards everything else untouched. It records each
 * `/openapi/v2` negotiation and every non-GET request line, so tests can show kubectl really read the protobuf
 * document. With `hideOpenapiV3`, `/openapi/v3…` answers 404 like a server without v3, which makes kubectl
 * 1.29+ fall back to the v2 document for the fieldValidation check, patch metadata and explain.
 */
async function startOpenapiV2Proxy(
  upstream: string,
  opts: { hideOpenapiV3?: boolean } = {},
): Promise<{ url: string; served: string[]; writes: string[]; close(): Promise<void> }> {
  const target = new URL(upstream);
  const served: string[] = [];
  const writes: string[] = [];
  let protobufBytes: Promise<Uint8Array> | undefined;
  const encoded = () =>
    (protobufBytes ??= fetch(`${upstream}/openapi/v2`, { headers: { Accept: 'application/json' } })
      .then((r) => r.json())
      .then((doc) => encodeOpenapiV2Protobuf(doc as Record<string, unknown>)));

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    if (req.method !== 'GET') writes.push(`${req.method} ${req.url}`);
    if (opts.hideOpenapiV3 && path.startsWith('/openapi/v3')) {
      req.resume();
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404 page not found\n');
      return;
    }
    if (path !== '/openapi/v2') return forward(req, res);
    const format = negotiateOpenapiV2(req.headers.accept);
    served.push(format);
    if (format === 'json') return forward(req, res);
    encoded().then(
      (bytes) => {
        res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF_CONTENT_TYPE, 'Content-Length': bytes.length });
        res.end(bytes);
      },
      (err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    writes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const run = promisify(execFile);

/** The test Deployment: container `web` (with `image`), and the `side` container unless `withSide` is false. */
function deployment(image: string, replicas: number, opts: { withSide?: boolean; extraSpec?: string } = {}): string {
  const side = `      - name: side
        image: busybox
        command: ["sleep", "3600"]
`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
${opts.extraSpec ?? ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
        ports:
        - containerPort: 80
${opts.withSide === false ? '' : side}`;
}

/** A server whose kubectl clients must go through `/openapi/v2`: the proxy, its kubeconfig and a kubectl runner. */
interface Target {
  proxy: Awaited<ReturnType<typeof startOpenapiV2Proxy>>;
  kubeconfig: string;
}

describe('kubectl 1.27–1.33 apply and explain through /openapi/v2 in protobuf', () => {
  let api: TestApiServer;
  let kubectlDir: string;
  /** `v2`: v3 served too (kubectl 1.27 still reads v2); `v2-only`: v3 hidden, so every version falls back to v2. */
  const targets = new Map<'v2' | 'v2-only', Target>();

  before(async () => {
    api = await startTestApiServer();
    for (const [name, hideOpenapiV3] of [
      ['v2', false],
      ['v2-only', true],
    ] as const) {
      const proxy = await startOpenapiV2Proxy(api.url, { hideOpenapiV3 });
      const kubeconfig = join(api.dir, `kubeconfig-${name}.yaml`);
      writeAdminKubeconfig(kubeconfig, proxy.url);
      targets.set(name, { proxy, kubeconfig });
    }
    kubectlDir = (await run('sh', ['-c', 'dirname "$(readlink -f "$(command -v kubectl)")"'])).stdout.trim();
    writeFileSync(join(api.dir, 'deploy.yaml'), deployment('nginx:1.21', 2));
    writeFileSync(join(api.dir, 'deploy2.yaml'), deployment('nginx:1.25', 3));
    writeFileSync(join(api.dir, 'deploy3.yaml'), deployment('nginx:1.25', 3, { withSide: false }));
    writeFileSync(join(api.dir, 'bogus.yaml'), deployment('nginx:1.25', 3, { extraSpec: '  bogus: 1\n' }));
  });

  after(async () => {
    for (const t of targets.values()) await t.proxy.close();
    await api?.close();
  });

  /** Runs kubectl.<version> against a proxy, with a fresh discovery cache per version and target. */
  function kubectl(
    target: Target,
    version: string,
    args: string[],
  ): Promise<{ stdout: string; stderr: string; code: number }> {
    const cache = join(api.dir, `kcache-${version}-${target.proxy.url.replace(/\W/g, '')}`);
    mkdirSync(cache, { recursive: true });
    return new Promise((resolve) => {
      execFile(
        join(kubectlDir, `kubectl.${version}`),
        args,
        { env: { ...process.env, KUBECONFIG: target.kubeconfig, KUBECACHEDIR: cache }, timeout: 60_000 },
        (err, stdout, stderr) =>
          resolve({
            stdout: String(stdout),
            stderr: String(stderr),
            code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
          }),
      );
    });
  }

  async function ok(target: Target, version: string, args: string[]): Promise<string> {
    const r = await kubectl(target, version, args);
    assert.equal(r.code, 0, `kubectl.${version} ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  /** `applyReadsV2`: whether apply fetches /openapi/v2 at all (1.29+ use v3 for apply while it is served). */
  const cases: { version: string; target: 'v2' | 'v2-only'; applyReadsV2: boolean }[] = [
    { version: '1.27', target: 'v2', applyReadsV2: true },
    { version: '1.27', target: 'v2-only', applyReadsV2: true },
    { version: '1.29', target: 'v2', applyReadsV2: false },
    { version: '1.29', target: 'v2-only', applyReadsV2: true },
    { version: '1.31', target: 'v2', applyReadsV2: false },
    { version: '1.31', target: 'v2-only', applyReadsV2: true },
    { version: '1.33', target: 'v2-only', applyReadsV2: true },
  ];

  for (const { version, target: targetName, applyReadsV2 } of cases) {
    const ns = `v${version.replace('.', '-')}-${targetName}`;
    const file = (name: string) => join(api.dir, name);
    const label = `kubectl ${version} (${targetName === 'v2' ? 'v2 and v3 served' : 'v3 hidden'})`;

    test(`${label}: client-side apply creates, is unchanged, then configures and keeps both containers`, async () => {
      const t = targets.get(targetName)!;
      await ok(t, version, ['create', 'namespace', ns]);
      const [before, writesBefore] = [t.proxy.served.length, t.proxy.writes.length];
      assert.match(
        await ok(t, version, ['apply', '-n', ns, '-f', file('deploy.yaml')]),
        /^deployment\.apps\/web created$/m,
      );
      assert.match(
        await ok(t, version, ['apply', '-n', ns, '-f', file('deploy.yaml')]),
        /^deployment\.apps\/web unchanged$/m,
      );
      assert.match(
        await ok(t, version, ['apply', '-n', ns, '-f', file('deploy2.yaml')]),
        /^deployment\.apps\/web configured$/m,
      );
      assert.equal(
        t.proxy.served.slice(before).includes('protobuf'),
        applyReadsV2,
        'apply reading /openapi/v2 in protobuf',
      );
      // Create, nothing for the unchanged apply, one patch for the change.
      assert.deepEqual(
        t.proxy.writes.slice(writesBefore).map((w) => w.replace(/\?.*/, '')),
        [`POST /apis/apps/v1/namespaces/${ns}/deployments`, `PATCH /apis/apps/v1/namespaces/${ns}/deployments/web`],
      );
      const got = await ok(t, version, [
        'get',
        'deploy',
        'web',
        '-n',
        ns,
        '-o',
        'jsonpath={.spec.replicas} {.spec.template.spec.containers[*].name} {.spec.template.spec.containers[*].image}',
      ]);
      assert.equal(got.trim(), '3 web side nginx:1.25 busybox');
    });

    // Only the document's x-kubernetes-patch-merge-key/-strategy make kubectl send a `$patch: delete` for `side`:
    // without them it computes a list replacement, which the server merges by name and `side` survives.
    test(`${label}: apply deletes a container dropped from the manifest (patch metadata from the document)`, async () => {
      const t = targets.get(targetName)!;
      assert.match(
        await ok(t, version, ['apply', '-n', ns, '-f', file('deploy3.yaml')]),
        /^deployment\.apps\/web configured$/m,
      );
      const got = await ok(t, version, [
        'get',
        'deploy',
        'web',
        '-n',
        ns,
        '-o',
        'jsonpath={.spec.template.spec.containers[*].name}',
      ]);
      assert.equal(got.trim(), 'web');
    });

    // The PATCH operation of apps/v1 Deployment lists fieldValidation, so kubectl leaves validation to the
    // server (a client-side check would say `ValidationError(Deployment.spec): unknown field "bogus"` instead).
    test(`${label}: apply leaves unknown-field validation to the server`, async () => {
      const r = await kubectl(targets.get(targetName)!, version, ['apply', '-n', ns, '-f', file('bogus.yaml')]);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /strict decoding error: unknown field "spec\.bogus"/);
      assert.doesNotMatch(r.stderr, /ValidationError/);
    });

    test(`${label}: explain pods.spec.containers`, async () => {
      const out = await ok(targets.get(targetName)!, version, ['explain', 'pods.spec.containers']);
      assert.match(out, /^KIND:\s+Pod$/m);
      assert.match(out, /^VERSION:\s+v1$/m);
      assert.match(out, /containers\s+<\[\]\w+>/);
      assert.match(out, /^\s+image\s+<string>/m);
    });

    test(`${label}: explain --output=plaintext-openapiv2 pods.spec.containers`, async () => {
      const t = targets.get(targetName)!;
      const before = t.proxy.served.length;
      const out = await ok(t, version, ['explain', '--output=plaintext-openapiv2', 'pods.spec.containers']);
      assert.match(out, /^KIND:\s+Pod$/m);
      assert.match(out, /^RESOURCE:\s+containers <\[\]Object>$/m);
      assert.match(out, /^\s+image\s+<string>/m);
      assert.ok(t.proxy.served.slice(before).includes('protobuf'), 'explain never read /openapi/v2 in protobuf');
    });
  }
});
