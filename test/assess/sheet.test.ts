/** Rating sheets: the rows, the CSV written, and a filled-in sheet read back. */
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/load/parse.js';
import type { CalendarDate } from '../../src/calendar/date.js';
import type { Roadmap } from '../../src/model.js';

const d = (s: string) => s as CalendarDate;
import { readSheet, renderSheet, sheetRows } from '../../src/sheet.js';
import { EXAMPLE } from './support.js';

const parsed = parseRoadmap(EXAMPLE, 'city-open-data.yaml');
if (!parsed.ok) throw new Error('example does not load');
const CITY: Roadmap = parsed.roadmap;
const BOM = '\ufeff';
const HEADER = 'roadmap,id,window,title,responsible,start,end,previous,level,source,evidence,note';

describe('sheetRows and renderSheet', () => {
  it("one row per activity and per labelled window, with the assessor's previous level as of the date", () => {
    expect(renderSheet(sheetRows([CITY], 'CSO', d('2024-07-31')))).toBe(
      BOM +
        [
          HEADER,
          'city-open-data,A1,,Launch the open data portal,CITY,2024-01-01,2024-06-30,limited,,,,',
          'city-open-data,A2,,Publish the budget monthly,CITY,2024-03-01,2024-09-30,,,,,',
          'city-open-data,A3,,Open the procurement register,CITY,2024-06-30,2024-12-31,,,,,',
          'city-open-data,A3,6th month,Open the procurement register,CITY,2024-06-30,2024-06-30,substantial,,,,',
          'city-open-data,A3,12th month,Open the procurement register,CITY,2024-12-31,2024-12-31,,,,,',
          '',
        ].join('\r\n'),
    );
  });

  it('a later rating shows from its as-of date on; an assessor no roadmap declares has no rows', () => {
    expect(sheetRows([CITY], 'CSO', d('2024-10-31'))[0]!.previous).toBe('substantial');
    expect(sheetRows([CITY], 'NGOS', d('2024-10-31'))).toEqual([]);
  });

  it('a title a spreadsheet would run as a formula is defused, commas and line breaks quoted', () => {
    const text = EXAMPLE.replace('title: Launch the open data portal', 'title: "=HYPERLINK(\\"x\\"), now\\nand later"');
    const r = parseRoadmap(text, 'c.yaml');
    if (!r.ok) throw new Error('no');
    expect(renderSheet(sheetRows([r.roadmap], 'CSO', d('2024-01-31'))).split('\r\n')[1]).toBe('city-open-data,A1,,"\'=HYPERLINK(""x""), now\nand later",CITY,2024-01-01,2024-06-30,,,,,');
  });
});

/** The written sheet with cells filled in, as a spreadsheet program saves it. */
function filled(cells: Record<number, Partial<Record<'level' | 'source' | 'evidence' | 'note' | 'window' | 'id', string>>>, eol = '\r\n'): string {
  const rows = sheetRows([CITY], 'CSO', d('2024-12-31'));
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r, i) => {
    const f = cells[i + 2] ?? {};
    return [r.roadmap, f.id ?? r.id, f.window ?? r.window, r.title, r.responsible, r.start, r.end, r.previous, f.level ?? '', f.source ?? '', f.evidence ?? '', f.note ?? ''].map(q).join(',');
  });
  return BOM + [HEADER, ...lines].join(eol) + eol;
}

const options = { by: 'CSO', asOf: d('2024-12-31') };

describe('readSheet', () => {
  it('records exactly the filled rows: quoted commas, line breaks and quotes in a note, evidence split on blanks and ;', () => {
    const text = filled({
      2: { level: 'Complete', source: 'https://example.org/m3', note: 'Online, with 40 of 40 datasets; "good"\r\nsecond line' },
      5: { level: 'limited', evidence: 'https://example.org/a; https://example.org/b https://example.org/c' },
    });
    expect(readSheet(text, 'cso.csv', [CITY], options)).toEqual({
      ok: true,
      records: [
        {
          activity: 'city-open-data:A1',
          by: 'CSO',
          asOf: '2024-12-31',
          level: 'complete',
          source: 'https://example.org/m3',
          note: 'Online, with 40 of 40 datasets; "good"\nsecond line',
          at: { file: 'cso.csv', line: 2, column: 9 },
        },
        {
          activity: 'city-open-data:A3',
          by: 'CSO',
          asOf: '2024-12-31',
          level: 'limited',
          window: '6th month',
          evidence: ['https://example.org/a', 'https://example.org/b', 'https://example.org/c'],
          at: { file: 'cso.csv', line: 5, column: 9 },
        },
      ],
    });
  });

  it('reads a sheet without BOM, with LF line ends', () => {
    const r = readSheet(filled({ 3: { level: 'limited' } }, '\n').slice(1), 'cso.csv', [CITY], options);
    expect(r.ok && r.records.map((x) => [x.activity, x.level, x.at?.line])).toEqual([['city-open-data:A2', 'limited', 3]]);
  });

  const problems = (text: string) => {
    const r = readSheet(text, 'cso.csv', [CITY], options);
    return r.ok ? [] : r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  };

  it.each([
    ['a bad level', { 4: { level: 'limted' } }, "cso.csv:4:9: level 'limted' is not on the scale completion; did you mean 'limited'?"],
    ['an unknown id', { 3: { level: 'limited', id: 'A9' } }, "cso.csv:3:2: id: no activity 'A9' in roadmap city-open-data; did you mean 'A1', 'A2', 'A3'?"],
    ['an unknown window', { 5: { level: 'limited', window: '6th mnth' } }, "cso.csv:5:3: window '6th mnth' is not a window of activity A3; did you mean '6th month'?"],
    ['a window on an activity without labels', { 2: { level: 'limited', window: 'x' } }, "cso.csv:2:3: window 'x' is not a window of activity A1: the activity has no labelled windows"],
    ['a note without a level', { 2: { note: 'later' } }, 'cso.csv:2:9: level is empty, but the row has a source, evidence or note: give a level (or no-evidence), or clear the row'],
    ['a row twice', { 2: { level: 'limited' }, 3: { level: 'limited', id: 'A1' } }, 'cso.csv:3:2: a second row for activity A1: the first is row 2'],
  ])('%s', (_, cells, said) => {
    expect(problems(filled(cells))).toEqual([said]);
  });

  it('a row of another roadmap, a cell too many, a quote never closed, a missing column', () => {
    expect(problems(`${HEADER}\r\nother,A1,,,,,,,limited,,,\r\n`)).toEqual(["cso.csv:2:1: roadmap 'other' is not loaded"]);
    expect(problems(`${HEADER}\r\n\r\ncity-open-data,A1,,,,,,,limited,,,,\r\n`)).toEqual([
      "cso.csv:3:1: this row has a different number of cells from the header row: keep the sheet's columns as they are",
    ]);
    expect(problems(`${HEADER}\r\ncity-open-data,A1,,,,,,,limited,,,"open\r\n`)).toEqual(['cso.csv:2:1: a quote (") opened in this row is never closed']);
    expect(problems('id,title\r\nA1,x\r\n')).toEqual([
      "cso.csv:1:1: the header row has no column 'level' (the sheet's columns: roadmap, id, window, title, responsible, start, end, previous, level, source, evidence, note)",
    ]);
  });

  it('an empty sheet records nothing', () => {
    expect(readSheet(filled({}), 'cso.csv', [CITY], options)).toEqual({ ok: true, records: [] });
  });
});
