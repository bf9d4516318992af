/**
 * Eviction thresholds: parsing the kubelet flags (pkg/kubelet/eviction/helpers.go ParseThresholdConfig and
 * the flag types `--eviction-hard=memory.available<100Mi,nodefs.available<10%` /
 * `--eviction-soft-grace-period=memory.available=1m30s`), and evaluating thresholds against observations.
 * Errors name the flag and the offending statement, so a typo on the command line is easy to find.
 */
import { Quantity } from '../../apimachinery/quantity.js';
import { isSignal, type Observation, type Observations, type Signal, type Threshold, type ThresholdValue } from './types.js';

/** Upstream DefaultEvictionHard (Linux). */
export const DEFAULT_EVICTION_HARD = 'memory.available<100Mi,nodefs.available<10%,imagefs.available<15%,nodefs.inodesFree<5%';

/** The eviction flags as given on the command line (each may be empty). */
export interface EvictionFlags {
  /** `--eviction-hard`; undefined means the upstream default {@link DEFAULT_EVICTION_HARD}, '' means none. */
  evictionHard?: string;
  evictionSoft?: string;
  evictionSoftGracePeriod?: string;
  evictionMinimumReclaim?: string;
}

/** Thrown for a malformed eviction or garbage collection flag; the message names the flag, as pflag's does. */
export class FlagValueError extends Error {
  override readonly name = 'FlagValueError';
  constructor(flag: string, value: string, reason: string) {
    super(`invalid argument ${JSON.stringify(value)} for "--${flag}" flag: ${reason}`);
  }
}

/**
 * Splits a `key<sep>value,key<sep>value` flag into ordered pairs (cliflag's LangleSeparatedMapStringString
 * for `<`, MapStringString for `=`). A repeated key keeps the last value.
 */
export function parseMapFlag(flag: string, value: string, sep: '<' | '='): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of value.split(',')) {
    const pair = raw.trim();
    if (!pair) continue;
    const i = pair.indexOf(sep);
    if (i < 0) throw new FlagValueError(flag, value, `malformed pair, expect string${sep}string`);
    out.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return out;
}

/** `strconv.ParseFloat(v, 32) / 100` as float32, as upstream stores percentages. */
function parsePercentage(flag: string, value: string, val: string): number {
  const text = val.slice(0, -1);
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new FlagValueError(flag, value, `invalid percentage ${JSON.stringify(val)}`);
  return Math.fround(Math.fround(n) / 100);
}

function parseQuantity(flag: string, value: string, val: string): Quantity {
  try {
    return Quantity.parse(val);
  } catch (err) {
    throw new FlagValueError(flag, value, `${err instanceof Error ? err.message : String(err)}: ${JSON.stringify(val)}`);
  }
}

function checkSignal(flag: string, value: string, signal: string): Signal {
  if (!isSignal(signal)) throw new FlagValueError(flag, value, `unsupported eviction signal ${signal}`);
  return signal;
}

/** One `signal<value` statement; undefined for `0%`/`100%`, which upstream ignores. */
function parseThresholdStatement(flag: string, value: string, signal: Signal, val: string): Threshold | undefined {
  if (val.endsWith('%')) {
    if (val === '0%' || val === '100%') return undefined;
    const percentage = parsePercentage(flag, value, val);
    if (percentage < 0) throw new FlagValueError(flag, value, `eviction percentage threshold ${signal} must be >= 0%: ${val}`);
    if (percentage > 1) throw new FlagValueError(flag, value, `eviction percentage threshold ${signal} must be <= 100%: ${val}`);
    return { signal, operator: 'LessThan', value: { percentage }, gracePeriodMs: 0 };
  }
  const q = parseQuantity(flag, value, val);
  if (q.sign() <= 0) throw new FlagValueError(flag, value, `eviction threshold ${signal} must be positive: ${q.toString()}`);
  return { signal, operator: 'LessThan', value: { quantity: { value: q.value(), text: q.toString() } }, gracePeriodMs: 0 };
}

function parseThresholdFlag(flag: string, value: string | undefined): Threshold[] {
  const out: Threshold[] = [];
  for (const [signal, val] of parseMapFlag(flag, value ?? '', '<')) {
    const t = parseThresholdStatement(flag, value ?? '', checkSignal(flag, value ?? '', signal), val);
    if (t) out.push(t);
  }
  return out;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration (`1m30s`, `300ms`, `-1h`, `0`), in milliseconds; undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  const s = text.trim();
  const m = /^([-+]?)(.*)$/.exec(s)!;
  const body = m[2]!;
  if (body === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  for (let part = re.exec(body); part; part = re.exec(body)) {
    total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
    pos = re.lastIndex;
  }
  if (body === '' || pos !== body.length) return undefined;
  return m[1] === '-' ? -total : total;
}

function parseGracePeriods(flag: string, value: string | undefined): Map<Signal, number> {
  const out = new Map<Signal, number>();
  for (const [signal, val] of parseMapFlag(flag, value ?? '', '=')) {
    const s = checkSignal(flag, value ?? '', signal);
    const ms = parseGoDuration(val);
    if (ms === undefined) throw new FlagValueError(flag, value ?? '', `time: invalid duration ${JSON.stringify(val)}`);
    if (ms < 0) throw new FlagValueError(flag, value ?? '', `invalid eviction grace period specified: ${val}, must be a positive value`);
    out.set(s, ms);
  }
  return out;
}

function parseMinimumReclaims(flag: string, value: string | undefined): Map<Signal, ThresholdValue> {
  const out = new Map<Signal, ThresholdValue>();
  for (const [signal, val] of parseMapFlag(flag, value ?? '', '=')) {
    const s = checkSignal(flag, value ?? '', signal);
    if (val.endsWith('%')) {
      const percentage = parsePercentage(flag, value ?? '', val);
      if (percentage <= 0) throw new FlagValueError(flag, value ?? '', `eviction percentage minimum reclaim ${s} must be positive: ${val}`);
      out.set(s, { percentage });
      continue;
    }
    const q = parseQuantity(flag, value ?? '', val);
    if (q.sign() < 0) throw new FlagValueError(flag, value ?? '', `negative eviction minimum reclaim specified for ${s}`);
    out.set(s, { quantity: { value: q.value(), text: q.toString() } });
  }
  return out;
}

/**
 * All thresholds of the eviction flags: hard ones first, then soft ones (each needs a grace period), with
 * minimum reclaims attached. Throws {@link FlagValueError} for anything malformed.
 */
export function parseThresholdConfig(flags: EvictionFlags): Threshold[] {
  const hard = parseThresholdFlag('eviction-hard', flags.evictionHard ?? DEFAULT_EVICTION_HARD);
  const soft = parseThresholdFlag('eviction-soft', flags.evictionSoft);
  const grace = parseGracePeriods('eviction-soft-grace-period', flags.evictionSoftGracePeriod);
  const minReclaim = parseMinimumReclaims('eviction-minimum-reclaim', flags.evictionMinimumReclaim);
  for (const t of soft) {
    const period = grace.get(t.signal);
    if (period === undefined) {
      throw new FlagValueError(
        'eviction-soft',
        flags.evictionSoft ?? '',
        `grace period must be specified for the soft eviction threshold ${t.signal} (--eviction-soft-grace-period)`,
      );
    }
    t.gracePeriodMs = period;
  }
  const all = [...hard, ...soft];
  for (const t of all) {
    const r = minReclaim.get(t.signal);
    if (r) t.minReclaim = r;
  }
  return all;
}

/** The absolute amount a threshold value stands for, given the signal's capacity (GetThresholdQuantity). */
export function thresholdQuantity(v: ThresholdValue, capacity: number): number {
  if (v.quantity) return v.quantity.value;
  return Math.trunc(capacity * (v.percentage ?? 0));
}

/**
 * The thresholds whose signal is below their value. With `enforceMinReclaim`, a threshold counts as met
 * until the signal is back above value + minReclaim (used for thresholds already acted on).
 */
export function thresholdsMet(thresholds: readonly Threshold[], obs: Observations, enforceMinReclaim: boolean): Threshold[] {
  return thresholds.filter((t) => {
    const o: Observation | undefined = obs.get(t.signal);
    if (!o) return false;
    let q = thresholdQuantity(t.value, o.capacity);
    if (enforceMinReclaim && t.minReclaim) q += thresholdQuantity(t.minReclaim, o.capacity);
    return q > o.available;
  });
}

/** Whether two thresholds are the same statement (signal, operator, value and grace period). */
export function sameThreshold(a: Threshold, b: Threshold): boolean {
  const v = (x: ThresholdValue) => (x.quantity ? `q${x.quantity.value}` : `p${x.percentage ?? 0}`);
  return a.signal === b.signal && a.operator === b.operator && a.gracePeriodMs === b.gracePeriodMs && v(a.value) === v(b.value);
}

/** Hard thresholds act at once (grace period 0). */
export function isHardEvictionThreshold(t: Threshold): boolean {
  return t.gracePeriodMs === 0;
}
