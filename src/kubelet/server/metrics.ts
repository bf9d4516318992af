/**
 * The kubelet's Prometheus endpoints. `/metrics`: a registry of the kubelet's own gauges, named as upstream
 * (kubelet_running_pods, kubelet_running_containers{container_state}, kubelet_node_name), computed from the
 * runtime when scraped. `/metrics/resource`: the resource metrics pipeline's series (node_/pod_/container_
 * cpu and memory, container_start_time_seconds), rendered from a stats {@link Summary}. One instance per
 * server: no default global registry.
 */
import { Gauge, Registry } from 'prom-client';
import type { CriClient } from '../cri/service.js';
import type { Summary } from './stats.js';

const CONTAINER_STATES: Record<string, string> = {
  CONTAINER_CREATED: 'created',
  CONTAINER_RUNNING: 'running',
  CONTAINER_EXITED: 'exited',
  CONTAINER_UNKNOWN: 'unknown',
};

/** The `/metrics` registry of one kubelet. */
export class KubeletMetrics {
  readonly registry = new Registry();

  constructor(cri: Pick<CriClient, 'listPodSandbox' | 'listContainers'>, nodeName: string) {
    new Gauge({
      name: 'kubelet_node_name',
      help: "The node's name. The count is always 1.",
      labelNames: ['node'] as const,
      registers: [this.registry],
    }).set({ node: nodeName }, 1);
    new Gauge({
      name: 'kubelet_running_pods',
      help: 'Number of pods that have a running pod sandbox',
      registers: [this.registry],
      async collect() {
        const { items } = await cri.listPodSandbox({ filter: { state: { state: 'SANDBOX_READY' } } });
        this.set(items.length);
      },
    });
    new Gauge({
      name: 'kubelet_running_containers',
      help: 'Number of containers currently running',
      labelNames: ['container_state'] as const,
      registers: [this.registry],
      async collect() {
        const { containers } = await cri.listContainers({});
        const counts = new Map(Object.values(CONTAINER_STATES).map((s) => [s, 0]));
        for (const c of containers) {
          const s = CONTAINER_STATES[c.state] ?? 'unknown';
          counts.set(s, (counts.get(s) ?? 0) + 1);
        }
        this.reset();
        for (const [state, n] of counts) this.set({ container_state: state }, n);
      },
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

function labels(l: Record<string, string>): string {
  const parts = Object.entries(l).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** The `/metrics/resource` exposition of `s` (samples stamped with their stats time, as upstream). */
export function resourceMetricsText(s: Summary): string {
  const families: { name: string; help: string; type: 'counter' | 'gauge'; samples: string[] }[] = [
    {
      name: 'node_cpu_usage_seconds_total',
      help: '[STABLE] Cumulative cpu time consumed by the node in core-seconds',
      type: 'counter',
      samples: [],
    },
    {
      name: 'node_memory_working_set_bytes',
      help: '[STABLE] Current working set of the node in bytes',
      type: 'gauge',
      samples: [],
    },
    {
      name: 'pod_cpu_usage_seconds_total',
      help: '[STABLE] Cumulative cpu time consumed by the pod in core-seconds',
      type: 'counter',
      samples: [],
    },
    {
      name: 'pod_memory_working_set_bytes',
      help: '[STABLE] Current working set of the pod in bytes',
      type: 'gauge',
      samples: [],
    },
    {
      name: 'container_cpu_usage_seconds_total',
      help: '[STABLE] Cumulative cpu time consumed by the container in core-seconds',
      type: 'counter',
      samples: [],
    },
    {
      name: 'container_memory_working_set_bytes',
      help: '[STABLE] Current working set of the container in bytes',
      type: 'gauge',
      samples: [],
    },
  ];
  const add = (i: number, l: Record<string, string>, value: number | undefined, time: string | undefined) => {
    if (value === undefined) return;
    const ts = time ? ` ${Date.parse(time)}` : '';
    families[i]!.samples.push(`${families[i]!.name}${labels(l)} ${value}${ts}`);
  };
  const seconds = (ns: number | undefined) => (ns === undefined ? undefined : ns / 1e9);
  add(0, {}, seconds(s.node.cpu?.usageCoreNanoSeconds), s.node.cpu?.time);
  add(1, {}, s.node.memory?.workingSetBytes, s.node.memory?.time);
  for (const p of s.pods) {
    const pl = { namespace: p.podRef.namespace, pod: p.podRef.name };
    add(2, pl, seconds(p.cpu?.usageCoreNanoSeconds), p.cpu?.time);
    add(3, pl, p.memory?.workingSetBytes, p.memory?.time);
    for (const c of p.containers) {
      const cl = { container: c.name, ...pl };
      add(4, cl, seconds(c.cpu?.usageCoreNanoSeconds), c.cpu?.time);
      add(5, cl, c.memory?.workingSetBytes, c.memory?.time);
    }
  }
  const out: string[] = [];
  for (const f of families) {
    if (f.samples.length === 0) continue;
    out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.samples);
  }
  out.push(
    '# HELP scrape_error [ALPHA] 1 if there was an error while getting container metrics, 0 otherwise',
    '# TYPE scrape_error gauge',
    'scrape_error 0',
  );
  return out.join('\n') + '\n';
}
