import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API server's Prometheus metrics, named as upstream's so dashboards and `kubectl get --raw /metrics`
 * read the same: apiserver_request_total, apiserver_request_duration_seconds, apiserver_current_inflight_requests.
 * One instance per server (no default global registry).
 */
export class ApiServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'apiserver_request_total',
    help: 'Counter of apiserver requests broken out for each verb, group, version, resource and HTTP response code.',
    labelNames: ['verb', 'group', 'version', 'resource', 'subresource', 'scope', 'code'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'apiserver_request_duration_seconds',
    help: 'Response latency distribution in seconds for each verb, group, version, resource and subresource.',
    labelNames: ['verb', 'group', 'version', 'resource', 'subresource', 'scope'] as const,
    buckets: [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
    registers: [this.registry],
  });
  readonly inflight = new Gauge({
    name: 'apiserver_current_inflight_requests',
    help: 'Maximal number of currently used inflight request limit of this apiserver per request kind.',
    labelNames: ['request_kind'] as const,
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'apiserver_dropped_requests_total',
    help: 'Number of requests dropped with "Try again later" response.',
    labelNames: ['request_kind'] as const,
    registers: [this.registry],
  });

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
