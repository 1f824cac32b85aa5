import { fromParts, parseDate, type CalendarDate } from './date.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formats.set(key, f);
  }
  return f;
}

let zones: Set<string> | undefined;

export function isTimeZone(name: string): boolean {
  // The canonical list answers for most zones in about a millisecond; building the
  // first formatter for a zone costs ten. Aliases and UTC are checked the slow way.
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
  if (zones.has(name)) return true;
  try {
    formatFor(name);
    return true;
  } catch {
    return false;
  }
}

function localDate(now: Date): CalendarDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The calendar date at instant `now` in `timeZone` (the machine's zone when undefined).
 * Switching the process's TZ for a moment gives the same answer as an
 * Intl.DateTimeFormat for that zone (a test holds them equal), without the ~10 ms
 * that building the first formatter costs at start-up.
 */
export function dateIn(now: Date, timeZone?: string): CalendarDate {
  if (timeZone === undefined) return localDate(now);
  const saved = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return localDate(now);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** The same, through Intl: the reference dateIn is tested against. */
export function dateInIntl(now: Date, timeZone?: string): CalendarDate {
  const p = Object.fromEntries(formatFor(timeZone).formatToParts(now).map((x) => [x.type, x.value]));
  return fromParts(Number(p.year), Number(p.month), Number(p.day));
}

export interface TodaySources {
  /** --today */
  readonly flag?: string | undefined;
  /** ROADMAP_TODAY */
  readonly env?: string | undefined;
  readonly now: Date;
}

export type TodayChoice = { ok: true; fixed: CalendarDate | null } | { ok: false; error: string };

/**
 * A date given by --today or ROADMAP_TODAY, which wins over every roadmap's zone;
 * null when neither is set and "today" depends on each roadmap's timezone.
 */
export function fixedToday(sources: TodaySources): TodayChoice {
  for (const [name, value] of [['--today', sources.flag], ['ROADMAP_TODAY', sources.env]] as const) {
    // An empty variable counts as unset, as for most variables; an empty --today was typed, so it is a mistake.
    if (value === undefined || (value === '' && name === 'ROADMAP_TODAY')) continue;
    const date = parseDate(value.trim());
    if (!date) return { ok: false, error: `${name} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)` };
    return { ok: true, fixed: date };
  }
  return { ok: true, fixed: null };
}
