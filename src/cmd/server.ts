import { parseFlags } from './flags.js';
import { createLogger } from '../util/log.js';
import { onShutdown } from './shutdown.js';
import { apiserverFlags, apiserverFlagsUsage, startApiServerComponent } from './apiserver.js';

export const serverUsage = `Usage: k8ts server [flags]

Runs a whole cluster on this machine. Today that is the API server over the chosen store; each component
(controller-manager, scheduler, kubelet, proxy, DNS) joins this process tree as it is built.

Flags:
${apiserverFlagsUsage}`;

export async function runServer(args: string[]): Promise<void> {
  const { values } = parseFlags(args, apiserverFlags);
  if (values.help) {
    process.stdout.write(serverUsage);
    return;
  }
  const log = createLogger('server');
  const apiserver = await startApiServerComponent(values, log);
  onShutdown(log, apiserver.stop);
  log.info('k8ts server is ready', { kubeconfig: apiserver.kubeconfig });
}
