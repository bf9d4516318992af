import type { ApiRegistry, ServedResource } from '../registry/api-registry.js';
import type { SubresourceDef } from '../../api/schema/dsl.js';

/**
 * Discovery documents, legacy (/api, /apis, /api/v1, /apis/g, /apis/g/v) and aggregated
 * (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), built once from the API registry. kubectl reads resource
 * names, short names, kinds, verbs, scopes and subresources from here.
 */

/** Preferred versions where a group serves more than one (upstream prefers autoscaling/v2). */
const PREFERRED: Record<string, string> = { autoscaling: 'v2' };

interface GroupInfo {
  name: string;
  versions: string[];
}

const versionRank = (v: string): number => {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return 0;
  const major = Number(m[1]);
  const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return stage * 1e6 + major * 1e3 + Number(m[3] ?? 0);
};

export class Discovery {
  private readonly groups: GroupInfo[] = [];
  private readonly byGV = new Map<string, ServedResource[]>();

  constructor(
    registry: ApiRegistry,
    private readonly serverAddress: () => string,
  ) {
    for (const s of registry.all()) {
      const gv = `${s.info.group}/${s.info.version}`;
      if (!this.byGV.has(gv)) this.byGV.set(gv, []);
      this.byGV.get(gv)!.push(s);
      let g = this.groups.find((x) => x.name === s.info.group);
      if (!g) this.groups.push((g = { name: s.info.group, versions: [] }));
      if (!g.versions.includes(s.info.version)) g.versions.push(s.info.version);
    }
    for (const g of this.groups) g.versions.sort((a, b) => versionRank(b) - versionRank(a));
    for (const list of this.byGV.values()) list.sort((a, b) => a.info.resource.localeCompare(b.info.resource));
  }

  private preferred(g: GroupInfo): string {
    const p = PREFERRED[g.name];
    return p && g.versions.includes(p) ? p : g.versions[0]!;
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.byGV.has(`${group}/${version}`);
  }

  hasGroup(group: string): boolean {
    return this.groups.some((g) => g.name === group && g.name !== '');
  }

  apiVersions(): unknown {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.serverAddress() }],
    };
  }

  private apiGroup(g: GroupInfo): Record<string, unknown> {
    const gv = (v: string) => ({ groupVersion: `${g.name}/${v}`, version: v });
    return { name: g.name, versions: g.versions.map(gv), preferredVersion: gv(this.preferred(g)) };
  }

  apiGroupList(): unknown {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: this.groups.filter((g) => g.name !== '').map((g) => this.apiGroup(g)) };
  }

  apiGroupDoc(group: string): unknown {
    const g = this.groups.find((x) => x.name === group)!;
    return { kind: 'APIGroup', apiVersion: 'v1', ...this.apiGroup(g) };
  }

  apiResourceList(group: string, version: string): unknown {
    const resources: Record<string, unknown>[] = [];
    for (const s of this.byGV.get(`${group}/${version}`) ?? []) {
      const r: Record<string, unknown> = {
        name: s.info.resource,
        singularName: s.info.singular,
        namespaced: s.info.namespaced,
        kind: s.info.kind,
        verbs: s.def.verbs ?? [],
      };
      if (s.info.shortNames?.length) r.shortNames = s.info.shortNames;
      if (s.info.categories?.length) r.categories = s.info.categories;
      resources.push(r);
      for (const sub of s.kind.resource?.subresources ?? []) {
        const e: Record<string, unknown> = { name: `${s.info.resource}/${sub.name}`, singularName: '', namespaced: s.info.namespaced };
        if (sub.kind && (sub.kind.group !== group || sub.kind.version !== version)) {
          e.group = sub.kind.group;
          e.version = sub.kind.version;
        }
        e.kind = sub.kind?.kind ?? s.info.kind;
        e.verbs = [...sub.verbs];
        resources.push(e);
      }
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
  }

  private aggregatedResource(s: ServedResource): Record<string, unknown> {
    const r: Record<string, unknown> = {
      resource: s.info.resource,
      responseKind: { group: s.info.group, version: s.info.version, kind: s.info.kind },
      scope: s.info.namespaced ? 'Namespaced' : 'Cluster',
      singularResource: s.info.singular,
      verbs: s.def.verbs ?? [],
    };
    if (s.info.shortNames?.length) r.shortNames = s.info.shortNames;
    if (s.info.categories?.length) r.categories = s.info.categories;
    const subs = s.kind.resource?.subresources ?? [];
    if (subs.length) {
      r.subresources = subs.map((sub: SubresourceDef) => ({
        subresource: sub.name,
        responseKind: sub.kind ?? { group: s.info.group, version: s.info.version, kind: s.info.kind },
        verbs: [...sub.verbs],
      }));
    }
    return r;
  }

  /** The aggregated discovery document for /api (`core`) or /apis. */
  aggregated(which: 'core' | 'groups', apiVersion: 'v2' | 'v2beta1'): unknown {
    const items = this.groups
      .filter((g) => (which === 'core' ? g.name === '' : g.name !== ''))
      .map((g) => ({
        metadata: which === 'core' ? {} : { name: g.name },
        versions: g.versions.map((v) => ({
          version: v,
          resources: (this.byGV.get(`${g.name}/${v}`) ?? []).map((s) => this.aggregatedResource(s)),
          freshness: 'Current',
        })),
      }));
    return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${apiVersion}`, metadata: {}, items };
  }
}
