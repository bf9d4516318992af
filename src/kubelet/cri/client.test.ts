import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createCriClient, criTarget } from './client.js';
import { CriError, GrpcCode, isNotFound } from './errors.js';
import { loadCriDefinition } from './proto.js';
import type { CriClient } from './service.js';

// A tiny in-process CRI server on a unix socket: enough to check the client's wire behaviour without
// containerd (requests it sends, responses it decodes, how it maps failures).
let dir: string;
let server: grpc.Server;
let client: CriClient;
const seen: { method: string; request: unknown }[] = [];

type Handler = grpc.handleUnaryCall<Record<string, unknown>, object>;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'k8ts-cri-client-'));
  const def = loadCriDefinition();
  const record =
    (method: string, respond: Handler): Handler =>
    (call, cb) => {
      seen.push({ method, request: call.request });
      respond(call, cb);
    };
  server = new grpc.Server();
  server.addService(def.runtime as unknown as grpc.ServiceDefinition, {
    Version: record('Version', (_c, cb) =>
      cb(null, { version: '0.1.0', runtime_name: 'test', runtime_version: '1', runtime_api_version: 'v1' }),
    ),
    StopPodSandbox: record('StopPodSandbox', (_c, cb) =>
      cb({ code: grpc.status.NOT_FOUND, details: 'sandbox "x" not found' }),
    ),
    StopContainer: record('StopContainer', (_c, cb) => cb(null, {})),
    ListContainers: record('ListContainers', (_c, cb) =>
      cb(null, {
        containers: [{ id: 'c1', state: 'CONTAINER_RUNNING', created_at: '1700000000123456789', labels: { a: 'b' } }],
      }),
    ),
    // Never answers: for deadline and cancellation tests.
    ContainerStatus: record('ContainerStatus', () => undefined),
    ExecSync: record('ExecSync', (_c, cb) =>
      cb(null, { stdout: Buffer.from('out'), stderr: Buffer.from('err'), exit_code: 3 }),
    ),
  });
  server.addService(def.image as unknown as grpc.ServiceDefinition, {
    ImageStatus: record('ImageStatus', (_c, cb) => cb(null, {})),
  });
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${join(dir, 'cri.sock')}`, grpc.ServerCredentials.createInsecure(), (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  client = createCriClient({ endpoint: join(dir, 'cri.sock'), requestTimeoutMs: 5_000 });
});

after(async () => {
  client?.close();
  server?.forceShutdown();
  await rm(dir, { recursive: true, force: true });
});

test('criTarget turns socket paths into unix targets and leaves targets alone', () => {
  assert.equal(criTarget('/run/c.sock'), 'unix:///run/c.sock');
  assert.equal(criTarget('unix:///run/c.sock'), 'unix:///run/c.sock');
});

test('a successful call resolves with the decoded response', async () => {
  const v = await client.version({ version: '0.1.0' });
  assert.equal(v.runtime_name, 'test');
  assert.deepEqual(seen.find((s) => s.method === 'Version')?.request, { version: '0.1.0' });
});

test('responses decode int64 as strings, enums as names and absent messages as null', async () => {
  const { containers } = await client.listContainers({ filter: { state: { state: 'CONTAINER_RUNNING' } } });
  assert.equal(containers.length, 1);
  assert.equal(containers[0]!.created_at, '1700000000123456789');
  assert.equal(containers[0]!.state, 'CONTAINER_RUNNING');
  assert.equal(containers[0]!.metadata, null);
  const img = await client.imageStatus({ image: { image: 'busybox' } });
  assert.equal(img.image, null, 'a missing image is a null answer, not an error');
});

test('a runtime NOT_FOUND becomes a CriError recognized by isNotFound', async () => {
  await assert.rejects(client.stopPodSandbox({ pod_sandbox_id: 'x' }), (err: unknown) => {
    assert.ok(isNotFound(err));
    assert.equal((err as CriError).method, 'StopPodSandbox');
    assert.equal((err as CriError).details, 'sandbox "x" not found');
    return true;
  });
});

test('per-call deadlines fail with DEADLINE_EXCEEDED', async () => {
  const started = Date.now();
  await assert.rejects(client.containerStatus({ container_id: 'c' }, { timeoutMs: 150 }), (err: unknown) => {
    assert.ok(err instanceof CriError);
    assert.equal(err.code, GrpcCode.DEADLINE_EXCEEDED);
    return true;
  });
  assert.ok(Date.now() - started < 3_000);
});

test('an aborted signal cancels the call', async () => {
  const ac = new AbortController();
  const p = client.containerStatus({ container_id: 'c' }, { signal: ac.signal });
  setTimeout(() => ac.abort(), 50);
  await assert.rejects(p, (err: unknown) => err instanceof CriError && err.code === GrpcCode.CANCELLED);
  await assert.rejects(
    client.version({}, { signal: ac.signal }),
    (err: unknown) => err instanceof CriError && err.code === GrpcCode.CANCELLED,
  );
});

test('ExecSync returns output as buffers and a non-zero exit as a result', async () => {
  const r = await client.execSync({ container_id: 'c', cmd: ['sh', '-c', 'exit 3'], timeout: 5 });
  assert.equal(r.stdout.toString(), 'out');
  assert.equal(r.stderr.toString(), 'err');
  assert.equal(r.exit_code, 3);
  assert.deepEqual(seen.find((s) => s.method === 'ExecSync')?.request, {
    container_id: 'c',
    cmd: ['sh', '-c', 'exit 3'],
    timeout: '5',
  });
});

test('an unimplemented method fails with UNIMPLEMENTED', async () => {
  await assert.rejects(
    client.status({}),
    (err: unknown) => err instanceof CriError && err.code === GrpcCode.UNIMPLEMENTED,
  );
});

test('a socket nobody listens on fails with UNAVAILABLE', async () => {
  const c = createCriClient({ endpoint: join(dir, 'nobody.sock'), requestTimeoutMs: 2_000 });
  try {
    await assert.rejects(c.version({}), (err: unknown) => err instanceof CriError && err.code === GrpcCode.UNAVAILABLE);
  } finally {
    c.close();
  }
});
