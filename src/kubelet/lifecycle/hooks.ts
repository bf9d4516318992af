/**
 * PostStart and PreStop hooks (kubelet/lifecycle handlers): exec through the same {@link ExecRunner} as exec
 * probes, httpGet through the same client as HTTP probes (User-Agent `kube-lifecycle/1.33`, any response
 * counts as done), and sleep on the clock. A failing postStart kills the container with reason
 * `FailedPostStartHook`; a preStop gets at most the grace period.
 */
import type { Clock } from '../../util/clock.js';
import { goQuote } from '../../apimachinery/go-format.js';
import { containerRef, EventReason, podRef, type EventRecorder } from '../prober/events.js';
import type { ExecRunner } from '../prober/exec-probe.js';
import { httpGet, HttpGetError } from '../prober/http-client.js';
import { newRequestForHTTPGetAction } from '../prober/http-probe.js';
import { LIFECYCLE_USER_AGENT } from '../prober/probe-result.js';
import { containerIdOnly, formatPod, type Container, type LifecycleHandler, type Pod } from '../prober/types.js';
import { KillReason } from './restart-policy.js';

/** How a hook ended: `message` explains a failure (it becomes the container's waiting message). */
export type HookResult = { ok: true } | { ok: false; message: string; error: Error };

export interface HandlerRunnerOptions {
  clock: Clock;
  exec: ExecRunner;
  /** The pod's IP for hooks without `host` (the runtime's view, as upstream asks the runtime). */
  podIP(pod: Pod): string | undefined;
  /** Records LifecycleHTTPFallback; optional. */
  recorder?: EventRecorder;
}

/**
 * Runs lifecycle handlers. Stateless; safe to run hooks of many containers concurrently. `signal` aborts a
 * hook that should not outlive its container (the sleep action reports that as a failure).
 */
export class HandlerRunner {
  constructor(private readonly options: HandlerRunnerOptions) {}

  async run(
    containerID: string,
    pod: Pod,
    container: Container,
    handler: LifecycleHandler,
    signal?: AbortSignal,
  ): Promise<HookResult> {
    const where = `for Container ${goQuote(container.name)} in Pod ${goQuote(formatPod(pod))}`;
    if (handler.exec) {
      const cmd = handler.exec.command ?? [];
      let output = '';
      let error: Error | undefined;
      try {
        // Hooks run without a timeout (upstream passes 0); preStop is bounded by the grace period instead.
        const res = await this.options.exec(containerIdOnly(containerID), cmd, 0);
        output = res.output;
        if (res.exitCode !== 0)
          error = new Error(`command '${cmd.join(' ')}' exited with ${res.exitCode}: ${res.output}`);
      } catch (err) {
        error = err instanceof Error ? err : new Error(String(err));
      }
      if (!error) return { ok: true };
      return {
        ok: false,
        error,
        message: `Exec lifecycle hook ([${cmd.join(' ')}]) ${where} failed - error: ${error.message}, message: ${goQuote(output)}`,
      };
    }
    if (handler.httpGet) {
      const error = await this.runHttp(pod, container, handler, signal);
      if (!error) return { ok: true };
      return {
        ok: false,
        error,
        message: `HTTP lifecycle hook (${handler.httpGet.path ?? ''}) ${where} failed - error: ${error.message}`,
      };
    }
    if (handler.sleep) {
      try {
        await this.options.clock.sleep(handler.sleep.seconds * 1000, signal);
        return { ok: true };
      } catch {
        const error = new Error('container terminated before sleep hook finished');
        return {
          ok: false,
          error,
          message: `Sleep lifecycle hook (${handler.sleep.seconds}) ${where} failed - error: ${error.message}`,
        };
      }
    }
    // tcpSocket is accepted by the API for compatibility only; the kubelet fails it at run time.
    const error = new Error(`invalid handler: ${JSON.stringify(handler)}`);
    return { ok: false, error, message: `Cannot run handler: ${error.message}` };
  }

  private async runHttp(
    pod: Pod,
    container: Container,
    handler: LifecycleHandler,
    signal?: AbortSignal,
  ): Promise<Error | undefined> {
    const action = handler.httpGet!;
    let request;
    try {
      const podIP = action.host ? undefined : this.options.podIP(pod);
      if (!action.host && !podIP) return new Error('failed to find networking container: pod has no IP address');
      request = newRequestForHTTPGetAction(action, container, podIP, LIFECYCLE_USER_AGENT);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    try {
      await httpGet(request, { clock: this.options.clock, signal });
      return undefined;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const httpsToHttp =
        err instanceof HttpGetError &&
        request.url.startsWith('https:') &&
        /server gave HTTP response to HTTPS client/.test(err.message);
      if (!httpsToHttp) return error;
      // The server speaks plain HTTP: retry that way, without credentials, and say so in an event.
      const fallback = {
        url: `http:${request.url.slice('https:'.length)}`,
        headers: request.headers.filter(([k]) => k !== 'Authorization'),
      };
      try {
        await httpGet(fallback, { clock: this.options.clock, signal });
      } catch {
        return error;
      }
      const host = new URL(fallback.url).host;
      this.options.recorder?.event(
        podRef(pod),
        'Warning',
        EventReason.LifecycleHTTPFallback,
        `request to HTTPS lifecycle hook ${host} got HTTP response, retry with HTTP succeeded`,
      );
      return undefined;
    }
  }
}

/** The waiting reason a container gets when its postStart hook failed (ErrPostStartHook). */
export const POST_START_HOOK_ERROR = 'PostStartHookError';

export interface PostStartOptions {
  runner: HandlerRunner;
  recorder: EventRecorder;
  /** Kills the container; the kubelet's killContainer with the given reason and message. */
  killContainer(containerID: string, reason: string, message: string): Promise<void>;
}

/**
 * Runs the container's postStart hook, if any. On failure it records `Warning FailedPostStartHook
 * "PostStartHook failed"` (the detail stays out of events, it may hold secrets), kills the container with
 * reason FailedPostStartHook, and returns the waiting reason and message the container should show.
 */
export async function runPostStartHook(
  options: PostStartOptions,
  containerID: string,
  pod: Pod,
  container: Container,
): Promise<{ ok: true } | { ok: false; reason: typeof POST_START_HOOK_ERROR; message: string }> {
  const hook = container.lifecycle?.postStart;
  if (!hook) return { ok: true };
  const result = await options.runner.run(containerID, pod, container, hook);
  if (result.ok) return { ok: true };
  options.recorder.event(
    containerRef(pod, container),
    'Warning',
    EventReason.FailedPostStartHook,
    'PostStartHook failed',
  );
  await options.killContainer(containerID, KillReason.FailedPostStartHook, 'FailedPostStartHook');
  return { ok: false, reason: POST_START_HOOK_ERROR, message: result.message };
}

export interface PreStopOptions {
  runner: HandlerRunner;
  recorder: EventRecorder;
  clock: Clock;
}

/**
 * Runs the container's preStop hook, if any, waiting at most `gracePeriodSeconds` for it, and returns the
 * whole seconds it took (to subtract from the grace period). A failure records `Warning FailedPreStopHook
 * "PreStopHook failed"`; a hook still running when the grace period ends is left behind (the container is
 * about to be stopped anyway) and aborted through its signal.
 */
export async function runPreStopHook(
  options: PreStopOptions,
  containerID: string,
  pod: Pod,
  container: Container,
  gracePeriodSeconds: number,
): Promise<number> {
  const hook = container.lifecycle?.preStop;
  if (!hook) return 0;
  const start = options.clock.now();
  const abort = new AbortController();
  const hookDone = options.runner.run(containerID, pod, container, hook, abort.signal).then((result) => {
    if (!result.ok)
      options.recorder.event(
        containerRef(pod, container),
        'Warning',
        EventReason.FailedPreStopHook,
        'PreStopHook failed',
      );
  });
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const graceOver = new Promise<void>(
    (resolve) => (timer = options.clock.setTimeout(resolve, gracePeriodSeconds * 1000)),
  );
  await Promise.race([hookDone, graceOver]);
  options.clock.clearTimeout(timer);
  abort.abort();
  return Math.trunc((options.clock.now() - start) / 1000);
}
