import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where ./k8ts lives), from dist/src/acceptance/. */
export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
/** ../shared beside the project root: the acceptance scripts the issues name. */
export const sharedDir = resolve(projectRoot, '..', 'shared');

export const haveSharedScripts = (): boolean => existsSync(join(sharedDir, 'acceptance', 'with-server.sh'));

/**
 * Runs `../shared/acceptance/with-server.sh [--server-args ARGS] SCRIPT` from the project root with the given
 * kubectl version; resolves with the exit code and the combined output (bounded by `timeoutMs`).
 */
export function runAcceptance(script: string, options: { kubectlVersion: string; serverArgs?: string; timeoutMs?: number }): Promise<{ code: number | null; output: string }> {
  const args = [join(sharedDir, 'acceptance', 'with-server.sh')];
  if (options.serverArgs) args.push('--server-args', options.serverArgs);
  args.push(join(sharedDir, 'acceptance', script));
  return new Promise((resolvePromise) => {
    const child = spawn('bash', args, {
      cwd: projectRoot,
      env: { ...process.env, KUBECTL_VERSION: options.kubectlVersion },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(acceptance run killed after ${options.timeoutMs} ms)`;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }, options.timeoutMs ?? 600_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

/**
 * Checks an acceptance run: every FAIL line must name a check listed in `contradictions` (checks that
 * contradict upstream Kubernetes, each documented with evidence where it is listed), and the summary must agree.
 * Returns the unexpected failures (empty = good).
 */
export function unexpectedFailures(output: string, contradictions: ReadonlyMap<string, string>): string[] {
  const failed = [...output.matchAll(/^FAIL: (.*?)(?: \(wanted.*)?$/gm)].map((m) => m[1]!.trim());
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(output);
  const out = failed.filter((name) => !contradictions.has(name));
  if (!summary) out.push('(no "N passed, N failed" summary line)');
  else if (Number(summary[2]) !== failed.length) out.push(`(summary says ${summary[2]} failed, ${failed.length} FAIL lines)`);
  return out;
}
