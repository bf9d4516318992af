import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { datastoreFlag, parseFlags, parsePort, UsageError } from './flags.js';
import { formatDatastore } from '../storage/datastore.js';
import { openCachedStore } from '../storage/factory.js';
import type { Store } from '../storage/interface.js';
import { createApiServer } from '../apiserver/setup.js';
import type { ApiServer } from '../apiserver/server.js';
import { parseServiceCIDR } from '../apiserver/allocator/service-cidr.js';
import { writeAdminKubeconfig } from './kubeconfig.js';
import { createLogger, type Logger } from '../util/log.js';
import { onShutdown } from './shutdown.js';

/** The first node's IP in the default cluster CIDR (10.42.0.0/16): where pods reach the API server. */
export const DEFAULT_ADVERTISE_ADDRESS = '10.42.0.1';

/** The API server's flags, shared by `k8ts apiserver` and `k8ts server`. */
export const apiserverFlags = {
  'data-dir': { type: 'string', default: '/var/lib/k8ts' },
  port: { type: 'string', default: '6443' },
  'bind-address': { type: 'string', default: '0.0.0.0' },
  datastore: { type: 'string' },
  'service-cluster-ip-range': { type: 'string', default: '10.43.0.0/16' },
  'advertise-address': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const apiserverFlagsUsage = `  --data-dir DIR          state directory (default /var/lib/k8ts)
  --port PORT             API server port (default 6443)
  --bind-address ADDR     address to listen on (default 0.0.0.0)
  --datastore SPEC        sqlite:PATH (default sqlite:DATA_DIR/db/state.db) or etcd:URL[,URL...]
  --service-cluster-ip-range CIDR   ClusterIP range (default 10.43.0.0/16)
  --advertise-address IP  address of this API server in the kubernetes Service's endpoints (default 10.42.0.1)
`;

export const apiserverUsage = `Usage: k8ts apiserver [flags]

Runs the API server alone over the chosen store (for set-ups with several API servers over one etcd).
Writes an admin kubeconfig to DATA_DIR/kubeconfig.yaml once it serves.

Flags:
${apiserverFlagsUsage}`;

type ApiserverValues = { [K in keyof typeof apiserverFlags]?: string | boolean };

export interface RunningApiServer {
  api: ApiServer;
  store: Store;
  kubeconfig: string;
  stop(): Promise<void>;
}

/** Validates the flags, opens the store, serves, bootstraps the system objects and writes the kubeconfig. */
export async function startApiServerComponent(values: ApiserverValues, log: Logger): Promise<RunningApiServer> {
  const dataDir = String(values['data-dir']);
  const port = parsePort('port', String(values.port));
  const bind = String(values['bind-address'] ?? '');
  if (!bind) throw new UsageError('--bind-address must not be empty');
  const serviceCIDR = String(values['service-cluster-ip-range']);
  try {
    parseServiceCIDR(serviceCIDR);
  } catch (err) {
    throw new UsageError(`--service-cluster-ip-range: ${(err as Error).message}`);
  }
  const spec = datastoreFlag(typeof values.datastore === 'string' ? values.datastore : `sqlite:${join(dataDir, 'db', 'state.db')}`);
  mkdirSync(dataDir, { recursive: true });
  log.info('starting the API server', { dataDir, port, datastore: formatDatastore(spec) });
  const store = await openCachedStore(spec);
  const { server: api, bootstrap } = createApiServer({
    store,
    logger: log.child('apiserver'),
    serviceCIDR,
    advertiseAddress: typeof values['advertise-address'] === 'string' ? values['advertise-address'] : DEFAULT_ADVERTISE_ADDRESS,
    advertisePort: port,
  });
  const stop = async () => {
    await api.close();
    await store.close();
  };
  try {
    await api.listen(bind, port);
    await bootstrap(); // system namespaces and the kubernetes Service: the cluster is usable once they exist
  } catch (err) {
    await stop();
    throw err;
  }
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  writeAdminKubeconfig(kubeconfig, `http://127.0.0.1:${port}`);
  return { api, store, kubeconfig, stop };
}

export async function runApiserver(args: string[]): Promise<void> {
  const { values } = parseFlags(args, apiserverFlags);
  if (values.help) {
    process.stdout.write(apiserverUsage);
    return;
  }
  const log = createLogger('apiserver');
  const running = await startApiServerComponent(values, log);
  onShutdown(log, running.stop);
  log.info('k8ts apiserver is ready', { kubeconfig: running.kubeconfig });
}
