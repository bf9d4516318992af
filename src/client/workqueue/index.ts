/** Work queues: plain, delaying and rate limiting, and the controller worker loop. */
export * from './queue.js';
export * from './delaying-queue.js';
export * from './rate-limiters.js';
export * from './rate-limiting-queue.js';
export * from './run-workers.js';
