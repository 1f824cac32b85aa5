/**
 * `roadmap assess` and `roadmap sheet` end to end (bin/roadmap.js) on a copy of
 * examples/city-open-data.yaml: what is written, what diff and status then say,
 * and that bad input writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawn, tree } from '../helpers.js';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'city-open-data.yaml'), 'utf8');
const FILE = 'roadmaps/city-open-data.yaml';
const TODAY = ['--today', '2024-12-15'];

function copy(): { dir: string; read: () => string } {
  const dir = tree({ [FILE]: EXAMPLE, 'old.yaml': EXAMPLE });
  return { dir, read: () => readFileSync(path.join(dir, FILE), 'utf8') };
}

/** The lines a change added, in order (the example's other lines are unchanged). */
function added(after: string): string[] {
  const before = new Set(EXAMPLE.split('\n'));
  expect(after.split('\n').filter((l) => before.has(l))).toEqual(EXAMPLE.split('\n'));
  return after.split('\n').filter((l) => !before.has(l));
}

describe('roadmap assess <id>', () => {
  it('appends the rating; diff names it and status shows it from its as-of date', () => {
    const { dir, read } = copy();
    const r = spawn(['assess', 'A2', '--by', 'CSO', '--level', 'limited', '--as-of', '2024-11-30', '--note', 'no', '--evidence', 'https://example.org/e1', ...TODAY], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'city-open-data A2: CSO limited as of 2024-11-30\n', '']);
    expect(added(read())).toEqual(['          - { by: CSO, as-of: 2024-11-30, level: limited, evidence: [https://example.org/e1], note: "no" }']);

    const diff = spawn(['diff', 'old.yaml', FILE, ...TODAY], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('    A2  CSO rated: limited (as of 2024-11-30)\n');

    const latest = (today: string) => {
      const s = spawn(['status', '--format', 'json', '--today', today], { cwd: dir });
      return (JSON.parse(s.stdout) as { activities: Array<{ id: string; latest: unknown }> }).activities.find((a) => a.id === 'A2')!.latest;
    };
    expect(latest('2024-12-15')).toEqual({ CITY: 'complete', PANEL: 'limited', CSO: 'limited' });
    expect(latest('2024-11-29')).toEqual({ CITY: 'complete', PANEL: 'limited' });
  });

  it('--dry-run prints the diff and writes nothing', () => {
    const { dir, read } = copy();
    const r = spawn(['assess', 'A3', '--by', 'CSO', '--window', '12th month', '--level', 'substantial', '--as-of', '2024-12-01', '--dry-run', ...TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n+          - { by: CSO, as-of: 2024-12-01, window: 12th month, level: substantial }\n');
    expect(read()).toBe(EXAMPLE);
  });

  it.each([
    ['an --as-of after today', ['A2', '--by', 'CSO', '--level', 'limited', '--as-of', '2024-12-16'], 'roadmap: cannot record a rating in the future: today is 2024-12-15\n'],
    [
      'a level not on the scale',
      ['A2', '--by', 'CSO', '--level', 'limted', '--as-of', '2024-12-01'],
      `${FILE}:37:9: error: 'limted' is not a level of the scale completion (not-started < limited < substantial < complete; or no-evidence); did you mean 'limited'?\nroadmap: 1 error in 1 file; nothing was written\n`,
    ],
    [
      'a second rating as of the same date',
      ['A1', '--by', 'CSO', '--level', 'complete', '--as-of', '2024-10-31'],
      `${FILE}:23:9: error: a second assessment by CSO as of 2024-10-31: the first is at line 36\nroadmap: 1 error in 1 file; nothing was written\n`,
    ],
    ['an unknown assessor', ['A2', '--by', 'NGOS', '--level', 'limited', '--as-of', '2024-12-01'], "roadmap: no roadmap declares assessor 'NGOS' (assessors: CITY, CSO, PANEL)\n"],
    ['no --as-of', ['A2', '--by', 'CSO', '--level', 'limited'], 'roadmap: give the date the rating describes: --as-of YYYY-MM-DD\n'],
  ])('refuses %s: exit 2, nothing written', (_, args, stderr) => {
    const { dir, read } = copy();
    const r = spawn(['assess', ...args, ...TODAY], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
    expect(read()).toBe(EXAMPLE);
  });
});

describe('roadmap sheet, filled in, then roadmap assess --from', () => {
  /** Fills cells of the written sheet as a spreadsheet program saves it: BOM, CRLF, quoted cells. */
  function fill(sheet: string, rows: Record<number, { level: string; note?: string; evidence?: string }>): string {
    expect(sheet.startsWith('\ufeff')).toBe(true);
    const lines = sheet.slice(1).split('\r\n');
    const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return (
      '\ufeff' +
      lines
        .map((line, i) => {
          const f = rows[i + 1];
          if (!f) return line;
          return line.replace(/,,,,$/, `,${q(f.level)},,${q(f.evidence ?? '')},${q(f.note ?? '')}`);
        })
        .join('\r\n')
    );
  }

  it('writes the sheet and records exactly its filled rows', () => {
    const { dir, read } = copy();
    const w = spawn(['sheet', '--by', 'CSO', '--as-of', '2024-12-01', '--output', 'cso.csv', ...TODAY], { cwd: dir });
    expect([w.code, w.stdout, w.stderr]).toEqual([0, '', 'roadmap: wrote cso.csv (5 rows for CSO as of 2024-12-01)\n']);
    const sheet = readFileSync(path.join(dir, 'cso.csv'), 'utf8');
    expect(sheet.split('\r\n')[2]).toBe('city-open-data,A2,,Publish the budget monthly,CITY,2024-03-01,2024-09-30,,,,,');
    writeFileSync(
      path.join(dir, 'cso.csv'),
      fill(sheet, {
        3: { level: 'limited', note: 'Published for March, April; "late"\r\nthen stopped' },
        6: { level: 'not-started', evidence: 'https://example.org/a; https://example.org/b' },
      }),
    );
    const r = spawn(['assess', '--from', 'cso.csv', '--by', 'CSO', '--as-of', '2024-12-01', ...TODAY], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('city-open-data A2: CSO limited as of 2024-12-01\ncity-open-data A3 [12th month]: CSO not-started as of 2024-12-01\n');
    expect(added(read())).toEqual([
      '          - { by: CSO, as-of: 2024-12-01, level: limited, note: "Published for March, April; \\"late\\"\\nthen stopped" }',
      '          - { by: CSO, as-of: 2024-12-01, window: 12th month, level: not-started, evidence: [https://example.org/a, https://example.org/b] }',
    ]);
  });

  it.each([
    ['one bad level', { 3: { level: 'limited' }, 4: { level: 'limted' } }, "cso.csv:4:9: error: level 'limted' is not on the scale completion; did you mean 'limited'?\n"],
    ['a row for an unknown id', { 3: { level: 'limited' } }, "cso.csv:3:2: error: id: no activity 'A9' in roadmap city-open-data; did you mean 'A1', 'A2', 'A3'?\n"],
  ])('a sheet with %s writes nothing and names row and column', (name, rows, problem) => {
    const { dir, read } = copy();
    const sheet = spawn(['sheet', '--by', 'CSO', '--as-of', '2024-12-01', ...TODAY], { cwd: dir }).stdout;
    let text = fill(sheet, rows);
    if (name.includes('unknown id')) text = text.replace('city-open-data,A2,', 'city-open-data,A9,');
    writeFileSync(path.join(dir, 'cso.csv'), text);
    const r = spawn(['assess', '--from', 'cso.csv', '--by', 'CSO', '--as-of', '2024-12-01', ...TODAY], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${problem}roadmap: 1 error in 1 file; nothing was written\n`]);
    expect(read()).toBe(EXAMPLE);
  });

  it('a sheet over two roadmap files: both checked, then each written', () => {
    const other = EXAMPLE.replace('id: city-open-data', 'id: town-open-data');
    const dir = tree({ [FILE]: EXAMPLE, 'roadmaps/town.yaml': other });
    const sheet = spawn(['sheet', '--by', 'CSO', '--as-of', '2024-12-01', ...TODAY], { cwd: dir }).stdout;
    const rows = sheet.split('\r\n');
    expect(rows.filter((l) => /^(city|town)-open-data,A2,/.test(l)).length).toBe(2);
    const filled = rows.map((l) => (/^(city|town)-open-data,A2,/.test(l) ? l.replace(/,,,,$/, ',limited,,,') : l));
    writeFileSync(path.join(dir, 'cso.csv'), filled.join('\r\n'));
    const r = spawn(['assess', '--from', 'cso.csv', '--by', 'CSO', '--as-of', '2024-12-01', ...TODAY], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'city-open-data A2: CSO limited as of 2024-12-01\ntown-open-data A2: CSO limited as of 2024-12-01\n', '']);
    const line = '          - { by: CSO, as-of: 2024-12-01, level: limited }';
    expect(added(readFileSync(path.join(dir, FILE), 'utf8'))).toEqual([line]);
    expect(readFileSync(path.join(dir, 'roadmaps/town.yaml'), 'utf8')).toBe(other.replace(/(source: https:\/\/example.org\/panel\/review-2024 }\n)/, `$1${line}\n`));
  });

  it('a hostile cell reaches the terminal inert', () => {
    const { dir, read } = copy();
    writeFileSync(path.join(dir, 'cso.csv'), 'roadmap,id,level\r\n"::error::x",A1,limited\r\ncity-open-data,"\u001b[31mA9\u202e",limited\r\n');
    const r = spawn(['assess', '--from', 'cso.csv', '--by', 'CSO', '--as-of', '2024-12-01', ...TODAY], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      [
        "cso.csv:2:1: error: roadmap '::error::x' is not loaded",
        "cso.csv:3:2: error: id: no activity '\\x1b[31mA9\\u202e' in roadmap city-open-data",
        'roadmap: 2 errors in 1 file; nothing was written\n',
      ].join('\n'),
    );
    expect(read()).toBe(EXAMPLE);
  });

  it('a sheet --as-of after today is refused', () => {
    const { dir } = copy();
    const r = spawn(['sheet', '--by', 'CSO', '--as-of', '2025-01-01', ...TODAY], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'roadmap: cannot record a rating in the future: today is 2024-12-15\n']);
  });
});
