import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../util/clock.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { containerLabels } from '../kuberuntime/labels.js';
import { collectPodStats, dirUsage, podLogUsage } from './pod-stats.js';

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-evict-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('dirUsage and podLogUsage sum the log files per pod and container', () =>
  withDir(async (dir) => {
    await mkdir(join(dir, 'default_web_uid1', 'c'), { recursive: true });
    await writeFile(join(dir, 'default_web_uid1', 'c', '0.log'), 'x'.repeat(100));
    await writeFile(join(dir, 'default_web_uid1', 'c', '1.log'), 'x'.repeat(20));
    await mkdir(join(dir, 'junk'), { recursive: true });
    assert.deepEqual(await dirUsage(join(dir, 'default_web_uid1')), { bytes: 120, inodes: 3 });
    assert.deepEqual(await dirUsage(join(dir, 'missing')), { bytes: 0, inodes: 0 });
    const got = await podLogUsage(dir);
    assert.deepEqual([...got.keys()], ['uid1']);
    assert.deepEqual(got.get('uid1')?.get('c'), { bytes: 120, inodes: 2 });
    assert.deepEqual(await podLogUsage(join(dir, 'missing')), new Map());
  }));

test('collectPodStats groups running containers by pod uid and adds their log usage', () =>
  withDir(async (dir) => {
    const cri = new FakeCriClient({ clock: new FakeClock() });
    cri.images.add('busybox');
    const pod = { metadata: { name: 'web', namespace: 'default', uid: 'uid1' } };
    const { pod_sandbox_id } = await cri.runPodSandbox({ config: { metadata: { ...pod.metadata, attempt: 0 } } });
    for (const name of ['a', 'b']) {
      const { container_id } = await cri.createContainer({
        pod_sandbox_id,
        config: { metadata: { name }, image: { image: 'busybox' }, labels: containerLabels(pod, name) },
      });
      await cri.startContainer({ container_id });
    }
    await mkdir(join(dir, 'default_web_uid1', 'a'), { recursive: true });
    await writeFile(join(dir, 'default_web_uid1', 'a', '0.log'), 'hello');
    const stats = await collectPodStats({ cri, podLogsDir: dir });
    assert.deepEqual([...stats.keys()], ['uid1']);
    assert.deepEqual(stats.get('uid1')!.containers, [
      { name: 'a', memoryWorkingSetBytes: 0, logsUsedBytes: 5, logsInodesUsed: 1 },
      { name: 'b', memoryWorkingSetBytes: 0 },
    ]);
  }));

test('collectPodStats counts only the latest attempt of a container (containerd also reports exited ones)', async () => {
  const labels = { 'io.kubernetes.pod.uid': 'u', 'io.kubernetes.container.name': 'c' };
  const entry = (attempt: number, ws: string | undefined) => ({
    attributes: { id: `id${attempt}`, metadata: { name: 'c', attempt }, labels, annotations: {} },
    cpu: null,
    memory: ws === undefined ? null : { timestamp: '0', working_set_bytes: { value: ws }, available_bytes: null, usage_bytes: null, rss_bytes: null, page_faults: null, major_page_faults: null },
    writable_layer: null,
  });
  const cri = { listContainerStats: async () => ({ stats: [entry(1, undefined), entry(2, '4096'), entry(0, undefined)] }) };
  const stats = await collectPodStats({ cri });
  assert.deepEqual(stats.get('u')!.containers, [{ name: 'c', memoryWorkingSetBytes: 4096 }]);
});
