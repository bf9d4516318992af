import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { goArch, parseCgroupMemoryLimit, parseMemTotal, parseOsImage, readMachineInfo } from './machine-info.js';

test('parseMemTotal reads kB into bytes', () => {
  const cases = [
    { name: 'typical', input: 'MemTotal:       24684084 kB\nMemFree: 1 kB\n', want: 24684084 * 1024 },
    { name: 'missing', input: 'MemFree: 1 kB\n', want: 0 },
  ];
  for (const c of cases) assert.equal(parseMemTotal(c.input), c.want, c.name);
});

test('parseCgroupMemoryLimit treats the unlimited sentinels as no limit', () => {
  const cases = [
    { name: 'v1 unlimited', input: '9223372036854771712\n', want: undefined },
    { name: 'v2 max', input: 'max\n', want: undefined },
    { name: 'absent', input: undefined, want: undefined },
    { name: 'a real limit', input: '536870912\n', want: 536870912 },
  ];
  for (const c of cases) assert.equal(parseCgroupMemoryLimit(c.input), c.want, c.name);
});

test('parseOsImage takes PRETTY_NAME', () => {
  assert.equal(parseOsImage('NAME="Debian"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'), 'Debian GNU/Linux 12 (bookworm)');
  assert.equal(parseOsImage(undefined), 'Linux');
});

test('goArch maps node arch names to GOARCH', () => {
  assert.equal(goArch('x64'), 'amd64');
  assert.equal(goArch('arm64'), 'arm64');
});

test('readMachineInfo reports positive cpu, memory and disk on this machine', () => {
  const m = readMachineInfo(tmpdir());
  assert.ok(m.numCores >= 1);
  assert.ok(m.memoryCapacity > 0);
  assert.ok(m.filesystemCapacity > 0);
  assert.ok(m.kernelVersion.length > 0);
});
