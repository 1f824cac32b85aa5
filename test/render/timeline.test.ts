import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { chalkPaint, plain } from '../../src/render/paint.js';
import { renderTimeline } from '../../src/render/timeline.js';
import { loadWidths, width } from '../../src/render/cells.js';
import { ROOT, roadmapYaml, run } from '../helpers.js';
import { date, hostileReport, reportOf, shippedReport } from './support.js';

// As the commands do before drawing: the hostile titles hold emoji sequences.
await loadWidths(['👩‍👩‍👧']);

const expected = (name: string) => readFileSync(path.join(ROOT, 'test', 'expected', name), 'utf8');
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('renderTimeline on the shipped roadmap at 2019-10-01', () => {
  const report = shippedReport('2019-10-01');

  it.each([40, 100, 200])('matches the reviewed chart at %i columns', (w) => {
    expect(renderTimeline(report, { width: w, by: 'stage', paint: plain })).toBe(expected(`timeline-${w}.txt`));
  });

  it.each([40, 100, 200])('never exceeds %i columns', (w) => {
    for (const line of lines(renderTimeline(report, { width: w, by: 'stage', paint: plain }))) expect(width(line)).toBeLessThanOrEqual(w);
  });

  it('puts the today marker in October 2019 on every row without a bar there', () => {
    const out = lines(renderTimeline(report, { width: 160, by: 'stage', paint: plain }));
    // 160 columns: label 60, chart 99 cells for 2019-03-01..2021-12-31 (1037 days).
    const col = 61 + Math.floor((((Date.UTC(2019, 9, 1) - Date.UTC(2019, 2, 1)) / 864e5) * 99) / 1037);
    expect(out[1]!.slice(col, col + 1)).toBe('O'); // the October label starts where today is
    const rows = out.slice(2, -2);
    expect(rows.filter((r) => [...r][col] === '│').length).toBe(20); // 25 rows: 4 bars cross today (2.3, 2.5, 2.6, 2.7), Stage II has ┼
    expect([...rows[6]!][col]).toBe('┼'); // Stage II's span crosses today
  });

  it('groups by entity, an activity under each responsible and each supporter', () => {
    const out = renderTimeline(report, { width: 100, by: 'entity', paint: plain });
    const headers = lines(out).filter((l) => !l.startsWith(' ') && l.includes(' · '));
    expect(headers.map((h) => h.split(' · ')[0])).toEqual(['CCC', 'OGP-AZ', 'NGOS', 'STATE-BODIES', 'AZACA', 'OGP-SU', 'TA', 'EXECUTING-AGENCIES']);
    // State bodies support 1.3; they lead nothing.
    expect(
      lines(out)
        .filter((l) => l.startsWith('  1.3 '))
        .map((l) => l.slice(0, 30).trimEnd()),
    ).toEqual(['  1.3 Identifying target group', '  1.3 Identifying target group', '  1.3 (support) Identifying ta']);
    expect(lines(out).filter((l) => l.startsWith('  2.4 ')).length).toBe(3); // OGP-SU, CCC, TA
  });

  it('zooms with from/to and picks month labels when they fit', () => {
    const out = lines(renderTimeline(report, { width: 100, by: 'stage', paint: plain, from: date('2019-06-01'), to: date('2019-12-31') }));
    expect(out[0]!.trim()).toBe('2019');
    expect(out[1]!.trim().split(/\s+/)).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(out.some((l) => l.includes('1.1 '))).toBe(false); // Stage I ended in May
    expect(out.filter((l) => l.startsWith('  2.')).length).toBe(9);
  });

  it('falls back to year labels when quarters do not fit', () => {
    const out = lines(renderTimeline(report, { width: 40, by: 'stage', paint: plain }));
    expect(out[0]!.trim().split(/\s+/)).toEqual(['2019', '2020', '2021']);
    expect(out[1]!.startsWith('Stage I')).toBe(true); // a single axis line
  });

  it('says the selection is empty instead of drawing an empty chart', () => {
    expect(renderTimeline(shippedReport('2019-10-01', { states: ['done'] }), { width: 100, by: 'stage', paint: plain })).toBe('Nothing to show: no activity matches.\n');
    expect(renderTimeline(report, { width: 100, by: 'stage', paint: plain, from: date('2030-01-01'), to: date('2030-12-31') })).toBe(
      'Nothing to show: no activity window falls between 2030-01-01 and 2030-12-31.\n',
    );
  });

  it('says where today is when it is off the chart', () => {
    const out = renderTimeline(shippedReport('2025-01-01'), { width: 100, by: 'stage', paint: plain });
    expect(lines(out).at(-1)).toBe('▓ overdue  ◆ milestone  today 2025-01-01 (after the chart)');
    expect(out).not.toContain('│');
  });

  it('paints runs of cells, not every cell, and keeps the fill characters', () => {
    const paint = chalkPaint(new Chalk({ level: 1 }) as never);
    const out = lines(renderTimeline(report, { width: 100, by: 'stage', paint }));
    const row = out.find((l) => l.includes('2.4 Researching'))!;
    expect(row).toContain('\u001b[31m\u001b[1m▓▓▓▓▓\u001b[22m\u001b[39m'); // one red run for the overdue bar
    expect(row.match(/\u001b\[31m/g)).toHaveLength(1);
  });
});

describe('renderTimeline with milestones, cancellations and hostile titles', () => {
  const report = hostileReport('2019-07-15');
  const out = renderTimeline(report, { width: 80, by: 'stage', paint: plain });

  it('keeps every line inside the width and free of control characters', () => {
    for (const line of lines(out)) {
      expect(width(line)).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(lines(out)).toHaveLength(13);
  });

  it('truncates labels with an ellipsis at the label column, by display width', () => {
    const rows = lines(out).slice(3, 8);
    for (const r of rows) expect([...cut(r, 33)].at(-1)).toBe(' '); // the label column is 32 cells, then a gap
    expect(rows[0]).toMatch(/^ {2}1 <img src=x onerror=alert\(1\)… ▓/);
    expect(rows[1]).toMatch(/^ {2}2 Line one Line two Line thre… /); // line breaks became spaces
    expect(rows[4]).toContain('🚀 Launch 👩‍👩‍👧 family 古文 em…'); // wide characters count twice, the ZWJ family stays whole
  });

  it('draws a single-day window as a diamond and a cancelled one with its own fill', () => {
    expect(lines(out)[4]).toMatch(/◆/);
    expect(lines(out)[7]).toMatch(/╌{12}/);
    expect(lines(out).slice(-2).join('  ')).toBe('█ done  ▓ overdue  ▒ active / due soon  ░ planned  ╌ cancelled  ◆ milestone  │ today 2019-07-15');
  });
});

/** The first `cells` display cells of a line. */
function cut(line: string, cells: number): string {
  let out = '';
  for (const { segment } of new Intl.Segmenter().segment(line)) {
    if (width(out + segment) > cells) break;
    out += segment;
  }
  return out;
}

describe('renderTimeline scale', () => {
  // How fast is the bench's to say (bench/run.mjs, scale: `roadmap timeline` on 10,000 activities).
  it('renders 20 000 rows', () => {
    const activities = Array.from(
      { length: 20_000 },
      (_, i) =>
        `      - id: "a${i}"\n        title: Activity number ${i} with a fairly long title to truncate\n        window: 2019-${String((i % 12) + 1).padStart(2, '0')}\n        responsible: A\n`,
    ).join('');
    const report = reportOf(roadmapYaml(activities), '2019-07-15');
    const out = renderTimeline(report, { width: 120, by: 'stage', paint: plain });
    expect(lines(out)).toHaveLength(2 + 1 + 20_000 + 2);
  });
});

describe('roadmap timeline (command)', () => {
  it('defaults to 100 columns when stdout is not a terminal', async () => {
    const r = await run(['timeline', '--today', '2019-10-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected('timeline-100.txt'));
  });

  it('takes the terminal width, and --width over it', async () => {
    expect((await run(['timeline', '--today', '2019-10-01', '--no-color'], { stdoutTTY: true, columns: 200 })).stdout).toBe(expected('timeline-200.txt'));
    expect((await run(['timeline', '--today', '2019-10-01', '--width', '40'], { stdoutTTY: true, columns: 200, env: { NO_COLOR: '1' } })).stdout).toBe(expected('timeline-40.txt'));
  });

  it('honours the filters', async () => {
    const r = await run(['timeline', '--today', '2019-10-01', '--stage', 'II', '--entity', 'CCC', '--state', 'overdue']);
    expect(
      lines(r.stdout)
        .filter((l) => /^ {2}\d/.test(l))
        .map((l) => l.trim().split(' ')[0]),
    ).toEqual(['2.1', '2.4']);
  });

  it('prints "nothing to show" for an empty selection', async () => {
    const r = await run(['timeline', '--today', '2019-10-01', '--state', 'cancelled']);
    expect(r).toEqual({ code: 0, stdout: 'Nothing to show: no activity matches.\n', stderr: '' });
  });

  it.each([
    [['--width', '12'], 'roadmap: --width expects a whole number from 20 to 1000, not "12"\n'],
    [['--width', '4294967296'], 'roadmap: --width expects a whole number from 20 to 1000, not "4294967296"\n'],
    [['--from', '2019-13'], 'roadmap: --from expects a day (2019-10-01), a month (2019-10) or a year (2019), not "2019-13"\n'],
    [['--to', '3.1.end'], 'roadmap: --to expects a day (2019-10-01), a month (2019-10) or a year (2019), not "3.1.end"\n'],
    [['--from', '2020', '--to', '2019-06'], 'roadmap: --from 2020 is after --to 2019-06\n'],
    [['--by', 'week'], "error: option '--by <grouping>' argument 'week' is invalid. Allowed choices are stage, entity.\n"],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await run(['timeline', '--today', '2019-10-01', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
  });
});
