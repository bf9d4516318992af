import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Image } from '../cri/types-image.js';
import { FakeClock } from '../../util/clock.js';
import { FakeCriClient } from '../cri/fake-client.js';
import { listNodeStatusImages, nodeStatusImages } from './node-images.js';

const image = (id: string, size: number, tags: string[], digests: string[] = []): Image => ({
  id,
  repo_tags: tags,
  repo_digests: digests,
  size: String(size),
  uid: null,
  username: '',
  spec: null,
  pinned: false,
});

test('node status images are largest first, limited in count and names', () => {
  const many = ['t1', 't2', 't3', 't4'];
  const cases: { name: string; images: Image[]; max: number; want: { names: string[]; sizeBytes: number }[] }[] = [
    { name: 'empty', images: [], max: 50, want: [] },
    {
      name: 'sorted by size, ties by id descending',
      images: [image('sha256:a', 10, ['a']), image('sha256:b', 30, ['b']), image('sha256:c', 10, ['c'])],
      max: 50,
      want: [
        { names: ['b'], sizeBytes: 30 },
        { names: ['c'], sizeBytes: 10 },
        { names: ['a'], sizeBytes: 10 },
      ],
    },
    {
      name: 'max images truncates after sorting',
      images: [image('sha256:a', 10, ['a']), image('sha256:b', 30, ['b'])],
      max: 1,
      want: [{ names: ['b'], sizeBytes: 30 }],
    },
    {
      name: 'digests first, at most five names',
      images: [image('sha256:a', 1, many, ['d1', 'd2'])],
      max: -1,
      want: [{ names: ['d1', 'd2', 't1', 't2', 't3'], sizeBytes: 1 }],
    },
  ];
  for (const tc of cases) assert.deepEqual(nodeStatusImages(tc.images, tc.max), tc.want, tc.name);
});

test('listNodeStatusImages reads the runtime', async () => {
  const cri = new FakeCriClient({ clock: new FakeClock() });
  cri.images.add('busybox', { size: 5 });
  const got = await listNodeStatusImages(cri);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.sizeBytes, 5);
  assert.ok(got[0]!.names.includes('docker.io/library/busybox:latest'));
});
