/** Informers: reflector, cache and indexes, shared informers and their factory. */
export * from './tombstone.js';
export * from './store.js';
export * from './list-watch.js';
export * from './reflector.js';
export * from './listener.js';
export * from './lister.js';
export * from './shared-informer.js';
export * from './factory.js';
export * from './wait.js';
