/**
 * A validator for CronJob schedules with the grammar and error texts of robfig/cron v3's ParseStandard, which
 * upstream uses: five fields (minute hour day-of-month month day-of-week) of `*`, `?`, numbers, names, ranges,
 * steps and lists, or a descriptor (`@hourly`, `@every 1h30m`, ...), optionally after `TZ=`/`CRON_TZ=`.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** minute, hour, day of month, month, day of week. */
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

class ScheduleError extends Error {}

// strconv.Atoi's error text, which robfig quotes verbatim.
function atoiError(s: string): string {
  return /^[+-]?\d+$/.test(s)
    ? `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`
    : `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
}

function mustParseInt(expr: string): number {
  const n = /^[+-]?\d+$/.test(expr) ? Number(expr) : NaN;
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1)
    throw new ScheduleError(`failed to parse int from ${expr}: ${atoiError(expr)}`);
  if (n < 0) throw new ScheduleError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Readonly<Record<string, number>>): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

// One comma-separated item: `*`, `?`, `N`, `N-M`, each optionally followed by `/step` (getRange).
function checkRange(expr: string, b: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, b.names);
    else throw new ScheduleError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    // `N/step` means `N-max/step`.
    if (lowAndHigh.length === 1) end = b.max;
  } else if (rangeAndStep.length > 2) {
    throw new ScheduleError(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new ScheduleError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new ScheduleError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new ScheduleError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new ScheduleError(`step of range should be a positive number: ${expr}`);
}

// Go's time.ParseDuration accepts sequences like 1h30m, 1.5h, 300ms; the `@every` descriptor takes one.
function checkDuration(s: string): void {
  if (!/^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.test(s) && s !== '0') {
    throw new ScheduleError(`failed to parse duration @every ${s}: time: invalid duration ${JSON.stringify(s)}`);
  }
}

function checkDescriptor(spec: string): void {
  if (DESCRIPTORS.has(spec)) return;
  if (spec.startsWith('@every ')) return checkDuration(spec.slice('@every '.length));
  throw new ScheduleError(`unrecognized descriptor: ${spec}`);
}

/** Whether `zone` names an IANA time zone this runtime knows (time.LoadLocation). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC' || zone === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The parse error robfig/cron's ParseStandard would report for `schedule`, or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  try {
    let spec = schedule;
    if (spec.length === 0) throw new ScheduleError('empty spec string');
    if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
      const space = spec.indexOf(' ');
      const zone = spec.slice(spec.indexOf('=') + 1, space < 0 ? undefined : space);
      if (!isKnownTimeZone(zone)) throw new ScheduleError(`provided bad location ${zone}: unknown time zone ${zone}`);
      spec = space < 0 ? '' : spec.slice(space).trim();
    }
    if (spec.startsWith('@')) {
      checkDescriptor(spec);
      return undefined;
    }
    const fields = spec.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== FIELDS.length) {
      throw new ScheduleError(
        `expected exactly ${FIELDS.length} fields, found ${fields.length}: [${fields.join(' ')}]`,
      );
    }
    fields.forEach((field, i) => {
      for (const expr of field.split(',').filter((e) => e !== '')) checkRange(expr, FIELDS[i]!);
    });
    return undefined;
  } catch (err) {
    if (err instanceof ScheduleError) return err.message;
    throw err;
  }
}
