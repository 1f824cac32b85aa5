/**
 * Calendar dates. A date is a 'YYYY-MM-DD' string or a day number (days since
 * 1970-01-01); never a Date, so no time zone can move it to the previous day.
 */

declare const calendarDate: unique symbol;
/** A valid calendar date written 'YYYY-MM-DD'. */
export type CalendarDate = string & { readonly [calendarDate]: true };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date written as `text`, or null when it is not a real calendar day. */
export function parseDate(text: string): CalendarDate | null {
  // YYYY-MM-DD read by hand: a regular expression's match array per date was a
  // measurable part of loading a large portfolio.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return text as CalendarDate;
}

/** The ASCII digits text[from..to) as a number, or -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Whether a date made by arithmetic lies in the years 0001–9999, the years a date can be
 * written in (fromParts writes year 10000 with five digits and year 0 as 0000).
 */
export function inWritableYears(date: string): date is CalendarDate {
  return date.length === 10 && date >= '0001-01-01' && date <= '9999-12-31';
}

export function fromParts(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

export function parts(date: CalendarDate): [year: number, month: number, day: number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Days since 1970-01-01. */
export function toDays(date: CalendarDate): number {
  // Digits read in place: a map lookup hashes each fresh date string, and slices allocate.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return civilToDays(y, m, d);
  }
  const [y, m, d] = parts(date);
  return civilToDays(y, m, d);
}

// Day numbers after H. Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
function civilToDays(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return fromParts(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  return n === 0 ? date : fromDays(toDays(date) + n);
}

/** Adds whole months, clamping to the month's end: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** b − a in days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDays(b) - toDays(a);
}

export function firstOfMonth(year: number, month: number): CalendarDate {
  return fromParts(year, month, 1);
}

export function lastOfMonth(year: number, month: number): CalendarDate {
  return fromParts(year, month, daysInMonth(year, month));
}
