/** Dates stay within the years 0001–9999, also when relative-date arithmetic leads out of them. */
import { describe, expect, it } from 'vitest';
import { applyOffset } from '../../src/calendar/window.js';
import type { CalendarDate } from '../../src/calendar/date.js';
import { parseRoadmap } from '../../src/load/index.js';
import { roadmapYaml } from '../helpers.js';

// Activity a on line 11, its window on line 13; activity b on line 15, its window on line 17.
const two = (aWindow: string, bWindow: string) =>
  roadmapYaml(`      - id: a\n        title: A\n        window: ${aWindow}\n        responsible: [A, B]\n      - id: b\n        title: B\n        window: ${bWindow}\n        responsible: A\n`);

function problems(text: string): string[] {
  const r = parseRoadmap(text, 'x.yaml');
  expect(r.ok).toBe(false);
  return r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('dates outside 0001–9999', () => {
  it.each([
    ['9999-12', '{ start: a.end + 1 day, end: a.end + 2 days }', ["17:26 'a.end + 1 day' lies outside the years 0001–9999", "17:46 'a.end + 2 days' lies outside the years 0001–9999"]],
    ['9999', 'a.end + 1 month', ["17:17 'a.end + 1 month' lies outside the years 0001–9999"]],
    ['0001-01-01', 'a.start - 1 day..2019', ["17:17 'a.start - 1 day' lies outside the years 0001–9999"]],
    ['0001', 'a.start - 1 year..2019', ["17:17 'a.start - 1 year' lies outside the years 0001–9999"]],
    ['2019', 'a.start + 99999999999 weeks', ["17:17 'a.start + 99999999999 weeks' lies outside the years 0001–9999"]],
    // A step out of range is out, even if a later step would come back.
    ['9999-12-31', 'a.end + 1 day - 1 day', ["17:17 'a.end + 1 day - 1 day' lies outside the years 0001–9999"]],
  ])('a: %s, b: %s', (a, b, expected) => {
    expect(problems(two(a, b))).toEqual(expected);
  });

  it('reads the first and the last day as usual', () => {
    const r = parseRoadmap(two('0001-01-01..9999-12-31', 'a.start + 1 day..a.end - 1 day'), 'x.yaml');
    expect(r.problems).toEqual([]);
    const b = r.roadmap!.stages[0]!.activities[1]!.windows[0]!;
    expect([b.start, b.end]).toEqual(['0001-01-02', '9999-12-30']);
  });

  it.each([
    ['0000', '0000 is not a year'],
    ['0000-06', '0000-06 is not a month'],
    ['0000-01-01', '0000-01-01 is not a calendar date'],
    ['10000-01-01', "cannot read '10000-01-01' as a date"],
  ])('refuses the written date %s', (w, message) => {
    expect(problems(two('2019', w))[0]).toContain(`17:17 ${message}`);
  });

  it('applyOffset says null past either end', () => {
    expect(applyOffset('9999-12-31' as CalendarDate, { amount: 1, unit: 'day' })).toBeNull();
    expect(applyOffset('0001-01-31' as CalendarDate, { amount: -1, unit: 'month' })).toBeNull();
    expect(applyOffset('9999-01-31' as CalendarDate, { amount: 1, unit: 'month' })).toBe('9999-02-28');
  });
});

describe('the last writable day in iCalendar', () => {
  it('a window ending 9999-12-31 has a duration, not a DTEND in year 10000', async () => {
    const { run, tree } = await import('../helpers.js');
    const cwd = tree({ 'r.yaml': two('9999-12', 'a.start..a.end') });
    const r = await run(['report', '--format', 'ics', '-r', 'r.yaml', '--today', '2019-07-15'], { cwd });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n').filter((l) => /^(DTSTART|DTEND|DURATION)/.test(l));
    expect(lines).toEqual(['DTSTART;VALUE=DATE:99991201', 'DURATION:P31D', 'DTSTART;VALUE=DATE:99991201', 'DURATION:P31D']);
  });
});
