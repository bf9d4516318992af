/**
 * A pod's quality-of-service class (upstream's qos.ComputePodQOS without pod-level resources): Guaranteed when
 * every container has CPU and memory limits equal to its requests, BestEffort when nobody asks for CPU or
 * memory at all, Burstable otherwise.
 */
import { Quantity } from '../../../../apimachinery/quantity.js';
import { isRecord, recordOf, recordsOf, type JsonRecord } from './json.js';

/** The three classes, as written in `status.qosClass`. */
export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

function positive(value: unknown): Quantity | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    const q = Quantity.parse(String(value));
    return q.sign() > 0 ? q : undefined;
  } catch {
    return undefined;
  }
}

function addTo(sum: Map<string, Quantity>, name: string, q: Quantity): void {
  const cur = sum.get(name);
  sum.set(name, cur ? cur.add(q) : q);
}

/** The QoS class of a pod spec (regular and init containers count). */
export function computePodQOS(spec: JsonRecord): PodQOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...recordsOf(spec.containers), ...recordsOf(spec.initContainers)]) {
    const resources = recordOf(c.resources) ?? {};
    const req = isRecord(resources.requests) ? resources.requests : {};
    const lim = isRecord(resources.limits) ? resources.limits : {};
    for (const name of QOS_RESOURCES) {
      const q = positive(req[name]);
      if (q) addTo(requests, name, q);
    }
    const found = new Set<string>();
    for (const name of QOS_RESOURCES) {
      const q = positive(lim[name]);
      if (!q) continue;
      found.add(name);
      addTo(limits, name, q);
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
