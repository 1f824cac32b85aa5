/**
 * Periods as people write them ("March-april, 2019", "01 January- 28 february 2021;
 * September - november 2021", "until June 1, 2019", "III quarter 2020") read into
 * window strings of the file format. What the grammar does not cover is reported
 * as not understood, never guessed.
 */
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { az } from 'date-fns/locale/az';
import { enUS } from 'date-fns/locale/en-US';
import { daysInMonth, fromParts, parseDate } from '../calendar/date.js';

export interface PeriodWindow {
  /** A window string (`2019-03..2019-04`), or none when `due` is set. */
  readonly window?: string;
  readonly due?: string;
  /** The source words this window reads. */
  readonly period: string;
}

export type PeriodReading = { readonly ok: true; readonly windows: readonly PeriodWindow[]; readonly yearAssumed: boolean } | { readonly ok: false; readonly reason: string };

interface Point {
  y?: number;
  m?: number;
  d?: number;
}

const REFERENCE = new Date(2000, 0, 1);
const LOCALES = [enUS, az];

/** A month name or abbreviation, English or Azerbaijani, by date-fns's locale data. */
export function monthOf(word: string): number | undefined {
  const key = word.toLowerCase();
  if (!MONTHS.has(key)) MONTHS.set(key, lookUp(word));
  return MONTHS.get(key);
}

// Month words are few; date-fns's parse is slow enough to matter over thousands of rows.
const MONTHS = new Map<string, number | undefined>();

function lookUp(word: string): number | undefined {
  if (MONTHS.size > 10_000) MONTHS.clear();
  let w = word.replace(/\.$/, '');
  if (w.length < 3) return undefined;
  // date-fns spells August "Avgust"; Azerbaijani writes Avqust.
  w = w.replace(/^avq/i, 'avg');
  // Azerbaijani capitals: i → İ (İyun), which a case-blind regex does not fold.
  const forms = [w, w.charAt(0).toLocaleUpperCase('az') + w.slice(1)];
  if (/^sept$/i.test(w)) forms.push('sep');
  for (const locale of LOCALES) {
    for (const form of forms) {
      for (const pattern of ['LLLL', 'LLL']) {
        const d = parse(form, pattern, REFERENCE, { locale });
        if (isValid(d)) return d.getMonth() + 1;
      }
    }
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const month = (y: number, m: number) => `${y}-${pad(m)}`;

function normalise(text: string): string {
  return (
    text
      .replace(/İ/g, 'i')
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/g, '$1')
      // ISO days and months become d.m.y so that "-" can separate a range.
      .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3.$2.$1')
      .replace(/\b(\d{4})-(\d{2})\b(?!\d)/g, '$2.$1')
      .replace(/\s+/g, ' ')
      .replace(/[.,;:\s]+$/, '')
      .trim()
  );
}

const POINT = /^(?:(\d{1,2}) )?([\p{L}]+\.?)(?: (\d{1,2}))?(?:,? ?(\d{4}))?$/u;

function point(text: string): Point | null {
  const t = text.trim().replace(/^the /, '');
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { d: Number(m[1]), m: Number(m[2]), y: Number(m[3]) };
  m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { m: Number(m[1]), y: Number(m[2]) };
  if (/^\d{4}$/.test(t)) return { y: Number(t) };
  if (/^\d{1,2}$/.test(t)) return { d: Number(t) };
  m = POINT.exec(t);
  if (!m) return null;
  const mo = monthOf(m[2] ?? '');
  if (mo === undefined || (m[1] && m[3])) return null;
  const day = m[1] ?? m[3];
  return { m: mo, ...(day ? { d: Number(day) } : {}), ...(m[4] ? { y: Number(m[4]) } : {}) };
}

const before = (a: Point, b: Point) => (a.m ?? 1) > (b.m ?? 12) || (a.m === b.m && (a.d ?? 1) > (b.d ?? 31));

type Part = { ok: true; window?: string; due?: string; assumed: boolean } | { ok: false; reason: string };

/** The first or last day of a point whose year is known. */
function edge(p: Point, last: boolean): string | null {
  const y = p.y!;
  const m = p.m ?? (last ? 12 : 1);
  const d = p.d ?? (last ? daysInMonth(y, m) : 1);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && parseDate(fromParts(y, m, d)) ? fromParts(y, m, d) : null;
}

function term(p: Point): string {
  if (p.m === undefined) return String(p.y);
  return p.d === undefined ? month(p.y!, p.m) : fromParts(p.y!, p.m, p.d);
}

function span(a: Point, b: Point, year: number | undefined): Part {
  let assumed = false;
  if (a.m === undefined && a.d !== undefined) a.m = b.m;
  if (a.y === undefined && b.y !== undefined) a.y = before(a, b) ? b.y - 1 : b.y;
  if (b.y === undefined && a.y !== undefined) b.y = before(a, b) ? a.y + 1 : a.y;
  if (a.y === undefined) {
    if (year === undefined) return { ok: false, reason: 'no year' };
    a.y = year;
    b.y = before(a, b) ? year + 1 : year;
    assumed = true;
  }
  if ((a.d === undefined && a.m === undefined) !== (b.d === undefined && b.m === undefined)) return { ok: false, reason: 'a year beside a month' };
  const first = edge(a, false);
  const last = edge(b, true);
  if (!first || !last) return { ok: false, reason: 'no such date' };
  if (first > last) return { ok: false, reason: 'it ends before it starts' };
  // Day precision on one side only: the other side's month becomes its first or last day.
  const days = a.d !== undefined || b.d !== undefined;
  const start = days ? first : term(a);
  const end = days ? last : term(b);
  return { ok: true, window: start === end ? start : `${start}..${end}`, assumed };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, first: 1, second: 2, third: 3, fourth: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER = /^(?:q([1-4])|(i|ii|iii|iv|first|second|third|fourth|[1-4]) (?:quarter|qtr|rüb))(?: of)?(?:,? (\d{4}))?$/;
const QUARTERS = /^q([1-4]) ?- ?q([1-4]),? (\d{4})$/;
const HALF = /^(?:h([12])|(first|second|1|2) half(?:-year)?)(?: of)?(?:,? (\d{4}))?$/;

function withYear(y: string | undefined, year: number | undefined): [number, boolean] | null {
  if (y) return [Number(y), false];
  return year === undefined ? null : [year, true];
}

function months(y: number, from: number, to: number, assumed: boolean): Part {
  return { ok: true, window: `${month(y, from)}..${month(y, to)}`, assumed };
}

function part(raw: string, year: number | undefined): Part {
  let t = normalise(raw);
  const deadline = /^(?:until|till|by|up to|not later than|no later than|deadline:?) (?:the )?(.+)$/.exec(t) ?? /^(?:the )?end of (.+)$/.exec(t);
  if (deadline) {
    const inner = (deadline[1] ?? '').replace(/^(?:the )?end of /, '');
    const p = point(inner);
    if (!p) return { ok: false, reason: 'unclear deadline' };
    let assumed = false;
    if (p.y === undefined) {
      if (year === undefined) return { ok: false, reason: 'no year' };
      p.y = year;
      assumed = true;
    }
    const due = edge(p, true);
    return due ? { ok: true, due, assumed } : { ok: false, reason: 'no such date' };
  }
  t = t.replace(/^(?:from|in|during|throughout|within) /, '');
  let m = QUARTERS.exec(t);
  if (m) return Number(m[1]) <= Number(m[2]) ? months(Number(m[3]), Number(m[1]) * 3 - 2, Number(m[2]) * 3, false) : { ok: false, reason: 'it ends before it starts' };
  m = QUARTER.exec(t);
  if (m) {
    const q = Number(m[1] ?? ROMAN[m[2] ?? '']);
    const y = withYear(m[3], year);
    return y ? months(y[0], q * 3 - 2, q * 3, y[1]) : { ok: false, reason: 'no year' };
  }
  m = HALF.exec(t);
  if (m) {
    const h = Number(m[1] ?? ROMAN[m[2] ?? '']);
    const y = withYear(m[3], year);
    return y ? months(y[0], h * 6 - 5, h * 6, y[1]) : { ok: false, reason: 'no year' };
  }
  m = /^(\d{4}) ?(?:-|to|\.\.) ?(\d{4})$/.exec(t);
  if (m) return Number(m[1]) < Number(m[2]) ? { ok: true, window: `${m[1]}..${m[2]}`, assumed: false } : { ok: false, reason: 'it ends before it starts' };
  const sides = t.split(/ ?(?:\.\.|-| to | till | until | through ) ?/);
  if (sides.length > 2) return { ok: false, reason: 'unclear range' };
  const a = point(sides[0] ?? '');
  const b = sides.length === 2 ? point(sides[1] ?? '') : a && { ...a };
  if (!a || !b) return { ok: false, reason: 'unclear' };
  return span(a, b, year);
}

/** Reads one period cell; `year` is the year a cell without one is taken to mean. */
export function readPeriod(text: string, year?: number): PeriodReading {
  const parts = text
    .split(/\s*(?:;|\n|\band\b|&)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  const windows: PeriodWindow[] = [];
  let yearAssumed = false;
  for (const p of parts) {
    const r = part(p, year);
    if (!r.ok) return { ok: false, reason: r.reason };
    yearAssumed ||= r.assumed;
    windows.push(r.due ? { due: r.due, period: p } : { window: r.window!, period: p });
  }
  return { ok: true, windows, yearAssumed };
}
