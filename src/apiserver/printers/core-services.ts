/**
 * Service and Endpoints tables. A service prints its type, first cluster IP, external address (LoadBalancer
 * ingress, external IPs, `<pending>` while a load balancer is awaited) and ports as `80/TCP` or `80:30080/TCP`.
 */
import { compareGoStrings } from '../../apimachinery/go-format.js';
import type { KObject } from '../registry/types.js';
import { asArray, asRecord, formatLabels, joinHostPort, num, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/**
 * Load-balancer ingress points, IP or else hostname, de-duplicated and sorted. Server-side tables are always
 * built wide, so upstream never clips this cell to 16 characters here.
 */
export function loadBalancerIngress(status: unknown): string {
  const points = new Set<string>();
  for (const raw of asArray(asRecord(status).ingress)) {
    const ing = asRecord(raw);
    const point = str(ing.ip) || str(ing.hostname);
    if (point !== '') points.add(point);
  }
  return [...points].sort(compareGoStrings).join(',');
}

/** EXTERNAL-IP of a service (getServiceExternalIP). */
function externalIP(svc: KObject): string {
  const spec = asRecord(svc.spec);
  const externalIPs = asArray(spec.externalIPs).map(str);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(asRecord(svc.status).loadBalancer);
      if (externalIPs.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** PORT(S): `port/protocol`, or `port:nodePort/protocol` when a node port is allocated (makePortString). */
export function servicePorts(ports: unknown): string {
  return asArray(ports)
    .map((raw) => {
      const p = asRecord(raw);
      const nodePort = num(p.nodePort);
      return nodePort > 0 ? `${num(p.port)}:${nodePort}/${str(p.protocol)}` : `${num(p.port)}/${str(p.protocol)}`;
    })
    .join(',');
}

/** Services. */
export const servicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Type', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    col('Cluster-IP', 'The virtual IP the service gets inside the cluster.'),
    col('External-IP', 'The addresses the service is reachable at from outside the cluster.'),
    col('Port(s)', 'The ports the service exposes.'),
    ageColumn,
    col('Selector', 'The pod labels that pick the pods behind the service.', 1),
  ],
  cells(svc, now) {
    const spec = asRecord(svc.spec);
    const clusterIPs = asArray(spec.clusterIPs);
    const ports = servicePorts(spec.ports);
    return [
      svc.metadata.name ?? '',
      str(spec.type),
      clusterIPs.length > 0 ? str(clusterIPs[0]) : '<none>',
      externalIP(svc),
      ports === '' ? '<none>' : ports,
      timestampSince(svc.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
};

/** ENDPOINTS: up to three `ip:port` pairs then `+ N more...`; bare IPs for subsets without ports (formatEndpoints). */
export function formatEndpoints(subsets: unknown): string {
  const list = asArray(subsets).map(asRecord);
  if (list.length === 0) return '<none>';
  const max = 3;
  const out: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of list) {
    const addresses = asArray(ss.addresses).map((a) => str(asRecord(a).ip));
    const ports = asArray(ss.ports).map(asRecord);
    if (ports.length === 0) {
      // headless services may have no ports
      count += addresses.length;
      for (const ip of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const ip of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(joinHostPort(ip, num(port.port)));
      }
    }
  }
  const joined = out.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

/** Endpoints. */
export const endpointsPrinter: TablePrinter = {
  columns: [nameColumn, col('Endpoints', 'The addresses and ports of the service backends.'), ageColumn],
  cells: (ep, now) => [
    ep.metadata.name ?? '',
    formatEndpoints(ep.subsets),
    timestampSince(ep.metadata.creationTimestamp, now),
  ],
};
