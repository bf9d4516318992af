import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { datastoreFlag, parseFlags, parsePort, UsageError } from './flags.js';
import { formatDatastore } from '../storage/datastore.js';
import { openCachedStore } from '../storage/factory.js';
import { createApiServer } from '../apiserver/setup.js';
import { writeAdminKubeconfig } from './kubeconfig.js';
import { createLogger } from '../util/log.js';
import { onShutdown } from './shutdown.js';

export const serverUsage = `Usage: k8ts server [flags]

Runs a whole cluster on this machine. Today that is the API server over the chosen store; each component
(controller-manager, scheduler, kubelet, proxy, DNS) joins this process tree as it is built.

Flags:
  --data-dir DIR          state directory (default /var/lib/k8ts)
  --port PORT             API server port (default 6443)
  --bind-address ADDR     address to listen on (default 0.0.0.0)
  --datastore SPEC        sqlite:PATH (default sqlite:DATA_DIR/db/state.db) or etcd:URL[,URL...]
  --service-cluster-ip-range CIDR   ClusterIP range (default 10.43.0.0/16)
  --advertise-address IP  address of this API server in the kubernetes Service's endpoints (default 10.42.0.1)
`;

export async function runServer(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    'data-dir': { type: 'string', default: '/var/lib/k8ts' },
    port: { type: 'string', default: '6443' },
    'bind-address': { type: 'string', default: '0.0.0.0' },
    datastore: { type: 'string' },
    'service-cluster-ip-range': { type: 'string', default: '10.43.0.0/16' },
    'advertise-address': { type: 'string', default: '10.42.0.1' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(serverUsage);
    return;
  }
  const dataDir = values['data-dir']!;
  const port = parsePort('port', values.port!);
  const spec = datastoreFlag(values.datastore ?? `sqlite:${join(dataDir, 'db', 'state.db')}`);
  if (!values['bind-address']) throw new UsageError('--bind-address must not be empty');
  mkdirSync(dataDir, { recursive: true });

  const log = createLogger('server');
  log.info('starting k8ts server', { dataDir, port, datastore: formatDatastore(spec) });
  const store = await openCachedStore(spec);
  const { server: api, bootstrap } = createApiServer({
    store,
    logger: log.child('apiserver'),
    serviceCIDR: values['service-cluster-ip-range'],
    advertiseAddress: values['advertise-address'],
    advertisePort: port,
  });
  onShutdown(log, async () => {
    await api.close();
    await store.close();
  });
  await api.listen(values['bind-address']!, port);
  await bootstrap(); // system namespaces and the kubernetes Service: the cluster is usable once they exist
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  writeAdminKubeconfig(kubeconfig, `http://127.0.0.1:${port}`);
  log.info('k8ts server is ready', { kubeconfig });
}
