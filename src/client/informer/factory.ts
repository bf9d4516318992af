/**
 * The shared informer factory (client-go informers.SharedInformerFactory): one informer per resource and
 * selection for a whole component, so every controller reading pods shares one watch and one cache.
 */
import { realClock, type Clock } from '../../util/clock.js';
import { silentLogger, type Logger } from '../../util/log.js';
import type { RestClient } from '../rest/rest-client.js';
import type { KubeObject, ResourceDescriptor } from '../rest/types.js';
import { listWatchFor } from './list-watch.js';
import { SharedInformer, type SharedIndexInformer } from './shared-informer.js';
import type { Indexers } from './store.js';
import { waitForCacheSync } from './wait.js';

/** Options of {@link SharedInformerFactory}; `namespace` and the selectors apply to every informer it makes. */
export interface SharedInformerFactoryOptions {
  client: RestClient;
  clock?: Clock;
  logger?: Logger;
  /** Default resync period of informers (0: none). */
  defaultResyncMs?: number;
  /** Watch only this namespace (default: all). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Per-informer choices; the factory's options fill what is unset. */
export interface InformerOptions<T> {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resyncPeriodMs?: number;
  indexers?: Indexers<Readonly<T>>;
}

/** The identity under which informers are shared. */
export function informerKey(
  d: ResourceDescriptor,
  o: { namespace?: string; labelSelector?: string; fieldSelector?: string },
): string {
  const ns = d.namespaced ? (o.namespace ?? '') : '';
  return `${d.group}/${d.version}/${d.resource}|ns=${ns}|l=${o.labelSelector ?? ''}|f=${o.fieldSelector ?? ''}`;
}

/**
 * Hands out shared informers.
 *
 * Contract: `forResource` returns the same informer for the same resource, namespace and selectors (indexers
 * of later calls are added to it). `start` runs every informer not running yet and may be called again after
 * new ones were requested; all of them stop when that call's signal aborts. `shutdown` resolves once every
 * started informer has stopped.
 */
export class SharedInformerFactory {
  private readonly options: SharedInformerFactoryOptions;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly informers = new Map<string, SharedInformer<KubeObject>>();
  private readonly running: Promise<void>[] = [];

  constructor(options: SharedInformerFactoryOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? silentLogger;
  }

  forResource<T extends KubeObject>(
    descriptor: ResourceDescriptor,
    options: InformerOptions<T> = {},
  ): SharedIndexInformer<T> {
    const sel = {
      namespace: options.namespace ?? this.options.namespace,
      labelSelector: options.labelSelector ?? this.options.labelSelector,
      fieldSelector: options.fieldSelector ?? this.options.fieldSelector,
    };
    const key = informerKey(descriptor, sel);
    let informer = this.informers.get(key) as SharedInformer<T> | undefined;
    if (informer) {
      if (options.indexers) {
        const have = informer.indexer.getIndexers();
        const missing = Object.fromEntries(Object.entries(options.indexers).filter(([n]) => !Object.hasOwn(have, n)));
        informer.addIndexers(missing);
      }
      return informer;
    }
    const client = this.options.client.resource<T>(
      descriptor,
      descriptor.namespaced ? sel.namespace || undefined : undefined,
    );
    informer = new SharedInformer<T>({
      name: sel.namespace ? `${descriptor.resource}/${sel.namespace}` : descriptor.resource,
      listerWatcher: listWatchFor(client, sel),
      clock: this.clock,
      logger: this.logger,
      resyncPeriodMs: options.resyncPeriodMs ?? this.options.defaultResyncMs ?? 0,
      indexers: options.indexers,
    });
    this.informers.set(key, informer as unknown as SharedInformer<KubeObject>);
    return informer;
  }

  /** Runs every informer that is not running yet, until `signal` aborts. */
  start(signal: AbortSignal): void {
    for (const informer of this.informers.values()) {
      if (informer.isStarted()) continue;
      this.running.push(informer.run(signal));
    }
  }

  /** Resolves true once every started informer has synced (false if `signal` aborts first). */
  waitForCacheSync(signal: AbortSignal): Promise<boolean> {
    return waitForCacheSync(signal, ...[...this.informers.values()].filter((i) => i.isStarted()));
  }

  /** Resolves once every started informer has stopped (abort the `start` signal first). */
  async shutdown(): Promise<void> {
    await Promise.allSettled(this.running);
  }
}
