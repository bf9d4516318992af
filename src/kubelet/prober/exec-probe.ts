/**
 * The exec probe: runs a command in the container through an {@link ExecRunner} (the kubelet backs it with CRI
 * ExecSync) and judges by exit code — 0 succeeds, anything else fails with the command's output, a timeout
 * fails with `command "<cmd>" timed out`, and a runner that cannot run the command at all is `unknown` with
 * an error (probe/exec.Probe with the ExecProbeTimeout gate on, as in 1.33).
 */
import type { Clock } from '../../util/clock.js';
import { MAX_PROBE_OUTPUT_BYTES, truncateUtf8, type ProbeAttempt } from './probe-result.js';
import type { EnvVar } from './types.js';

/** What a command run in a container produced: its exit code and stdout followed by stderr. */
export interface ExecResult {
  exitCode: number;
  output: string;
}

/**
 * Runs `cmd` in the container `containerId` (the bare runtime ID, without `containerd://`) and resolves when
 * it exits. `timeoutSeconds` 0 means no limit (hooks); otherwise the runner should stop the command after
 * that long and reject with {@link ExecTimeoutError}. Any other rejection means the command could not be run.
 * Called concurrently for different containers; implementations must not share per-call state.
 */
export type ExecRunner = (containerId: string, cmd: readonly string[], timeoutSeconds: number) => Promise<ExecResult>;

/** The command ran past its timeout (what a CRI DeadlineExceeded from ExecSync becomes). */
export class ExecTimeoutError extends Error {
  override readonly name = 'ExecTimeoutError';
  constructor(
    readonly cmd: readonly string[],
    readonly timeoutSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`command ${JSON.stringify(cmd.join(' '))} timed out`, options);
  }
}

export function isExecTimeoutError(err: unknown): err is ExecTimeoutError {
  return err instanceof ExecTimeoutError || (err instanceof Error && err.name === 'ExecTimeoutError');
}

export interface ExecProbeOptions {
  clock: Clock;
  run: ExecRunner;
}

/**
 * Runs the probe command once. The runner is trusted to enforce the timeout; a backstop timer on the clock
 * makes a runner that never answers count as a timeout too, so a stuck runtime cannot stall the worker.
 */
export async function doExecProbe(
  containerId: string,
  cmd: readonly string[],
  timeoutSeconds: number,
  options: ExecProbeOptions,
): Promise<ProbeAttempt> {
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const backstop = new Promise<never>((_, reject) => {
    if (timeoutSeconds > 0) {
      timer = options.clock.setTimeout(() => reject(new ExecTimeoutError(cmd, timeoutSeconds)), timeoutSeconds * 1000);
    }
  });
  try {
    const res = await Promise.race([options.run(containerId, cmd, timeoutSeconds), backstop]);
    const output = truncateUtf8(res.output, MAX_PROBE_OUTPUT_BYTES);
    return { result: res.exitCode === 0 ? 'success' : 'failure', output };
  } catch (err) {
    if (isExecTimeoutError(err)) return { result: 'failure', output: err.message };
    return { result: 'unknown', output: '', error: err instanceof Error ? err : new Error(String(err)) };
  } finally {
    options.clock.clearTimeout(timer);
  }
}

/**
 * Expands `$(VAR)` in a probe command from the container's literal env values only (`valueFrom` entries are
 * not resolved for probes, as upstream's ExpandContainerCommandOnlyStatic). `$$` escapes a dollar; an unknown
 * `$(VAR)` stays as written.
 */
export function expandCommandOnlyStatic(cmd: readonly string[], env: readonly EnvVar[] | undefined): string[] {
  const vars = new Map<string, string>();
  for (const e of env ?? []) if (e.value !== undefined && e.valueFrom === undefined) vars.set(e.name, e.value);
  return cmd.map((arg) => expand(arg, vars));
}

function expand(input: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const value = vars.get(name);
      out += value ?? `$(${name})`;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}
