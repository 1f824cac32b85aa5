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
  return zoneSpelling(name) === true;
}

/**
 * true when `name` is a time zone spelled as the zone database spells it; false when
 * there is no such zone; else the spelling to use. Intl ignores case, but the TZ
 * variable dateIn() sets does not: 'pacific/kiritimati' would silently be UTC.
 */
export function zoneSpelling(name: string): boolean | string {
  // The canonical list answers for most zones in about a millisecond; building the
  // first formatter for a zone costs ten. Aliases and UTC are checked the slow way.
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
  if (zones.has(name)) return true;
  let canonical: string;
  try {
    canonical = formatFor(name).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  if (canonical === name) return true;
  if (canonical.toLowerCase() === name.toLowerCase()) return canonical;
  // An alias (US/Pacific, Asia/Calcutta): spelled right when the process takes it as Intl does.
  return offsets(name) === offsets(canonical) ? true : canonical;
}

/** The process's UTC offsets in `timeZone` in winter and summer. */
function offsets(timeZone: string): string {
  const saved = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return `${new Date(Date.UTC(2020, 0, 1)).getTimezoneOffset()} ${new Date(Date.UTC(2020, 6, 1)).getTimezoneOffset()}`;
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Why `name` cannot be a roadmap's time zone, or null when it can. */
export function zoneProblem(name: string): string | null {
  const spelled = zoneSpelling(name);
  if (spelled === true) return null;
  if (spelled === false) return `'${name}' is not an IANA time zone (e.g. Asia/Baku, Europe/Paris, UTC)`;
  return `unknown time zone '${name}'; did you mean '${spelled}'?`;
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
  const p = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
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
  for (const [name, value] of [
    ['--today', sources.flag],
    ['ROADMAP_TODAY', sources.env],
  ] as const) {
    // An empty variable counts as unset, as for most variables; an empty --today was typed, so it is a mistake.
    if (value === undefined || (value === '' && name === 'ROADMAP_TODAY')) continue;
    const date = parseDate(value.trim());
    if (!date) return { ok: false, error: `${name} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)` };
    return { ok: true, fixed: date };
  }
  return { ok: true, fixed: null };
}
