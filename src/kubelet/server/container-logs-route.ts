/**
 * `GET /containerLogs/{namespace}/{pod}/{container}` (server.go getContainerLogs + GetKubeletContainerLogs):
 * checks the pod and container, picks the container instance from the pod status, finds its log file through
 * CRI ContainerStatus and streams it. Errors are metav1.Status JSON with the kubelet's codes and messages.
 */
import { access } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { Clock } from '../../util/clock.js';
import type { Logger } from '../../util/log.js';
import type { CriClient } from '../cri/service.js';
import { podLogsDirectory } from '../kuberuntime/sandbox-config.js';
import type { ApiPod } from '../kuberuntime/pod-types.js';
import { runtimeContainerId, validateContainerLogStatus, type LogTarget } from './container-log-status.js';
import { parseLogOptions, readContainerLogs } from './container-logs.js';
import { hasContainer, statusError, type KubeletServerHost } from './host.js';

/** Dependencies of {@link serveContainerLogs}. */
export interface ContainerLogsDeps {
  host: KubeletServerHost;
  cri: CriClient;
  clock: Clock;
  logger: Logger;
  /** Where pod log directories are; used when the runtime no longer knows a container. */
  podLogsDir?: string;
  /** Poll period while following (default 1 s). */
  followCheckPeriodMs?: number;
}

/** The log file of `target`: the runtime's log_path, else the kubelet's own layout (`<attempt>.log`). */
async function logPathOf(
  deps: ContainerLogsDeps,
  pod: Readonly<ApiPod>,
  container: string,
  target: LogTarget,
): Promise<string> {
  try {
    const st = await deps.cri.containerStatus({ container_id: runtimeContainerId(target.containerID) });
    if (st.status?.log_path) return st.status.log_path;
  } catch (err) {
    deps.logger.debug('container status for logs failed', { err });
  }
  if (!deps.podLogsDir)
    throw statusError(400, `failed to get container status ${JSON.stringify(runtimeContainerId(target.containerID))}`);
  const attempt = target.current ? target.restartCount : Math.max(0, target.restartCount - 1);
  return `${podLogsDirectory(deps.podLogsDir, pod as ApiPod)}/${container}/${attempt}.log`;
}

/** Serves one request; never throws (errors become Status replies). Returns after the response ended. */
export async function serveContainerLogs(
  deps: ContainerLogsDeps,
  res: ServerResponse,
  params: { namespace: string; pod: string; container: string },
  url: URL,
): Promise<void> {
  const { namespace, pod: podName, container } = params;
  const pod = deps.host.getPod(namespace, podName);
  if (!pod) throw statusError(404, `pod "${podName}" does not exist`);
  if (!hasContainer(pod, container)) throw statusError(404, `container "${container}" not found in pod "${podName}"`);
  const opts = parseLogOptions(url.searchParams, deps.clock.now());
  const status = deps.host.podStatus?.(pod.metadata.uid) ?? pod.status ?? {};
  const target = validateContainerLogStatus(pod.metadata.name, status, container, opts.previous);
  const path = await logPathOf(deps, pod, container, target);
  try {
    await access(path);
  } catch (err) {
    throw statusError(400, `failed to open log file "${path}": ${(err as Error).message}`);
  }
  const ac = new AbortController();
  const abort = () => ac.abort();
  res.once('close', abort);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const id = runtimeContainerId(target.containerID);
  try {
    await readContainerLogs(path, opts, res, {
      signal: ac.signal,
      clock: deps.clock,
      forceCheckPeriodMs: deps.followCheckPeriodMs,
      isRunning: async () =>
        (await deps.cri.containerStatus({ container_id: id })).status?.state === 'CONTAINER_RUNNING',
    });
  } catch (err) {
    deps.logger.info('reading container logs failed', { path, err });
  } finally {
    if (!res.writableEnded) res.end();
  }
}
