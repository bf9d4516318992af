/**
 * `/exec`, `/attach` and `/portForward` backed by the runtime: the pod and container are resolved before the
 * upgrade (so a missing one is an HTTP error, as the kubelet's GetExec/GetPortForward fail before it
 * proxies), then the streams handlers speak the client's protocol and this module's runner/dialer speak to
 * containerd's streaming server (WebSocket v4, or SPDY when stdin must be closable).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { toStatus } from '../../apimachinery/errors.js';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { CriClient } from '../cri/service.js';
import { connectChannels, dialPortForward, runChannelSession } from './cri-streams.js';
import { hasContainer, readySandboxId, runningContainerId, statusError, type KubeletServerHost } from './host.js';
import { runSpdyExec } from './spdy-client.js';
import { serveAttach, serveExec, servePortForward, type ExecRunner } from './streams/handlers.js';
import { rejectUpgrade, replyStatus } from './streams/http-reply.js';
import type { PortDialer } from './streams/spdy-port-forward.js';

/** Dependencies of the streaming routes. */
export interface StreamRouteDeps {
  host: KubeletServerHost;
  cri: CriClient;
  clock: Clock;
  logger: Logger;
}

/** An exec/attach runner on container `containerId` through CRI Exec/Attach and the streaming server. */
export function criStreamingRunner(cri: CriClient, containerId: string, attach: boolean): ExecRunner {
  return async (opts, io) => {
    const req = { container_id: containerId, tty: opts.tty, stdin: opts.stdin, stdout: true, stderr: !opts.tty };
    const { url } = attach ? await cri.attach(req) : await cri.exec({ ...req, cmd: opts.command });
    // WebSocket v4 cannot close stdin alone; SPDY can (stdin EOF is what `exec -i … cat` and `cp` wait for).
    if (opts.stdin) return runSpdyExec(url, { stdin: true, tty: opts.tty }, io);
    return runChannelSession(await connectChannels(url, io.signal), io, { stdin: false });
  };
}

/** A dialer into the pod's sandbox through CRI PortForward (one runtime connection per forwarded connection). */
export function criPortDialer(cri: CriClient, sandboxId: string): PortDialer {
  return async (port) => {
    const { url } = await cri.portForward({ pod_sandbox_id: sandboxId, port: [port] });
    return dialPortForward(url, port);
  };
}

function refuse(target: Duplex | ServerResponse, err: unknown): void {
  const status = toStatus(err);
  if ('writeHead' in target) replyStatus(target, status);
  else rejectUpgrade(target, status);
}

/**
 * Serves `/exec|attach/{ns}/{pod}[/{uid}]/{container}` and `/portForward/{ns}/{pod}[/{uid}]`. `target` is the
 * raw socket of an upgrade (or the response of a plain request, which the handlers answer 400). Never throws.
 */
export async function serveStreamRoute(
  deps: StreamRouteDeps,
  kind: 'exec' | 'attach' | 'portForward',
  segments: string[],
  req: IncomingMessage,
  target: Duplex | ServerResponse,
  head?: Buffer,
): Promise<void> {
  try {
    const [namespace, podName] = segments;
    const pod = namespace && podName ? deps.host.getPod(namespace, podName) : undefined;
    if (!pod) throw statusError(404, 'pod does not exist');
    const uid = kind === 'portForward' ? segments[2] : segments.length === 4 ? segments[2] : undefined;
    if (uid && uid !== pod.metadata.uid) throw statusError(404, 'pod does not exist');
    const common = { head, clock: deps.clock, logger: deps.logger };
    if (kind === 'portForward') {
      const sandboxId = await readySandboxId(deps.cri, pod);
      // The runtime manager's wording when a pod has no sandbox to forward into.
      if (!sandboxId) throw statusError(500, `failed to find sandboxID for pod ${podName}_${namespace}`);
      await servePortForward(req, target, {
        ...common,
        dial: criPortDialer(deps.cri, sandboxId),
        podDescription: `${podName}_${namespace}`,
      });
      return;
    }
    const container = segments[segments.length - 1] ?? '';
    if (segments.length < 3 || !hasContainer(pod, container))
      throw statusError(500, `container not found (${JSON.stringify(container)})`);
    const containerId = await runningContainerId(deps.cri, pod, container);
    if (!containerId) throw statusError(500, `container not found (${JSON.stringify(container)})`);
    const runner = criStreamingRunner(deps.cri, containerId, kind === 'attach');
    if (kind === 'attach') await serveAttach(req, target, { ...common, runner });
    else await serveExec(req, target, { ...common, runner });
  } catch (err) {
    deps.logger.info('streaming request failed', { kind, err });
    refuse(target, err);
  }
}
