/**
 * Commands in containers for probes and hooks, over CRI ExecSync (the prober's {@link ExecRunner}).
 */
import { isDeadlineExceeded } from '../cri/errors.js';
import type { CriClient } from '../cri/service.js';
import { ExecTimeoutError, type ExecRunner } from '../prober/exec-probe.js';

/** An ExecRunner on `cri`; the runtime enforces the timeout, the call deadline leaves it 5 s of slack. */
export function criExecRunner(cri: Pick<CriClient, 'execSync'>): ExecRunner {
  return async (containerId, cmd, timeoutSeconds) => {
    try {
      const res = await cri.execSync(
        { container_id: containerId, cmd: [...cmd], timeout: String(timeoutSeconds) },
        { timeoutMs: timeoutSeconds > 0 ? (timeoutSeconds + 5) * 1000 : 0 },
      );
      return { exitCode: res.exit_code, output: Buffer.concat([Buffer.from(res.stdout ?? []), Buffer.from(res.stderr ?? [])]).toString('utf8') };
    } catch (err) {
      if (isDeadlineExceeded(err)) throw new ExecTimeoutError(cmd, timeoutSeconds, { cause: err });
      throw err;
    }
  };
}
