import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openSqliteStore } from '../storage/sqlite/index.js';
import { CachingStore } from '../storage/cacher/caching-store.js';
import { createApiServer } from '../apiserver/setup.js';
import type { ApiServer } from '../apiserver/server.js';
import { writeAdminKubeconfig } from '../cmd/kubeconfig.js';
import { silentLogger } from '../util/log.js';

const run = promisify(execFile);

/** An API server running in this process over SQLite in a temp dir, for tests. */
export interface TestApiServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  dir: string;
  kubeconfig: string;
  server: ApiServer;
  /** The store under the API server (the watch cache over SQLite), for tests that need to compact or peek. */
  store: CachingStore;
  /** Runs kubectl (the default one, or `version` like '1.27') against this server; resolves with stdout/stderr and code. */
  kubectl(args: string[], options?: { version?: string; input?: string }): Promise<{ stdout: string; stderr: string; code: number }>;
  close(): Promise<void>;
}

export async function startTestApiServer(): Promise<TestApiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-api-test-'));
  const store = new CachingStore(openSqliteStore(join(dir, 'state.db')));
  const { server, bootstrap } = createApiServer({ store, logger: silentLogger });
  const addr = await server.listen('127.0.0.1', 0);
  await bootstrap();
  const url = `http://127.0.0.1:${addr.port}`;
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  writeAdminKubeconfig(kubeconfig, url);
  let kubectlDir: string | undefined;
  return {
    url,
    dir,
    kubeconfig,
    server,
    store,
    async kubectl(args, options = {}) {
      if (!kubectlDir) kubectlDir = (await run('sh', ['-c', 'dirname "$(readlink -f "$(command -v kubectl)")"'])).stdout.trim();
      const bin = options.version ? join(kubectlDir, `kubectl.${options.version}`) : 'kubectl';
      return new Promise((resolve) => {
        const child = execFile(
          bin,
          args,
          { env: { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'kcache') }, timeout: 60_000 },
          (err, stdout, stderr) => resolve({ stdout: String(stdout), stderr: String(stderr), code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 }),
        );
        if (options.input !== undefined) child.stdin!.end(options.input);
      });
    },
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
