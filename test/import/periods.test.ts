import { describe, expect, it } from 'vitest';
import { monthOf, readPeriod } from '../../src/import/periods.js';

/** wording, year from the context (stage heading or --year), expected windows ("due X" for deadlines) or null. */
const CASES: ReadonlyArray<readonly [string, number | undefined, readonly string[] | null]> = [
  // month ranges, one trailing year, any case and spacing
  ['March-april, 2019', undefined, ['2019-03..2019-04']],
  ['April-may, 2019', undefined, ['2019-04..2019-05']],
  ['July- november, 2019', undefined, ['2019-07..2019-11']],
  ['September - november 2021', undefined, ['2021-09..2021-11']],
  ['SEPTEMBER-DECEMBER 2019', undefined, ['2019-09..2019-12']],
  ['June–July 2019', undefined, ['2019-06..2019-07']],
  ['Mar - Apr 2019', undefined, ['2019-03..2019-04']],
  ['Sept-Oct 2020', undefined, ['2020-09..2020-10']],
  ['November 2019 - February 2020', undefined, ['2019-11..2020-02']],
  ['November - February 2020', undefined, ['2019-11..2020-02']],
  ['from March to May 2020', undefined, ['2020-03..2020-05']],
  ['March through May, 2020', undefined, ['2020-03..2020-05']],
  // single months
  ['June, 2019', undefined, ['2019-06']],
  ['December 2021', undefined, ['2021-12']],
  ['december', 2019, ['2019-12']],
  ['in May 2020', undefined, ['2020-05']],
  ['Dec. 2020', undefined, ['2020-12']],
  // day ranges, year once or twice
  ['01 January 2020 - 31 august 2021', undefined, ['2020-01-01..2021-08-31']],
  ['01 january- 31 march 2020', undefined, ['2020-01-01..2020-03-31']],
  ['01 March - 31 May, 2019', undefined, ['2019-03-01..2019-05-31']],
  ['01 January, 2020 - 31 December, 2021', undefined, ['2020-01-01..2021-12-31']],
  ['1st March - 15th April 2020', undefined, ['2020-03-01..2020-04-15']],
  ['1-15 March 2020', undefined, ['2020-03-01..2020-03-15']],
  ['March 1 - April 30, 2020', undefined, ['2020-03-01..2020-04-30']],
  ['15 March 2020', undefined, ['2020-03-15']],
  ['01.03.2020 - 30.04.2020', undefined, ['2020-03-01..2020-04-30']],
  ['2020-03-01 - 2020-04-30', undefined, ['2020-03-01..2020-04-30']],
  ['2020-03-01..2020-04-30', undefined, ['2020-03-01..2020-04-30']],
  ['2020-03 to 2020-05', undefined, ['2020-03..2020-05']],
  ['01 June - 31 December', 2019, ['2019-06-01..2019-12-31']],
  ['15 March - April 2020', undefined, ['2020-03-15..2020-04-30']],
  // lists: several windows
  ['01 January- 28 february 2021; September - november 2021', undefined, ['2021-01-01..2021-02-28', '2021-09..2021-11']],
  ['March 2020 and September 2020', undefined, ['2020-03', '2020-09']],
  ['June 2020; December 2020; June 2021', undefined, ['2020-06', '2020-12', '2021-06']],
  ['Q1 2020 & Q3 2020', undefined, ['2020-01..2020-03', '2020-07..2020-09']],
  // deadlines
  ['until June 1, 2019', undefined, ['due 2019-06-01']],
  ['up to 1 June 2019', undefined, ['due 2019-06-01']],
  ['by August 31, 2021', undefined, ['due 2021-08-31']],
  ['not later than 31 December 2019', undefined, ['due 2019-12-31']],
  ['no later than March 2020', undefined, ['due 2020-03-31']],
  ['until 2020', undefined, ['due 2020-12-31']],
  ['by the end of 2021', undefined, ['due 2021-12-31']],
  ['end of 2021', undefined, ['due 2021-12-31']],
  ['End of June 2020', undefined, ['due 2020-06-30']],
  ['until 15 July', 2019, ['due 2019-07-15']],
  // quarters and halves
  ['Q3 2020', undefined, ['2020-07..2020-09']],
  ['q4, 2019', undefined, ['2019-10..2019-12']],
  ['III quarter 2020', undefined, ['2020-07..2020-09']],
  ['IV quarter of 2021', undefined, ['2021-10..2021-12']],
  ['first quarter of 2020', undefined, ['2020-01..2020-03']],
  ['2nd quarter 2020', undefined, ['2020-04..2020-06']],
  ['Q1-Q2 2020', undefined, ['2020-01..2020-06']],
  ['first half of 2020', undefined, ['2020-01..2020-06']],
  ['second half of 2021', undefined, ['2021-07..2021-12']],
  ['H1 2020', undefined, ['2020-01..2020-06']],
  ['H2 2020', undefined, ['2020-07..2020-12']],
  ['Q2', 2020, ['2020-04..2020-06']],
  // years
  ['2020', undefined, ['2020']],
  ['2020-2021', undefined, ['2020..2021']],
  ['2020 - 2021', undefined, ['2020..2021']],
  ['during 2020', undefined, ['2020']],
  // Azerbaijani month names
  ['Mart-aprel, 2019', undefined, ['2019-03..2019-04']],
  ['Yanvar 2020', undefined, ['2020-01']],
  ['İyun-İyul 2019', undefined, ['2019-06..2019-07']],
  ['iyun - avqust 2019', undefined, ['2019-06..2019-08']],
  ['Sentyabr - Dekabr 2019', undefined, ['2019-09..2019-12']],
  ['01 Fevral - 30 Noyabr 2020', undefined, ['2020-02-01..2020-11-30']],
  ['Okt-Dek 2020', undefined, ['2020-10..2020-12']],
  ['III rüb 2020', undefined, ['2020-07..2020-09']],
  // not understood: never guessed
  ['On 6th month, 1st year and at the end of the implementation of OGP', undefined, null],
  ['permanently', undefined, null],
  ['Continuously', 2020, null],
  ['Regularly, every quarter', 2020, null],
  ['2 months after adoption', undefined, null],
  ['March-April', undefined, null],
  ['30 February 2020', undefined, null],
  ['May 2020 - March 2020', undefined, null],
  ['2021-2020', undefined, null],
  ['', undefined, null],
  ['TBD', undefined, null],
  ['Q5 2020', undefined, null],
  ['until further notice', undefined, null],
  ['March - 2020', undefined, null],
];

const shown = (r: ReturnType<typeof readPeriod>) => (r.ok ? r.windows.map((w) => (w.due ? `due ${w.due}` : w.window)) : null);

describe('period grammar', () => {
  it('has at least 60 wordings', () => expect(CASES.length).toBeGreaterThanOrEqual(60));
  it.each(CASES)('%j (year %s)', (text, year, expected) => {
    expect(shown(readPeriod(text, year))).toEqual(expected);
  });

  it('keeps the words of each window and says when the year was assumed', () => {
    expect(readPeriod('01 January- 28 february 2021; September - november 2021')).toEqual({
      ok: true,
      yearAssumed: false,
      windows: [
        { window: '2021-01-01..2021-02-28', period: '01 January- 28 february 2021' },
        { window: '2021-09..2021-11', period: 'September - november 2021' },
      ],
    });
    expect(readPeriod('December', 2019)).toEqual({ ok: true, yearAssumed: true, windows: [{ window: '2019-12', period: 'December' }] });
  });

  it.each([
    ['January', 1],
    ['feb', 2],
    ['Sept', 9],
    ['Avqust', 8],
    ['avgust', 8],
    ['İyul', 7],
    ['iyul', 7],
    ['Dekabr', 12],
    ['may', 5],
    ['xyz', undefined],
    ['ma', undefined],
  ] as const)('month %s → %s', (word, m) => expect(monthOf(word)).toBe(m));
});
