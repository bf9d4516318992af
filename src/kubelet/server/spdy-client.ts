/**
 * A minimal SPDY/3.1 client for the runtime's streaming server, used for exec/attach sessions with stdin:
 * unlike WebSocket v4, SPDY can half-close the stdin stream, so `kubectl exec -i … cat` and `kubectl cp`
 * (tar reading stdin) see EOF. Speaks remote command protocol v4 (client-go streamProtocolV4 order: error,
 * stdin, stdout, stderr, resize) over one upgraded TCP connection; frames go through streams/spdy's codec.
 */
import { connect, type Socket } from 'node:net';
import { FrameReader } from './streams/spdy/frame-reader.js';
import {
  decodeHeaderBlock,
  encodeFrame,
  encodeHeaderBlock,
  FLAG_FIN,
  SPDY_VERSION,
  type Frame,
  type SpdyHeaders,
} from './streams/spdy/frames.js';
import { HeaderCompressor, HeaderDecompressor } from './streams/spdy/header-compression.js';
import type { Status } from '../../apimachinery/meta.js';
import type { ExecIO } from './streams/handlers.js';
import { exitCodeFromStatus } from './cri-streams.js';

const MAX_DATA = 32 * 1024;

/** Reads the HTTP response head; resolves with the status code and the bytes after the head. */
function readResponseHead(socket: Socket): Promise<{ code: number; head: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      // Hold further bytes until the caller listens: removing the listener does not stop a flowing socket.
      socket.pause();
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      const head = buf.subarray(0, end).toString('latin1');
      const code = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ code, head, rest: buf.subarray(end + 4) });
    };
    const onError = (err: Error) => reject(err);
    const onClose = () => reject(new Error('streaming server closed the connection during the upgrade'));
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

/** Options of {@link runSpdyExec}. */
export interface SpdyExecOptions {
  stdin: boolean;
  tty: boolean;
}

/**
 * Upgrades `url` (a CRI Exec/Attach streaming URL) to SPDY and runs the session with `io`. Resolves with the
 * exit code once the server closed the connection; a failure Status other than an exit code is thrown.
 */
export async function runSpdyExec(url: string, opts: SpdyExecOptions, io: ExecIO): Promise<{ exitCode: number }> {
  const u = new URL(url);
  const socket = connect(Number(u.port || 80), u.hostname);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    [
      `POST ${u.pathname}${u.search} HTTP/1.1`,
      `Host: ${u.host}`,
      'Connection: Upgrade',
      'Upgrade: SPDY/3.1',
      'X-Stream-Protocol-Version: v4.channel.k8s.io',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n'),
  );
  const { code, head, rest } = await readResponseHead(socket);
  if (code !== 101) {
    socket.destroy();
    throw new Error(`streaming server refused the upgrade: ${head.split('\r\n')[0] ?? ''}`);
  }

  const compressor = new HeaderCompressor();
  const decompressor = new HeaderDecompressor();
  let sendChain = Promise.resolve();
  const send = (make: () => Promise<Buffer> | Buffer) => {
    sendChain = sendChain.then(async () => {
      const frame = await make();
      if (!socket.destroyed) socket.write(frame);
    });
    return sendChain;
  };
  let nextId = 1;
  const open = (type: string, fin = false) => {
    const streamId = nextId;
    nextId += 2;
    const headers: SpdyHeaders = { streamtype: [type] };
    void send(async () =>
      encodeFrame({
        type: 'SYN_STREAM',
        version: SPDY_VERSION,
        streamId,
        associatedStreamId: 0,
        priority: 0,
        slot: 0,
        flags: fin ? FLAG_FIN : 0,
        headerBlock: await compressor.compress(encodeHeaderBlock(headers)),
      }),
    );
    return streamId;
  };
  const data = (streamId: number, payload: Buffer, fin = false) =>
    send(() => encodeFrame({ type: 'DATA', streamId, flags: fin ? FLAG_FIN : 0, data: payload }));

  const errorId = open('error');
  const stdinId = opts.stdin ? open('stdin') : 0;
  const stdoutId = open('stdout');
  const stderrId = opts.tty ? 0 : open('stderr');
  const resizeId = opts.tty ? open('resize') : 0;

  const statusParts: Buffer[] = [];
  const reader = new FrameReader();
  let recvChain = Promise.resolve();
  const onFrame = async (f: Frame) => {
    switch (f.type) {
      case 'DATA':
        if (f.data.length === 0) return;
        if (f.streamId === stdoutId) io.stdout.write(f.data);
        else if (f.streamId === stderrId) io.stderr.write(f.data);
        else if (f.streamId === errorId) statusParts.push(Buffer.from(f.data));
        return;
      case 'PING':
        await send(() => encodeFrame(f));
        return;
      case 'SYN_REPLY':
      case 'HEADERS':
      case 'SYN_STREAM':
        // Keep the shared zlib context in step even though the headers themselves do not matter.
        decodeHeaderBlock(await decompressor.decompress(f.headerBlock));
        return;
      default:
        return;
    }
  };
  const feed = (chunk: Buffer) => {
    let frames: Frame[];
    try {
      frames = reader.push(chunk);
    } catch {
      socket.destroy();
      return;
    }
    for (const f of frames) recvChain = recvChain.then(() => onFrame(f)).catch(() => undefined);
  };
  if (rest.length > 0) feed(rest);
  socket.on('data', feed);
  socket.resume();

  if (opts.stdin) {
    io.stdin.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i += MAX_DATA) void data(stdinId, chunk.subarray(i, i + MAX_DATA));
    });
    io.stdin.once('end', () => void data(stdinId, Buffer.alloc(0), true));
  }
  if (resizeId) {
    void (async () => {
      for await (const size of io.resize)
        await data(resizeId, Buffer.from(JSON.stringify({ Width: size.width, Height: size.height })));
    })().catch(() => undefined);
  }
  const onAbort = () => socket.destroy();
  io.signal.addEventListener('abort', onAbort, { once: true });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  io.signal.removeEventListener('abort', onAbort);
  await recvChain;
  compressor.close();
  decompressor.close();
  if (io.signal.aborted) return { exitCode: 0 };
  let status: Status | undefined;
  if (statusParts.length > 0) {
    const text = Buffer.concat(statusParts).toString();
    try {
      status = JSON.parse(text) as Status;
    } catch {
      throw new Error(`unparsable status from the streaming server: ${text}`);
    }
  }
  return { exitCode: exitCodeFromStatus(status) };
}
