/**
 * Tables of the networking and discovery groups: networkpolicies, ingresses, ingressclasses, endpointslices,
 * servicecidrs and ipaddresses.
 */
import { asArray, asRecord, formatLabelSelector, listWithMore, str, timestampSince } from './format.js';
import { loadBalancerIngress } from './core-services.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** NetworkPolicies: POD-SELECTOR AGE (an empty selector, which selects every pod, prints `<none>`). */
export const networkPolicyPrinter: TablePrinter = {
  columns: [nameColumn, col('Pod-Selector', 'The pods the policy applies to.'), ageColumn],
  cells: (np, now) => [
    np.metadata.name ?? '',
    formatLabelSelector(asRecord(np.spec).podSelector ?? {}),
    timestampSince(np.metadata.creationTimestamp, now),
  ],
};

/** HOSTS: up to three rule hosts then `+ N more...`; `*` when no rule names a host (formatHosts). */
export function ingressHosts(rules: unknown): string {
  const list = asArray(rules).map(asRecord);
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of list) {
    if (hosts.length === max) more = true;
    if (!more && str(rule.host) !== '') hosts.push(str(rule.host));
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${list.length - max} more...` : hosts.join(',');
}

/** Ingresses: CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Class', 'The ingress class that implements the ingress.'),
    col('Hosts', 'The hosts the ingress rules match.'),
    col('Address', 'Where the load balancer of the ingress is reachable.'),
    col('Ports', 'The ports the ingress serves: 80, and 443 with TLS.'),
    ageColumn,
  ],
  cells(ing, now) {
    const spec = asRecord(ing.spec);
    return [
      ing.metadata.name ?? '',
      typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>',
      ingressHosts(spec.rules),
      loadBalancerIngress(asRecord(ing.status).loadBalancer),
      asArray(spec.tls).length > 0 ? '80, 443' : '80',
      timestampSince(ing.metadata.creationTimestamp, now),
    ];
  },
};

/** IngressClasses: CONTROLLER PARAMETERS (`Kind.group/name`) AGE. */
export const ingressClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Controller', 'The controller that implements the class.'),
    col('Parameters', 'The object holding extra settings of the class.'),
    ageColumn,
  ],
  cells(ic, now) {
    const spec = asRecord(ic.spec);
    let parameters = '<none>';
    if (spec.parameters !== undefined && spec.parameters !== null) {
      const p = asRecord(spec.parameters);
      parameters = `${str(p.kind)}${typeof p.apiGroup === 'string' ? `.${p.apiGroup}` : ''}/${str(p.name)}`;
    }
    return [
      ic.metadata.name ?? '',
      str(spec.controller),
      parameters,
      timestampSince(ic.metadata.creationTimestamp, now),
    ];
  },
};

/** Up to three items then `+ N more...`, `<unset>` when empty. */
function firstThree(items: string[]): string {
  const max = 3;
  return listWithMore(items.slice(0, max), items.length > max, items.length, max);
}

/** EndpointSlices: ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSlicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('AddressType', 'The address family of the endpoints: IPv4, IPv6 or FQDN.'),
    col('Ports', 'The ports of the endpoints.'),
    col('Endpoints', 'The addresses of the endpoints.'),
    ageColumn,
  ],
  cells(es, now) {
    const ports = asArray(es.ports).map((raw) => {
      const p = asRecord(raw);
      if (typeof p.port === 'number') return String(p.port);
      return typeof p.name === 'string' ? p.name : '*';
    });
    const addresses = asArray(es.endpoints).flatMap((e) => asArray(asRecord(e).addresses).map(str));
    return [
      es.metadata.name ?? '',
      str(es.addressType),
      firstThree(ports),
      firstThree(addresses),
      timestampSince(es.metadata.creationTimestamp, now),
    ];
  },
};

/** ServiceCIDRs: CIDRS AGE. */
export const serviceCIDRPrinter: TablePrinter = {
  columns: [nameColumn, col('CIDRs', 'The ranges service IPs are allocated from.'), ageColumn],
  cells: (sc, now) => [
    sc.metadata.name ?? '',
    asArray(asRecord(sc.spec).cidrs).map(str).join(','),
    timestampSince(sc.metadata.creationTimestamp, now),
  ],
};

/** IPAddresses: PARENTREF (`resource.group/namespace/name`) AGE. */
export const ipAddressPrinter: TablePrinter = {
  columns: [nameColumn, col('ParentRef', 'The object the address is allocated to.'), ageColumn],
  cells(ip, now) {
    const rawRef = asRecord(ip.spec).parentRef;
    let parent = '<none>';
    if (rawRef !== undefined && rawRef !== null) {
      const ref = asRecord(rawRef);
      const group = str(ref.group);
      parent = (group === '' ? str(ref.resource) : `${str(ref.resource)}.${group}`).toLowerCase();
      if (str(ref.namespace) !== '') parent += `/${str(ref.namespace)}`;
      parent += `/${str(ref.name)}`;
    }
    return [ip.metadata.name ?? '', parent, timestampSince(ip.metadata.creationTimestamp, now)];
  },
};
