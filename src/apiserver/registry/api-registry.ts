import type { Store } from '../../storage/interface.js';
import type { SchemaRegistry } from '../../api/schema/registry.js';
import type { KindDef } from '../../api/schema/dsl.js';
import { GenericStore } from './generic/store.js';
import type { ResourceDefinition, ResourceInfo } from './resource.js';

/** A resource's behaviour as resource modules declare it; the discovery facts come from the schema. */
export type ResourceBehavior = Omit<ResourceDefinition, 'info'> & { group: string; version: string; resource: string };

/** One served resource: discovery facts, schema, behaviour and its store. */
export interface ServedResource {
  info: ResourceInfo;
  kind: KindDef;
  def: ResourceDefinition;
  store: GenericStore;
}

const keyOf = (group: string, version: string, resource: string) => `${group}/${version}/${resource}`;

/**
 * Every resource the API server serves, built once from the schema registry and the resource behaviours.
 * A resource declared in the schema without a behaviour is served with the default (no-op) strategy, so that
 * every built-in kind is reachable even before it has validation of its own.
 */
export class ApiRegistry {
  private readonly byGVR = new Map<string, ServedResource>();

  constructor(
    readonly schema: SchemaRegistry,
    storage: Store,
    behaviors: readonly ResourceBehavior[],
  ) {
    const byKey = new Map<string, ResourceBehavior>();
    for (const b of behaviors) {
      const k = keyOf(b.group, b.version, b.resource);
      if (byKey.has(k)) throw new Error(`resource ${k} registered twice`);
      byKey.set(k, b);
    }
    for (const gv of schema.groupVersions) {
      for (const kind of schema.resourcesIn(gv.group, gv.version)) {
        const r = kind.resource!;
        const k = keyOf(gv.group, gv.version, r.plural);
        const b = byKey.get(k);
        byKey.delete(k);
        const info: ResourceInfo = {
          group: gv.group,
          version: gv.version,
          resource: r.plural,
          kind: kind.gvk.kind,
          singular: r.singular,
          namespaced: r.namespaced,
          shortNames: [...r.shortNames],
          categories: [...r.categories],
        };
        const { group: _g, version: _v, resource: _r, ...behavior } = b ?? { group: '', version: '', resource: '', strategy: {} };
        const def: ResourceDefinition = { ...behavior, info, verbs: behavior.verbs ?? [...r.verbs] };
        this.byGVR.set(k, { info, kind, def, store: new GenericStore(def, storage) });
      }
    }
    if (byKey.size) throw new Error(`behaviours for resources the schema does not declare: ${[...byKey.keys()].join(', ')}`);
  }

  get(group: string, version: string, resource: string): ServedResource | undefined {
    return this.byGVR.get(keyOf(group, version, resource));
  }

  all(): ServedResource[] {
    return [...this.byGVR.values()];
  }
}
