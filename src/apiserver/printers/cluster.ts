/**
 * Tables of cluster-wide kinds of smaller groups: priorityclasses, leases, runtimeclasses,
 * certificatesigningrequests, admission webhook configurations and API priority-and-fairness objects.
 */
import { humanDuration } from '../../apimachinery/duration.js';
import { asArray, asRecord, num, str, timestampSince } from './format.js';
import { ageColumn, col, nameColumn, type TablePrinter } from './table.js';

/** PriorityClasses: VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY. */
export const priorityClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Value', 'The priority pods of the class get.', 0, 'integer'),
    col('Global-Default', 'Whether pods without a class get this one.', 0, 'boolean'),
    ageColumn,
    col('PreemptionPolicy', 'Whether pods of the class may preempt lower-priority pods.'),
  ],
  cells: (pc, now) => [
    pc.metadata.name ?? '',
    num(pc.value),
    pc.globalDefault === true,
    timestampSince(pc.metadata.creationTimestamp, now),
    str(pc.preemptionPolicy),
  ],
};

/** Leases: HOLDER AGE. */
export const leasePrinter: TablePrinter = {
  columns: [nameColumn, col('Holder', 'Who holds the lease.'), ageColumn],
  cells: (l, now) => [
    l.metadata.name ?? '',
    str(asRecord(l.spec).holderIdentity),
    timestampSince(l.metadata.creationTimestamp, now),
  ],
};

/** RuntimeClasses: HANDLER AGE. */
export const runtimeClassPrinter: TablePrinter = {
  columns: [nameColumn, col('Handler', 'The container runtime handler the class selects.'), ageColumn],
  cells: (rc, now) => [rc.metadata.name ?? '', str(rc.handler), timestampSince(rc.metadata.creationTimestamp, now)],
};

/** CONDITION of a CSR: Denied, Approved or Pending, then `,Failed` and `,Issued` (extractCSRStatus). */
export function csrCondition(status: unknown): string {
  const types = new Set(asArray(asRecord(status).conditions).map((c) => asRecord(c).type));
  let out = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) out += ',Failed';
  if (str(asRecord(status).certificate) !== '') out += ',Issued';
  return out;
}

/** CertificateSigningRequests: AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION. */
export const certificateSigningRequestPrinter: TablePrinter = {
  columns: [
    nameColumn,
    ageColumn,
    col('SignerName', 'The signer asked to sign the certificate.'),
    col('Requestor', 'The user who created the request.'),
    col('RequestedDuration', 'How long the certificate is asked to be valid.'),
    col('Condition', 'Whether the request was approved, denied, failed or issued.'),
  ],
  cells(csr, now) {
    const spec = asRecord(csr.spec);
    const seconds = spec.expirationSeconds;
    return [
      csr.metadata.name ?? '',
      timestampSince(csr.metadata.creationTimestamp, now),
      str(spec.signerName) || '<none>',
      str(spec.username),
      typeof seconds === 'number' ? humanDuration(seconds * 1000) : '<none>',
      csrCondition(csr.status),
    ];
  },
};

/** The webhook configuration table: WEBHOOKS (a count) AGE. */
const webhookConfigurationPrinter: TablePrinter = {
  columns: [nameColumn, col('Webhooks', 'How many webhooks the configuration registers.', 0, 'integer'), ageColumn],
  cells: (w, now) => [
    w.metadata.name ?? '',
    asArray(w.webhooks).length,
    timestampSince(w.metadata.creationTimestamp, now),
  ],
};
/** MutatingWebhookConfigurations. */
export const mutatingWebhookConfigurationPrinter = webhookConfigurationPrinter;
/** ValidatingWebhookConfigurations. */
export const validatingWebhookConfigurationPrinter = webhookConfigurationPrinter;

/** FlowSchemas: PRIORITYLEVEL MATCHINGPRECEDENCE DISTINGUISHERMETHOD AGE MISSINGPL. */
export const flowSchemaPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('PriorityLevel', 'The priority level requests of the schema go to.'),
    col('MatchingPrecedence', 'The order schemas are matched in; lower first.'),
    col('DistinguisherMethod', 'How requests are split into flows.'),
    ageColumn,
    col('MissingPL', 'Whether the referenced priority level is missing.'),
  ],
  cells(fs, now) {
    const spec = asRecord(fs.spec);
    const dangling = asArray(asRecord(fs.status).conditions)
      .map(asRecord)
      .find((c) => c.type === 'Dangling');
    const distinguisher =
      spec.distinguisherMethod === undefined || spec.distinguisherMethod === null
        ? '<none>'
        : str(asRecord(spec.distinguisherMethod).type);
    return [
      fs.metadata.name ?? '',
      str(asRecord(spec.priorityLevelConfiguration).name),
      num(spec.matchingPrecedence),
      distinguisher,
      timestampSince(fs.metadata.creationTimestamp, now),
      dangling ? str(dangling.status) : '?',
    ];
  },
};

/** PriorityLevelConfigurations: TYPE NOMINALCONCURRENCYSHARES QUEUES HANDSIZE QUEUELENGTHLIMIT AGE. */
export const priorityLevelConfigurationPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Type', 'Exempt, or Limited by concurrency shares.'),
    col('NominalConcurrencyShares', 'The share of the server concurrency the level gets.'),
    col('Queues', 'How many queues the level has.'),
    col('HandSize', 'How many queues a flow may be put in.'),
    col('QueueLengthLimit', 'How many requests a queue may hold.'),
    ageColumn,
  ],
  cells(pl, now) {
    const spec = asRecord(pl.spec);
    let shares: unknown = '<none>';
    let queues: unknown = '<none>';
    let handSize: unknown = '<none>';
    let queueLengthLimit: unknown = '<none>';
    if (spec.limited !== undefined && spec.limited !== null) {
      const limited = asRecord(spec.limited);
      shares = num(limited.nominalConcurrencyShares);
      const queuing = asRecord(limited.limitResponse).queuing;
      if (queuing !== undefined && queuing !== null) {
        const q = asRecord(queuing);
        queues = num(q.queues);
        handSize = num(q.handSize);
        queueLengthLimit = num(q.queueLengthLimit);
      }
    }
    return [
      pl.metadata.name ?? '',
      str(spec.type),
      shares,
      queues,
      handSize,
      queueLengthLimit,
      timestampSince(pl.metadata.creationTimestamp, now),
    ];
  },
};
