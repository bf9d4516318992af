import type { Duplex, Writable } from 'node:stream';

/** Resolves when `socket` can take more writes, or has closed (then there is nothing left to wait for). */
export function drainedOrClosed(socket: Duplex): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/** Resolves when `w` has flushed its last write (`finish`), closed, or failed. Never rejects. */
export function finishedOrClosed(w: Writable): Promise<void> {
  if (w.writableFinished || w.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      w.off('finish', done);
      w.off('close', done);
      w.off('error', done);
      resolve();
    };
    w.on('finish', done);
    w.on('close', done);
    w.on('error', done);
  });
}
