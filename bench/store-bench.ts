/**
 * Store benchmark: sequential and 16-concurrent create throughput, p50/p99 latency, and watch delivery latency
 * with 100 watchers (through the watch cache), for the SQLite and etcd backends, beside a raw etcd3 put loop
 * against the same etcd in the same run. Every acknowledged write is durable in all three (no --unsafe-no-fsync).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import type { Store } from '../src/storage/interface.js';
import { openSqliteStore } from '../src/storage/sqlite/index.js';
import { openEtcdStore } from '../src/storage/etcd/index.js';
import { CachingStore } from '../src/storage/cacher/caching-store.js';
import { startEtcd } from '../src/testing/etcd-process.js';
import { fmt, runConcurrent, summarize } from './stats.js';

const SEQUENTIAL = Number(process.env.BENCH_SEQ ?? 500);
const CONCURRENT_OPS = Number(process.env.BENCH_CONC_OPS ?? 4000);
const CONCURRENCY = 16;
const WATCHERS = 100;
const WATCH_EVENTS = Number(process.env.BENCH_WATCH_EVENTS ?? 300);
const ROUNDS = 3;

interface Row {
  name: string;
  seqPerSec: number;
  concPerSec: number;
  p50: number;
  p99: number;
  watchP50?: number;
  watchP99?: number;
}

const value = (i: number) => JSON.stringify({ kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { payload: 'x'.repeat(200) } });

async function benchWrites(name: string, put: (key: string, v: string) => Promise<unknown>, prefix: string): Promise<Row> {
  const seq = await runConcurrent(SEQUENTIAL, 1, (i) => put(`${prefix}seq/${i}`, value(i)));
  const conc = await runConcurrent(CONCURRENT_OPS, CONCURRENCY, (i) => put(`${prefix}conc/${i}`, value(i)));
  const s = summarize(conc.latencies);
  return { name, seqPerSec: seq.opsPerSec, concPerSec: conc.opsPerSec, p50: s.p50, p99: s.p99 };
}

/** Throughput over several rounds: harmonic mean of ops/s (total ops over total time); latencies: medians. */
function combine(rounds: Row[]): Row {
  const hm = (f: (r: Row) => number) => rounds.length / rounds.reduce((a, r) => a + 1 / f(r), 0);
  const med = (f: (r: Row) => number) => rounds.map(f).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
  return { name: rounds[0]!.name, seqPerSec: hm((r) => r.seqPerSec), concPerSec: hm((r) => r.concPerSec), p50: med((r) => r.p50), p99: med((r) => r.p99) };
}

/** 100 watchers on one prefix through the watch cache; a writer creates keys at a steady pace. */
async function benchWatch(store: Store, prefix: string): Promise<{ p50: number; p99: number }> {
  const cached = new CachingStore(store);
  const startRev = await cached.currentRevision();
  const lat: number[] = [];
  const sent = new Map<string, number>();
  const watchers = Array.from({ length: WATCHERS }, () => cached.watch(prefix, startRev));
  const done = watchers.map(async (w) => {
    let n = 0;
    for await (const ev of w) {
      const t = sent.get(ev.key);
      if (t !== undefined) lat.push(performance.now() - t);
      if (++n >= WATCH_EVENTS) break;
    }
  });
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < WATCH_EVENTS; i++) {
    const key = `${prefix}${i}`;
    sent.set(key, performance.now());
    await cached.create(key, value(i));
    if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
  }
  const timeout = new Promise((_, rej) => setTimeout(() => rej(new Error('watch bench timed out')), 30_000).unref());
  await Promise.race([Promise.all(done), timeout]);
  for (const w of watchers) w.close();
  // the CachingStore wraps but does not own `store`: stop its caches only
  cached.stopCaches();
  const s = summarize(lat);
  return { p50: s.p50, p99: s.p99 };
}

export async function runStoreBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'k8ts-bench-'));
  const etcd = await startEtcd();
  const rows: Row[] = [];
  try {
    // raw etcd3 (a plain put loop, the baseline) and the etcd backend run in alternating rounds against the
    // same etcd, so that neither gains from running first on a smaller database.
    const raw = new Etcd3({ hosts: [etcd.endpoint] });
    const etcdStore = await openEtcdStore([etcd.endpoint]);
    const rawRounds: Row[] = [];
    const storeRounds: Row[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rawRounds.push(await benchWrites('raw etcd3 put', (k, v) => raw.put(k).value(v).exec(), `/registry/raw${round}/`));
      storeRounds.push(await benchWrites('etcd backend', (k, v) => etcdStore.create(k, v), `/registry/etcdbench${round}/`));
    }
    raw.close();
    rows.push(combine(rawRounds));
    const er = combine(storeRounds);
    const ew = await benchWatch(etcdStore, '/registry/etcdwatch/');
    rows.push({ ...er, watchP50: ew.p50, watchP99: ew.p99 });
    await etcdStore.close();

    const sqlite = openSqliteStore(join(dir, 'state.db'));
    const sr = await benchWrites('sqlite backend', (k, v) => sqlite.create(k, v), '/registry/sqlitebench/');
    const sw = await benchWatch(sqlite, '/registry/sqlitewatch/');
    rows.push({ ...sr, watchP50: sw.p50, watchP99: sw.p99 });
    await sqlite.close();
  } finally {
    await etcd.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }

  const base = rows[0]!;
  console.log(`\n## Store benchmark (${SEQUENTIAL} sequential, ${CONCURRENT_OPS} creates at ${CONCURRENCY} concurrent, ${WATCHERS} watchers x ${WATCH_EVENTS} events)\n`);
  console.log('| backend | sequential creates/s | 16-concurrent creates/s | p50 ms | p99 ms | ÷ raw etcd (16-conc) | watch p50 ms | watch p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${fmt(r.seqPerSec, 0)} | ${fmt(r.concPerSec, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.concPerSec / base.concPerSec, 2)} | ${r.watchP50 === undefined ? '-' : fmt(r.watchP50, 2)} | ${r.watchP99 === undefined ? '-' : fmt(r.watchP99, 2)} |`,
    );
  }
  const sqliteRow = rows.find((r) => r.name === 'sqlite backend')!;
  const etcdRow = rows.find((r) => r.name === 'etcd backend')!;
  console.log('\nTargets:');
  const check = (ok: boolean, what: string) => console.log(`  ${ok ? 'met ' : 'MISS'}  ${what}`);
  check(sqliteRow.concPerSec >= 5000, `sqlite >= 5000 creates/s at 16 concurrent (${fmt(sqliteRow.concPerSec, 0)})`);
  check(sqliteRow.concPerSec >= base.concPerSec, `sqlite >= raw etcd (${fmt(sqliteRow.concPerSec / base.concPerSec, 2)}x)`);
  check(etcdRow.concPerSec >= 0.8 * base.concPerSec, `etcd backend >= 0.8 x raw etcd (${fmt(etcdRow.concPerSec / base.concPerSec, 2)}x)`);
  for (const r of [sqliteRow, etcdRow]) check((r.watchP99 ?? Infinity) < 20, `${r.name} watch delivery p99 < 20 ms (${fmt(r.watchP99 ?? NaN, 2)})`);
}
