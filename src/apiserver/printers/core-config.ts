/**
 * Tables of the core configuration and policy kinds: namespaces, configmaps, secrets, serviceaccounts and
 * resourcequotas. (limitranges have no printer upstream and get the NAME / CREATED AT table.)
 */
import { compareGoStrings } from '../../apimachinery/go-format.js';
import { asArray, asRecord, formatQuantity, keyCount, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** Namespaces: STATUS is the phase (Active, Terminating). */
export const namespacePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'The namespace phase: Active, or Terminating while its content is removed.'),
    ageColumn,
  ],
  cells: (ns, now) => [
    ns.metadata.name ?? '',
    str(asRecord(ns.status).phase),
    timestampSince(ns.metadata.creationTimestamp, now),
  ],
};

/** ConfigMaps: DATA counts the keys of data and binaryData together. */
export const configMapPrinter: TablePrinter = {
  columns: [nameColumn, col('Data', 'How many keys the config map holds.'), ageColumn],
  cells: (cm, now) => [
    cm.metadata.name ?? '',
    keyCount(cm.data) + keyCount(cm.binaryData),
    timestampSince(cm.metadata.creationTimestamp, now),
  ],
};

/** Secrets: TYPE and the number of DATA keys (stringData, if still present, counts as the data it becomes). */
export const secretPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Type', 'The secret type, which fixes the keys it must hold.'),
    col('Data', 'How many keys the secret holds.'),
    ageColumn,
  ],
  cells: (s, now) => {
    const keys = new Set([...Object.keys(asRecord(s.data)), ...Object.keys(asRecord(s.stringData))]);
    return [s.metadata.name ?? '', str(s.type), keys.size, timestampSince(s.metadata.creationTimestamp, now)];
  },
};

/** ServiceAccounts: SECRETS counts the referenced secrets. */
export const serviceAccountPrinter: TablePrinter = {
  columns: [nameColumn, col('Secrets', 'How many secrets the service account references.'), ageColumn],
  cells: (sa, now) => [
    sa.metadata.name ?? '',
    asArray(sa.secrets).length,
    timestampSince(sa.metadata.creationTimestamp, now),
  ],
};

/**
 * REQUEST and LIMIT of a quota: `resource: used/hard` for every hard limit, sorted by resource name; the
 * `limits.*` resources go to LIMIT, everything else to REQUEST.
 */
export function quotaColumns(status: unknown): [request: string, limit: string] {
  const hard = asRecord(asRecord(status).hard);
  const used = asRecord(asRecord(status).used);
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort(compareGoStrings)) {
    const text = `${name}: ${formatQuantity(used[name])}/${formatQuantity(hard[name])}`;
    const pieces = name.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(text);
  }
  return [request.join(', '), limit.join(', ')];
}

/** ResourceQuotas: AGE REQUEST LIMIT. */
export const resourceQuotaPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Request', 'Used and hard amounts of the quota resources that are not limits.'),
    col('Limit', 'Used and hard amounts of the quota limits.* resources.'),
    ageColumn,
  ],
  cells: (q, now) => {
    const [request, limit] = quotaColumns(q.status);
    return [q.metadata.name ?? '', request, limit, timestampSince(q.metadata.creationTimestamp, now)];
  },
};
