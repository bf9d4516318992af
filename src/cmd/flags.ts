import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDatastore, type DatastoreSpec } from '../storage/datastore.js';

/** A CLI usage problem: printed as `k8ts <cmd>: message` with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `args` strictly against `options`, turning node's parse errors into UsageErrors that name the flag.
 * Accepts both `--flag value` and `--flag=value`.
 */
export function parseFlags<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (err) {
    // Node's messages add advice about positionals after the first sentence; the first sentence names the flag.
    throw new UsageError(err instanceof Error ? err.message.split('. ')[0]!.trim() : String(err), { cause: err });
  }
}

/** Parses a TCP port flag; with `zeroMeansAny`, 0 asks for any free port (as --kubelet-port 0 does). */
export function parsePort(flag: string, value: string, o: { zeroMeansAny?: boolean } = {}): number {
  const n = Number(value);
  const min = o.zeroMeansAny ? 0 : 1;
  if (!/^\d+$/.test(value) || n < min || n > 65535) {
    const range = o.zeroMeansAny ? '0-65535, 0 for any free port' : '1-65535';
    throw new UsageError(`--${flag} ${JSON.stringify(value)}: not a port number (${range})`);
  }
  return n;
}

/** Parses --datastore, reporting a bad value as a usage error. */
export function datastoreFlag(value: string): DatastoreSpec {
  try {
    return parseDatastore(value);
  } catch (err) {
    throw new UsageError((err as Error).message, { cause: err });
  }
}
