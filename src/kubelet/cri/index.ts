/**
 * The CRI v1 client layer: the service contract, the gRPC client, the in-memory fake, errors, message types
 * and the container log format. The kubelet imports from here.
 */
export * from './service.js';
export * from './client.js';
export * from './errors.js';
export * from './fake-client.js';
export * from './log-format.js';
export * from './proto.js';
export * from './types-common.js';
export * from './types-image.js';
export * from './types-runtime.js';
export * from './types-stats.js';
