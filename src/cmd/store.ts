import { datastoreFlag, parseFlags, UsageError } from './flags.js';
import { openBackend } from '../storage/factory.js';

export const storeUsage = `Usage: k8ts store --datastore SPEC <get KEY | list PREFIX | revision | compact REV>

Reads the datastore directly, for debugging (stop the server first when it uses SQLite: the file is locked).
  get KEY          print the value and revisions of one key (e.g. /registry/namespaces/default)
  list PREFIX      print keys under PREFIX (must end with '/') with their mod revisions
  revision         print the current and compacted revisions
  compact REV      discard history up to REV
`;

export async function runStoreCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    args,
    { datastore: { type: 'string', default: 'sqlite:/var/lib/k8ts/db/state.db' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    process.stdout.write(storeUsage);
    return;
  }
  const [verb, arg] = positionals;
  if (!verb) throw new UsageError('missing a verb (get, list, revision, compact)');
  const store = await openBackend(datastoreFlag(values.datastore!));
  try {
    switch (verb) {
      case 'get': {
        if (!arg) throw new UsageError('get needs a KEY');
        const kv = await store.get(arg);
        if (!kv) throw new UsageError(`key ${arg} not found`);
        process.stdout.write(`# createRevision=${kv.createRevision} modRevision=${kv.modRevision} ttl=${kv.ttl}\n${kv.value}\n`);
        break;
      }
      case 'list': {
        if (!arg) throw new UsageError('list needs a PREFIX');
        const res = await store.list(arg);
        for (const kv of res.items) process.stdout.write(`${kv.modRevision}\t${kv.key}\n`);
        process.stdout.write(`# ${res.items.length} keys at revision ${res.revision}\n`);
        break;
      }
      case 'revision':
        process.stdout.write(`current ${await store.currentRevision()}\ncompacted ${await store.compactedRevision()}\n`);
        break;
      case 'compact': {
        const rev = Number(arg);
        if (!Number.isInteger(rev) || rev <= 0) throw new UsageError(`compact needs a positive revision, not ${JSON.stringify(arg)}`);
        await store.compact(rev);
        process.stdout.write(`compacted to ${rev}\n`);
        break;
      }
      default:
        throw new UsageError(`unknown verb ${JSON.stringify(verb)} (want get, list, revision, compact)`);
    }
  } finally {
    await store.close();
  }
}
