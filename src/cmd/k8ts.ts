#!/usr/bin/env node
import { UsageError } from './flags.js';
import { runServer, serverUsage } from './server.js';
import { runApiserver, apiserverUsage } from './apiserver.js';
import { runStoreCommand, storeUsage } from './store.js';
import { runImagesCommand, imagesUsage } from './images.js';
import { runKubelet, kubeletUsage } from './kubelet.js';
import { GIT_VERSION, K8TS_VERSION } from '../version.js';
import { isStorageError } from '../storage/errors.js';

const usage = `k8ts — Kubernetes in TypeScript

Usage: k8ts <command> [flags]

Commands:
  server     run a whole cluster on this machine (API server and, as they are built, the other components)
  apiserver  run the API server alone
  store      inspect the datastore (get, list, revision) for debugging
  images     build, import and list container images (no internet needed)
  kubelet    run a node: containerd and the kubelet, registered with an API server
  version    print the version

Run 'k8ts <command> --help' for a command's flags.
`;

const commands: Record<string, { run: (args: string[]) => Promise<void>; usage: string }> = {
  server: { run: runServer, usage: serverUsage },
  apiserver: { run: runApiserver, usage: apiserverUsage },
  store: { run: runStoreCommand, usage: storeUsage },
  images: { run: runImagesCommand, usage: imagesUsage },
  kubelet: { run: runKubelet, usage: kubeletUsage },
  version: {
    run: async () => {
      process.stdout.write(`k8ts ${K8TS_VERSION} (Kubernetes ${GIT_VERSION})\n`);
    },
    usage: 'Usage: k8ts version\n',
  },
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return;
  }
  const cmd = commands[name];
  if (!cmd) throw new UsageError(`unknown command ${JSON.stringify(name)}\n\n${usage}`);
  try {
    await cmd.run(args);
  } catch (err) {
    if (err instanceof UsageError) err.message = `${name}: ${err.message}\n\n${cmd.usage}`;
    throw err;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`k8ts ${err.message}\n`);
    process.exit(2);
  }
  if (isStorageError(err)) {
    process.stderr.write(`k8ts: storage error (${err.code}): ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`k8ts: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
