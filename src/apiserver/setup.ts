import type { Store } from '../storage/interface.js';
import type { Logger } from '../util/log.js';
import { buildSchemaRegistry } from '../api/schema/registry.js';
import { ApiRegistry, type ResourceBehavior } from './registry/api-registry.js';
import { ApiServer } from './server.js';
import { StructuredFieldManager } from './fieldmanager/structured-field-manager.js';
import { resourceBehaviors } from './registry/behaviors.js';
import { builtinPrinters } from './printers/registry.js';
import { ServiceAllocator } from './allocator/service-allocation.js';
import { reviewBehaviors } from './authorization/reviews.js';
import { alwaysAllow } from './authorization/authorizer.js';
import { ensureSystemObjects } from './bootstrap.js';
import { builtinSubresources, TokenSigner } from './subresources/index.js';

export interface ApiServerConfig {
  store: Store;
  logger: Logger;
  /** Service ClusterIP range (default 10.43.0.0/16, as k3s). */
  serviceCIDR?: string;
  /** Address the `kubernetes` Service's endpoints point at. */
  advertiseAddress?: string;
  /** Port the `kubernetes` Service's endpoints point at (the secure port once TLS exists). */
  advertisePort?: number;
  now?: () => Date;
  /** Max in-flight requests (default 400 read-only, 200 mutating); past it: 429 with Retry-After. */
  maxInflight?: { readonly: number; mutating: number };
}

export interface ApiServerInstance {
  server: ApiServer;
  registry: ApiRegistry;
  /** Creates the system namespaces and the `kubernetes` Service; call once the store is reachable. */
  bootstrap(): Promise<void>;
}

/** Adds the allocation hooks to the services behaviour (creating a default one if none is registered). */
function withServiceAllocation(behaviors: ResourceBehavior[], allocator: ServiceAllocator): ResourceBehavior[] {
  const i = behaviors.findIndex((b) => b.group === '' && b.version === 'v1' && b.resource === 'services');
  const hooks = allocator.hooks();
  if (i < 0) return [...behaviors, { group: '', version: 'v1', resource: 'services', strategy: {}, hooks }];
  const out = [...behaviors];
  out[i] = { ...out[i]!, hooks };
  return out;
}

/** Wires the API server from its parts: schema, resource behaviours, printers, field manager, allocators. */
export function createApiServer(config: ApiServerConfig): ApiServerInstance {
  const now = config.now ?? (() => new Date());
  const schema = buildSchemaRegistry();
  const allocator = new ServiceAllocator(config.store, { serviceCIDR: config.serviceCIDR ?? '10.43.0.0/16' });
  const behaviors = withServiceAllocation([...resourceBehaviors(), ...reviewBehaviors(alwaysAllow)], allocator);
  const registry = new ApiRegistry(schema, config.store, behaviors);
  const server = new ApiServer({
    store: config.store,
    schema,
    registry,
    logger: config.logger,
    maxInflight: config.maxInflight,
    handlerDeps: {
      fieldManager: new StructuredFieldManager(),
      printers: builtinPrinters(),
      subresources: builtinSubresources(new TokenSigner()),
      now,
      logger: config.logger,
    },
  });
  return {
    server,
    registry,
    bootstrap: () =>
      ensureSystemObjects(registry, {
        kubernetesServiceIP: allocator.kubernetesServiceIP,
        advertiseAddress: config.advertiseAddress ?? '10.42.0.1',
        port: config.advertisePort ?? 6443,
        now,
        logger: config.logger,
      }),
  };
}
