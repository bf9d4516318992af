import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../util/clock.js';
import { doExecProbe, ExecTimeoutError, expandCommandOnlyStatic, type ExecRunner } from './exec-probe.js';

/** A runner that records its calls and answers from a script. */
function fakeRunner(answer: (cmd: readonly string[]) => Promise<{ exitCode: number; output: string }>) {
  const calls: { id: string; cmd: readonly string[]; timeout: number }[] = [];
  const run: ExecRunner = (id, cmd, timeout) => {
    calls.push({ id, cmd, timeout });
    return answer(cmd);
  };
  return { run, calls };
}

test('exec probe judges by exit code and reports the command output', async () => {
  const cases: { name: string; answer: () => Promise<{ exitCode: number; output: string }>; want: object }[] = [
    {
      name: 'exit 0',
      answer: async () => ({ exitCode: 0, output: 'fine\n' }),
      want: { result: 'success', output: 'fine\n' },
    },
    {
      name: 'exit 1',
      answer: async () => ({ exitCode: 1, output: 'cat: /tmp/ok: No such file\n' }),
      want: { result: 'failure', output: 'cat: /tmp/ok: No such file\n' },
    },
    {
      name: 'runtime timeout',
      answer: () => Promise.reject(new ExecTimeoutError(['sleep', '10'], 1)),
      want: { result: 'failure', output: 'command "sleep 10" timed out' },
    },
  ];
  for (const c of cases) {
    const clock = new FakeClock();
    const { run, calls } = fakeRunner(c.answer);
    assert.deepEqual(await doExecProbe('abc', ['sleep', '10'], 1, { clock, run }), c.want, c.name);
    assert.deepEqual(calls, [{ id: 'abc', cmd: ['sleep', '10'], timeout: 1 }], c.name);
    assert.equal(clock.pendingTimers(), 0, c.name);
  }
});

test('exec probe that cannot run is unknown with the error', async () => {
  const { run } = fakeRunner(() => Promise.reject(new Error('container not found')));
  const got = await doExecProbe('abc', ['true'], 1, { clock: new FakeClock(), run });
  assert.equal(got.result, 'unknown');
  assert.equal(got.error?.message, 'container not found');
});

test('exec probe times out on the clock when the runner never answers', async () => {
  const clock = new FakeClock();
  const { run } = fakeRunner(() => new Promise(() => {}));
  const pending = doExecProbe('abc', ['cat', '/tmp/healthy'], 2, { clock, run });
  clock.step(2000);
  assert.deepEqual(await pending, { result: 'failure', output: 'command "cat /tmp/healthy" timed out' });
});

test('exec probe output is capped at 10 KiB', async () => {
  const { run } = fakeRunner(async () => ({ exitCode: 1, output: 'y'.repeat(50_000) }));
  const got = await doExecProbe('abc', ['x'], 1, { clock: new FakeClock(), run });
  assert.equal(got.output.length, 10 * 1024);
});

test('expandCommandOnlyStatic expands literal env values only', () => {
  const env = [
    { name: 'A', value: 'one' },
    { name: 'S', valueFrom: { secretKeyRef: {} } },
  ];
  const cases: { in: string; want: string }[] = [
    { in: 'echo $(A)', want: 'echo one' },
    { in: '$(S)', want: '$(S)' },
    { in: '$(MISSING)', want: '$(MISSING)' },
    { in: '$$(A)', want: '$(A)' },
    { in: 'cost $5', want: 'cost $5' },
    { in: '$(A', want: '$(A' },
  ];
  for (const c of cases) assert.equal(expandCommandOnlyStatic([c.in], env)[0], c.want, c.in);
});
