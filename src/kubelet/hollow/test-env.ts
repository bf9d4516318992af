/**
 * What the hollow-node tests share: an in-process API server, one API client per hollow node (as each
 * kubelet has its own, with its own client-side rate limit), and teardown of every node and client after
 * the file's tests. `useHollowTestEnv` registers the before/after hooks of the calling test file.
 */
import { after, before } from 'node:test';
import { RestClient } from '../../client/rest/rest-client.js';
import { waitFor } from '../../testing/wait-for.js';
import { startApiFixture, type ApiFixture } from '../node/test-helpers.js';
import type { HollowNode } from './hollow-node.js';

export interface HollowTestEnv {
  readonly fx: ApiFixture;
  /** Nodes pushed here are stopped after the tests. */
  readonly nodes: HollowNode[];
  /** A new client at the kubelet's rate limits (closed after the tests). */
  kubeletClient(): RestClient;
  /** A new client without a rate limit, for the test's own writes (closed after the tests). */
  testClient(): RestClient;
}

export function useHollowTestEnv(): HollowTestEnv {
  let fx: ApiFixture | undefined;
  const nodes: HollowNode[] = [];
  const clients: RestClient[] = [];
  before(async () => {
    fx = await startApiFixture();
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    for (const c of clients) c.close();
    await fx?.close();
  });
  return {
    get fx() {
      if (!fx) throw new Error('the hollow test environment is used before its before() hook ran');
      return fx;
    },
    nodes,
    kubeletClient() {
      const c = RestClient.fromKubeconfig(this.fx.api.kubeconfig, { component: 'hollow-kubelet', qps: 50, burst: 100 });
      clients.push(c);
      return c;
    },
    testClient() {
      const c = RestClient.fromKubeconfig(this.fx.api.kubeconfig, { component: 'hollow-test', qps: Infinity });
      clients.push(c);
      return c;
    },
  };
}

/** Polls every 100 ms, up to a minute by default (hollow nodes answer fast; scale runs take a while). */
export const until = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => waitFor(what, probe, timeoutMs, 100);
