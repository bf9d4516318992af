/** Lease-based leader election. */
export * from './lease-lock.js';
export * from './leader-elector.js';
