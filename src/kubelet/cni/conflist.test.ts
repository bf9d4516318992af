import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFLIST_FILE, cniNames, renderConflist, writeConflist } from './conflist.js';

test('cniNames are unique per node and fit Linux interface names', () => {
  const a = cniNames('node-a');
  const b = cniNames('node-b');
  assert.notEqual(a.bridgeName, b.bridgeName);
  assert.notEqual(a.networkName, b.networkName);
  assert.ok(a.bridgeName.length <= 15);
  assert.equal(cniNames('Node_A').networkName, 'k8ts-node-a');
});

test('renderConflist chains bridge, portmap and loopback on the podCIDR', () => {
  const c = renderConflist({ nodeName: 'n1', podCIDR: '10.244.1.0/24', ipamDataDir: '/tmp/ipam' }) as { name: string; plugins: Record<string, unknown>[] };
  assert.deepEqual(c.plugins.map((p) => p.type), ['bridge', 'portmap', 'loopback']);
  const bridge = c.plugins[0] as { isGateway: boolean; ipMasq: boolean; hairpinMode: boolean; ipam: { ranges: unknown; dataDir: string } };
  assert.deepEqual([bridge.isGateway, bridge.ipMasq, bridge.hairpinMode], [true, false, true]);
  assert.deepEqual(bridge.ipam.ranges, [[{ subnet: '10.244.1.0/24' }]]);
  assert.equal(bridge.ipam.dataDir, '/tmp/ipam');
  assert.deepEqual(c.plugins[1]!.capabilities, { portMappings: true });
  assert.throws(() => renderConflist({ nodeName: 'n1', podCIDR: 'fd00::/64' }));
});

test('writeConflist writes once and is idempotent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'k8ts-cni-'));
  try {
    const cases = [
      { name: 'first write', cidr: '10.244.1.0/24', want: true },
      { name: 'same again', cidr: '10.244.1.0/24', want: false },
      { name: 'cidr changed', cidr: '10.244.2.0/24', want: true },
    ];
    for (const c of cases) assert.equal(await writeConflist(join(dir, 'net.d'), { nodeName: 'n1', podCIDR: c.cidr }), c.want, c.name);
    const text = await readFile(join(dir, 'net.d', CONFLIST_FILE), 'utf8');
    assert.match(text, /10\.244\.2\.0\/24/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
