import type { TablePrinter } from './table.js';

/** Table printers by `group/resource` (`/pods`, `apps/deployments`): the columns `kubectl get` prints. */
export function builtinPrinters(): Map<string, TablePrinter> {
  return new Map();
}
