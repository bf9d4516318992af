/**
 * The tcpSocket probe: success when a TCP connection opens within the timeout, then it is closed at once
 * (probe/tcp.DoTCPProbe). Failures carry Go's dial error text (`dial tcp 10.42.0.5:80: connect: connection
 * refused`, `dial tcp 10.42.0.5:80: i/o timeout`).
 */
import * as net from 'node:net';
import type { Clock } from '../../util/clock.js';
import { goDialError } from './http-client.js';
import { joinHostPort, type ProbeAttempt } from './probe-result.js';

/** Opens a TCP connection; production uses `net.connect`, tests may hand back a socket that never connects. */
export type TcpDialer = (host: string, port: number) => net.Socket;

export const netDialer: TcpDialer = (host, port) => net.connect({ host, port });

export interface TcpProbeOptions {
  clock: Clock;
  timeoutMs: number;
  dial?: TcpDialer;
}

/** Dials `host:port` once. Never rejects; the socket is always destroyed before the promise settles. */
export function doTcpProbe(host: string, port: number, options: TcpProbeOptions): Promise<ProbeAttempt> {
  const addr = joinHostPort(host, port);
  return new Promise<ProbeAttempt>((resolve) => {
    const socket = (options.dial ?? netDialer)(host, port);
    let settled = false;
    const settle = (attempt: ProbeAttempt) => {
      if (settled) return;
      settled = true;
      options.clock.clearTimeout(timer);
      socket.removeAllListeners('connect');
      socket.destroy();
      resolve(attempt);
    };
    const timer = options.clock.setTimeout(
      () => settle({ result: 'failure', output: `dial tcp ${addr}: i/o timeout` }),
      options.timeoutMs,
    );
    socket.once('connect', () => settle({ result: 'success', output: '' }));
    socket.on('error', (err) => {
      const url = new URL(`tcp://${addr}`);
      settle({ result: 'failure', output: goDialError(err, url) });
    });
  });
}
