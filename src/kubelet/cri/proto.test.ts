import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRI_PROTO_FILE, findCriProto, loadCriDefinition } from './proto.js';
import { imageMethods, runtimeMethods } from './service.js';

test('the CRI proto loads and defines every method the client calls, under runtime.v1', () => {
  const def = loadCriDefinition();
  for (const method of Object.values(runtimeMethods)) {
    assert.equal(def.runtime[method]?.path, `/runtime.v1.RuntimeService/${method}`, method);
  }
  for (const method of Object.values(imageMethods)) {
    assert.equal(def.image[method]?.path, `/runtime.v1.ImageService/${method}`, method);
  }
  assert.equal(Object.keys(def.runtime).length, Object.keys(runtimeMethods).length);
  assert.equal(Object.keys(def.image).length, Object.keys(imageMethods).length);
});

test('messages round-trip with snake_case names, int64 as strings, enums as names and defaults filled in', () => {
  const def = loadCriDefinition();
  const status = def.runtime.ContainerStatus!;
  const bytes = status.responseSerialize({
    status: {
      id: 'c1',
      created_at: '1700000000123456789',
      state: 'CONTAINER_EXITED',
      exit_code: 137,
      labels: { app: 'x' },
    },
  });
  const decoded = status.responseDeserialize(bytes) as { status: Record<string, unknown> };
  assert.equal(decoded.status.id, 'c1');
  assert.equal(decoded.status.created_at, '1700000000123456789', 'nanosecond timestamps stay exact');
  assert.equal(decoded.status.state, 'CONTAINER_EXITED');
  assert.equal(decoded.status.exit_code, 137);
  assert.deepEqual(decoded.status.labels, { app: 'x' });
  assert.equal(decoded.status.started_at, '0', 'unset int64 decodes as "0"');
  assert.equal(decoded.status.metadata, null, 'unset sub-messages decode as null');
  assert.deepEqual(decoded.status.mounts, []);
});

test('requests accept int64 fields as numbers', () => {
  const def = loadCriDefinition();
  const stop = def.runtime.StopContainer!;
  const decoded = stop.requestDeserialize(stop.requestSerialize({ container_id: 'c', timeout: 30 }));
  assert.deepEqual(decoded, { container_id: 'c', timeout: '30' });
});

test('hostNetwork sandboxes encode namespace mode NODE', () => {
  const def = loadCriDefinition();
  const run = def.runtime.RunPodSandbox!;
  const req = { config: { linux: { security_context: { namespace_options: { network: 'NODE' } } } } };
  const decoded = run.requestDeserialize(run.requestSerialize(req)) as {
    config: { linux: { security_context: { namespace_options: { network: string; pid: string } } } };
  };
  assert.equal(decoded.config.linux.security_context.namespace_options.network, 'NODE');
  assert.equal(decoded.config.linux.security_context.namespace_options.pid, 'POD');
});

test('findCriProto finds the source proto from a build output directory', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = findCriProto(here);
  assert.ok(found.endsWith(join('src', 'kubelet', 'cri', CRI_PROTO_FILE)), found);
  assert.throws(() => findCriProto('/'), /not found/);
});
