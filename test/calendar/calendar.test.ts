import { addMonths as fnsAddMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, fromDays, isLeapYear, parseDate, toDays, type CalendarDate } from '../../src/calendar/date.js';
import { dateIn, dateInIntl, fixedToday } from '../../src/calendar/today.js';
import { applyOffsets, parseTerm, parseWindowText } from '../../src/calendar/window.js';

const d = (s: string) => s as CalendarDate;

describe('calendar dates', () => {
  it.each([
    ['2019-02-28', true],
    ['2019-02-29', false],
    ['2020-02-29', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2019-04-31', false],
    ['2019-04-30', true],
    ['2019-13-01', false],
    ['2019-00-10', false],
    ['2019-1-01', false],
    ['2019-01-01T00:00', false],
    [' 2019-01-01', false],
    ['0000-01-01', false],
  ])('parseDate(%s) is valid: %s', (text, valid) => {
    expect(parseDate(text) !== null).toBe(valid);
  });

  it.each([
    [2019, 2, 28],
    [2020, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2019, 1, 31],
    [2019, 4, 30],
    [2019, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  it.each([
    [2019, false],
    [2020, true],
    [1900, false],
    [2000, true],
  ])('isLeapYear(%i) = %s', (y, leap) => expect(isLeapYear(y)).toBe(leap));

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2019-07-15', 18092],
  ])('toDays(%s) = %i', (date, n) => {
    expect(toDays(d(date))).toBe(n);
    expect(fromDays(n)).toBe(date);
  });

  it.each([
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-03-31', -1, '2019-02-28'],
    ['2019-12-15', 1, '2020-01-15'],
    ['2020-01-15', -1, '2019-12-15'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2019-08-31', 6, '2020-02-29'],
    ['2019-05-31', 0, '2019-05-31'],
  ])('addMonths(%s, %i) = %s (clamped)', (from, n, to) => expect(addMonths(d(from), n)).toBe(to));

  it.each([
    ['2019-12-31', 1, '2020-01-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2019-02-28', 1, '2019-03-01'],
    ['2019-03-01', -1, '2019-02-28'],
  ])('addDays(%s, %i) = %s', (from, n, to) => expect(addDays(d(from), n)).toBe(to));

  const dates = fc.integer({ min: toDays(d('1900-01-01')), max: toDays(d('2200-12-31')) }).map(fromDays);

  it('adding then subtracting days is the identity', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -100_000, max: 100_000 }), (date, n) => addDays(addDays(date, n), -n) === date));
  });

  it('day numbers and dates round-trip, and consecutive days differ by one', () => {
    fc.assert(fc.property(dates, (date) => fromDays(toDays(date)) === date && daysBetween(date, addDays(date, 1)) === 1 && parseDate(date) === date));
  });

  it('month arithmetic agrees with date-fns', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -240, max: 240 }), (date, n) => {
        const [y, m, day] = date.split('-').map(Number) as [number, number, number];
        const theirs = fnsAddMonths(new Date(y, m - 1, day, 12), n);
        const expected = `${String(theirs.getFullYear()).padStart(4, '0')}-${String(theirs.getMonth() + 1).padStart(2, '0')}-${String(theirs.getDate()).padStart(2, '0')}`;
        return addMonths(date, n) === expected;
      }),
    );
  });
});

describe('window syntax', () => {
  it.each([
    ['2019-03-01..2019-05-31', '2019-03-01', '2019-05-31'],
    ['2019-03..2019-04', '2019-03-01', '2019-04-30'],
    ['2019-06', '2019-06-01', '2019-06-30'],
    ['2019-12-31', '2019-12-31', '2019-12-31'],
    ['2019', '2019-01-01', '2019-12-31'],
    ['2019..2020', '2019-01-01', '2020-12-31'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2019-02..2019-02-10', '2019-02-01', '2019-02-10'],
    [' 2019-06 ', '2019-06-01', '2019-06-30'],
  ])('%s is %s..%s', (text, start, end) => {
    const w = parseWindowText(text);
    expect(w.ok).toBe(true);
    if (!w.ok || w.value.start.kind !== 'fixed' || w.value.end.kind !== 'fixed') throw new Error('not fixed');
    expect([w.value.start.first, w.value.end.last]).toEqual([start, end]);
  });

  it.each([
    ['2019-02-30', '2019-02-30 is not a calendar date'],
    ['2019-13', '2019-13 is not a month'],
    ['March 2019', "cannot read 'March 2019' as a date"],
    ['2019..2020..2021', "cannot read window '2019..2020..2021'"],
    ['3.1.start + 2 fortnights', "unknown unit 'fortnights'"],
  ])('%s is refused: %s', (text, message) => {
    const w = parseWindowText(text);
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.error).toContain(message);
  });

  it.each([
    ['3.1.start', '3.1', 'start', []],
    ['3.1.end + 1 day', '3.1', 'end', [{ amount: 1, unit: 'day' }]],
    [
      '3.1.start + 6 months - 1 day',
      '3.1',
      'start',
      [
        { amount: 6, unit: 'month' },
        { amount: -1, unit: 'day' },
      ],
    ],
    ['II.end-2weeks', 'II', 'end', [{ amount: -2, unit: 'week' }]],
    ['prep.start + 1 year', 'prep', 'start', [{ amount: 1, unit: 'year' }]],
  ])('relative date %s', (text, ref, anchor, offsets) => {
    const t = parseTerm(text);
    expect(t).toEqual({ ok: true, value: { kind: 'relative', text, ref, anchor, offsets } });
  });

  it('applies offsets left to right, clamping months', () => {
    const t = parseTerm('x.start + 1 month - 1 day');
    if (!t.ok || t.value.kind !== 'relative') throw new Error('bad term');
    expect(applyOffsets(d('2019-01-31'), t.value.offsets)).toBe('2019-02-27');
    expect(applyOffsets(d('2020-01-01'), t.value.offsets)).toBe('2020-01-31');
  });
});

describe('today', () => {
  const instant = new Date('2019-07-14T21:30:00Z');
  it.each([
    ['Asia/Baku', '2019-07-15'],
    ['UTC', '2019-07-14'],
    ['America/Adak', '2019-07-14'],
    ['Pacific/Kiritimati', '2019-07-15'],
  ])('at 2019-07-14T21:30Z it is %s in %s', (zone, date) => expect(dateIn(instant, zone)).toBe(date));

  it('prefers --today over ROADMAP_TODAY and refuses bad dates', () => {
    expect(fixedToday({ flag: '2019-07-15', env: '2020-01-01', now: instant })).toEqual({ ok: true, fixed: '2019-07-15' });
    expect(fixedToday({ env: '2020-01-01', now: instant })).toEqual({ ok: true, fixed: '2020-01-01' });
    expect(fixedToday({ now: instant })).toEqual({ ok: true, fixed: null });
    expect(fixedToday({ flag: '2019-02-30', now: instant })).toEqual({ ok: false, error: '--today "2019-02-30" is not a calendar date (YYYY-MM-DD)' });
  });
});

describe('dateIn agrees with Intl in every zone', () => {
  const zones = ['Asia/Baku', 'UTC', 'America/Adak', 'Pacific/Kiritimati', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Dublin', 'Australia/Lord_Howe', 'America/Santiago'];
  it('for random instants, restoring the process zone afterwards', () => {
    const before = process.env.TZ;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const now = new Date(ms);
        return dateIn(now, zone) === dateInIntl(now, zone);
      }),
      { numRuns: 2000 },
    );
    expect(process.env.TZ).toBe(before);
  });
});
