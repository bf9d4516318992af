/** The REST client: config, transport, typed resource calls and watch streams. */
export * from './types.js';
export * from './config.js';
export * from './transport.js';
export * from './response-error.js';
export * from './watch-decoder.js';
export * from './rest-client.js';
export * from './resource-client.js';
export * from './resources.js';
