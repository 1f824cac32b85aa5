/**
 * The window syntax of the file format: a day, a month or a year, a range `A..B`
 * of those, and relative dates `REF.start|end (+|- N unit)*`.
 */
import { addDays, addMonths, firstOfMonth, fromParts, inWritableYears, lastOfMonth, parseDate, type CalendarDate } from './date.js';

export type Unit = 'day' | 'week' | 'month' | 'year';
export interface Offset {
  readonly amount: number; // signed
  readonly unit: Unit;
}

/** A date as written: a fixed period (day, month, year) or a date relative to another item. */
export type DateTerm =
  | { readonly kind: 'fixed'; readonly text: string; readonly first: CalendarDate; readonly last: CalendarDate }
  | {
      readonly kind: 'relative';
      readonly text: string;
      readonly ref: string;
      readonly anchor: 'start' | 'end';
      readonly offsets: readonly Offset[];
    };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE = /^(\S+)\.(start|end)((?:\s*[+-]\s*\d+\s*[A-Za-z]+)*)\s*$/;
const OFFSET = /\s*([+-])\s*(\d+)\s*([A-Za-z]+)/g;
const UNITS: Record<string, Unit> = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
};

export const WINDOW_HINT = 'write a day (2019-03-01), a month (2019-03), a year (2019), a range A..B of those, or {start: A, end: B}';

/** A day, a month or a year. */
export function parseFixed(text: string): Parsed<DateTerm> {
  const t = text.trim();
  if (YEAR.test(t)) {
    const y = Number(t);
    if (y < 1) return { ok: false, error: `${t} is not a year` };
    return { ok: true, value: { kind: 'fixed', text: t, first: fromParts(y, 1, 1), last: fromParts(y, 12, 31) } };
  }
  const month = MONTH.exec(t);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (y < 1 || m < 1 || m > 12) return { ok: false, error: `${t} is not a month` };
    return { ok: true, value: { kind: 'fixed', text: t, first: firstOfMonth(y, m), last: lastOfMonth(y, m) } };
  }
  if (DAY.test(t)) {
    const d = parseDate(t);
    if (!d) return { ok: false, error: `${t} is not a calendar date` };
    return { ok: true, value: { kind: 'fixed', text: t, first: d, last: d } };
  }
  return { ok: false, error: `cannot read '${t}' as a date: ${WINDOW_HINT}` };
}

export function parseRelative(text: string): Parsed<DateTerm> | null {
  const t = text.trim();
  const m = RELATIVE.exec(t);
  if (!m) return null;
  const offsets: Offset[] = [];
  for (const o of (m[3] ?? '').matchAll(OFFSET)) {
    const unit = UNITS[(o[3] ?? '').toLowerCase()];
    if (!unit) return { ok: false, error: `unknown unit '${o[3]}' in '${t}': use days, weeks, months or years` };
    offsets.push({ amount: (o[1] === '-' ? -1 : 1) * Number(o[2]), unit });
  }
  return { ok: true, value: { kind: 'relative', text: t, ref: m[1] ?? '', anchor: m[2] === 'end' ? 'end' : 'start', offsets } };
}

const FIXED_START = /^\s*\d{4}(?:-\d{2}){0,2}\s*$/;

// A portfolio writes the same few hundred dates and windows thousands of times,
// and a reading is immutable: each text is read once.
function readOnce<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = read(text);
      seen.set(text, value);
    }
    return value;
  };
}

/** A single date term: fixed or relative. */
export const parseTerm = readOnce((text: string): Parsed<DateTerm> => {
  // Most terms are plain dates: skip the relative pattern for them.
  if (FIXED_START.test(text)) return parseFixed(text);
  return parseRelative(text) ?? parseFixed(text);
});

/** A window string: `A` or `A..B`. */
export const parseWindowText = readOnce((text: string): Parsed<{ start: DateTerm; end: DateTerm }> => {
  const parts = text.split('..');
  if (parts.length > 2) return { ok: false, error: `cannot read window '${text.trim()}': ${WINDOW_HINT}` };
  const start = parseTerm(parts[0] ?? '');
  if (!start.ok) return start;
  if (parts.length === 1) return { ok: true, value: { start: start.value, end: start.value } };
  const end = parseTerm(parts[1] ?? '');
  if (!end.ok) return end;
  return { ok: true, value: { start: start.value, end: end.value } };
});

/** Shifts a date by one offset; months and years clamp to the month's end. Null outside the years 0001–9999. */
export function applyOffset(date: CalendarDate, offset: Offset): CalendarDate | null {
  const shifted = shift(date, offset);
  return inWritableYears(shifted) ? shifted : null;
}

function shift(date: CalendarDate, offset: Offset): string {
  switch (offset.unit) {
    case 'day':
      return addDays(date, offset.amount);
    case 'week':
      return addDays(date, offset.amount * 7);
    case 'month':
      return addMonths(date, offset.amount);
    case 'year':
      return addMonths(date, offset.amount * 12);
  }
}

/** Every offset in turn; null as soon as one step leaves the years 0001–9999. */
export function applyOffsets(date: CalendarDate, offsets: readonly Offset[]): CalendarDate | null {
  let d: CalendarDate | null = date;
  for (let i = 0; i < offsets.length && d !== null; i++) d = applyOffset(d, offsets[i]!);
  return d;
}
