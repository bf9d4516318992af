/** Container lifecycle rules of the kubelet: restart back-off, restart policy, pod phase and hooks. */
export * from './backoff.js';
export * from './pod-phase.js';
export * from './restart-policy.js';
export * from './hooks.js';
