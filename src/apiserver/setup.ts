import type { Store } from '../storage/interface.js';
import type { Logger } from '../util/log.js';
import { buildSchemaRegistry } from '../api/schema/registry.js';
import { ApiRegistry } from './registry/api-registry.js';
import { ApiServer } from './server.js';
import { noopFieldManager } from './fieldmanager/noop.js';
import { resourceBehaviors } from './registry/behaviors.js';
import { builtinPrinters } from './printers/registry.js';

export interface ApiServerConfig {
  store: Store;
  logger: Logger;
  now?: () => Date;
}

/** Wires the API server from its parts: schema, resource behaviours, printers, field manager. */
export function createApiServer(config: ApiServerConfig): ApiServer {
  const schema = buildSchemaRegistry();
  const registry = new ApiRegistry(schema, config.store, resourceBehaviors());
  return new ApiServer({
    store: config.store,
    schema,
    registry,
    logger: config.logger,
    handlerDeps: {
      fieldManager: noopFieldManager,
      printers: builtinPrinters(),
      now: config.now ?? (() => new Date()),
      logger: config.logger,
    },
  });
}
