/**
 * Helpers shared by this package's tests: real servers on 127.0.0.1 and pod builders. Test-only; nothing in
 * production imports it.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Container, ContainerStatus, Pod, PodStatus } from './types.js';

/** A running test server and the requests it has seen. */
export interface TestServer {
  port: number;
  /** Every request received, in order. */
  requests: http.IncomingMessage[];
  /** Resolves the next time a request for `path` arrives (already-arrived ones count). */
  received(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts an HTTP (or, given key and cert, HTTPS) server on 127.0.0.1 with an ephemeral port. */
export async function startServer(
  handler: http.RequestListener,
  tls?: { key: string; cert: string },
): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const waiters: { path: string; resolve: () => void }[] = [];
  const listener: http.RequestListener = (req, res) => {
    requests.push(req);
    for (const w of waiters.filter((x) => x.path === req.url)) w.resolve();
    handler(req, res);
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    received(path) {
      if (requests.some((r) => r.url === path)) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ path, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Lets pending promise callbacks and I/O callbacks run (no timers involved). */
export async function flush(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A pod named `p` in `ns` with uid `uid-1` and the given containers. */
export function makePod(containers: Container[], extra: Partial<Pod['spec']> = {}): Pod {
  return {
    metadata: { name: 'p', namespace: 'ns', uid: 'uid-1' },
    spec: { containers, restartPolicy: 'Always', ...extra },
  };
}

/** A running container status started at `startedAt` (ms). */
export function runningStatus(
  name: string,
  containerID: string,
  startedAt: number,
  started?: boolean,
): ContainerStatus {
  const s: ContainerStatus = {
    name,
    containerID,
    state: { running: { startedAt: new Date(startedAt).toISOString() } },
  };
  if (started !== undefined) s.started = started;
  return s;
}

/** A Running pod status with pod IP 127.0.0.1 and the given container statuses. */
export function podStatus(containerStatuses: ContainerStatus[], phase = 'Running'): PodStatus {
  return { phase, podIP: '127.0.0.1', containerStatuses };
}
