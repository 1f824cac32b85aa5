/**
 * Spec revision 2: a stage's own deadlines (`due:` or `milestones:`), evaluated as
 * single-day windows, and `period:`, the source's wording of a window.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../src/calendar/date.js';
import { check } from '../src/check.js';
import { evaluate } from '../src/evaluate.js';
import { parseRoadmap } from '../src/load/index.js';
import { narrow, type Filter } from '../src/select.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, run } from './helpers.js';

const FILE = 'test/fixtures/deadlines/plan.yaml';
const TEXT = readFileSync(path.join(FIXTURES, 'deadlines', 'plan.yaml'), 'utf8');
const PLAN = ['-r', FILE, '--today', '2024-06-10'];

function report(today = '2024-06-10', filter: Filter = {}) {
  const r = parseRoadmap(TEXT, FILE);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return narrow(evaluate([r.roadmap], { today: today as CalendarDate, horizonDays: 14 }), filter);
}

const states = (today?: string, filter?: Filter) =>
  report(today, filter).deadlines.map((d) => [
    d.stage.id,
    d.deadline.window.label,
    d.deadline.state,
    d.deadline.late,
    d.deadline.daysOverdue ?? d.deadline.daysLeft ?? d.deadline.daysUntilStart ?? d.deadline.daysLate ?? null,
  ]);

describe('stage deadlines: states at their boundaries', () => {
  it('evaluates each deadline as a single-day window, as of today', () => {
    expect(states()).toEqual([
      ['S1', null, 'overdue', false, 9], // S1.end + 1 day = 2024-06-01, a relative due
      ['S2', 'Due today', 'due-soon', false, 0], // on T
      ['S2', 'At the horizon', 'due-soon', false, 14], // on T + H
      ['S2', 'Past the horizon', 'later', false, 15], // T + H + 1
      ['S2', 'Done late', 'done', true, 2],
      ['S2', 'Done after today', 'overdue', false, 5], // a done after T is not done yet
      ['S2', 'Done early', 'done', false, null],
    ]);
  });

  it('counts a done date once today has reached it', () => {
    expect(states('2024-06-20').find((s) => s[1] === 'Done after today')).toEqual(['S2', 'Done after today', 'done', true, 15]);
  });

  it('is kept by --stage and --state, and dropped by --entity', () => {
    expect(states('2024-06-10', { stages: ['S1'] }).map((s) => s[0])).toEqual(['S1']);
    expect(states('2024-06-10', { states: ['due-soon'] }).map((s) => s[1])).toEqual(['Due today', 'At the horizon']);
    expect(states('2024-06-10', { entities: ['LEAD'] })).toEqual([]);
    const byStage = report('2024-06-10', { states: ['overdue'] }).stages;
    // A stage with a matching deadline stays even when none of its activities match.
    expect(byStage.map((g) => [g.key, g.activities.length, g.deadlines.length])).toEqual([
      ['S1', 0, 1],
      ['S2', 0, 1],
    ]);
  });

  it('fails the gate like an activity window, with --fail-on applied the same way', () => {
    const gate = (failOn: Parameters<typeof check>[1]) => check(report(), failOn);
    expect(gate(['overdue']).failing.map((f) => [f.deadline?.stage.id, f.window.window.label, f.at.line])).toEqual([
      ['S1', null, 13],
      ['S2', 'Done after today', 36],
    ]);
    expect(gate(['overdue']).dueSoon.map((f) => f.window.window.label)).toEqual(['Due today', 'At the horizon']);
    expect(gate(['due-soon']).failing.map((f) => f.window.window.label)).toEqual(['Due today', 'At the horizon']);
    expect(gate(['done']).failing.map((f) => f.activity?.activity.id ?? f.window.window.label)).toEqual(['a1', 'Done late', 'Done early']);
  });
});

describe('stage deadlines: the format', () => {
  const stage = (body: string) => `schema: 1\nid: x\ntitle: X\nstages:\n  - id: S\n    title: S\n    window: 2024-01..2024-03\n${body}    activities:\n      - { id: a, title: A, window: 2024-01 }\n`;
  const problems = (text: string) => {
    const r = parseRoadmap(text, 'x.yaml');
    return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  };

  it.each([
    ['due and milestones both', '    due: 2024-03-31\n    milestones:\n      - { label: M, due: 2024-03-31 }\n', ['10:7: a stage has due: or milestones:, not both']],
    ['an unknown key in a milestone', '    milestones:\n      - { label: M, due: 2024-03-31, lable: N }\n', ["9:38: unknown key 'lable' in milestone; did you mean 'label'?"]],
    ['a milestone without a label', '    milestones:\n      - { due: 2024-03-31 }\n', ["9:9: milestone is missing 'label'"]],
    ['a milestone without a due date', '    milestones:\n      - { label: M }\n', ["9:9: milestone is missing 'due'"]],
    ['an empty list of milestones', '    milestones: []\n', ['8:17: milestones: needs at least one milestone']],
    ['a relative due to an unknown id', '    due: T.end + 1 day\n', ["8:10: 'T.end + 1 day' refers to 'T', which is no stage or activity of this roadmap"]],
    ['a done that is no date', '    milestones:\n      - { label: M, due: 2024-03-31, done: soon }\n', ["9:44: expected a date (YYYY-MM-DD), found 'soon'"]],
    ['a period that is not text', '    due: 2024-03-31\n    period: [a]\n', ["9:5: unknown key 'period' in stage"]],
  ])('%s', (_what, body, expected) => {
    expect(problems(stage(body))).toEqual(expected);
  });

  it('reads a relative due, a month as its last day, and a relative due to an activity', () => {
    const r = parseRoadmap(stage('    milestones:\n      - { label: A, due: 2024-02 }\n      - { label: B, due: a.end + 2 weeks }\n'), 'x.yaml');
    expect(r.ok && r.roadmap.stages[0]!.deadlines.map((d) => [d.label, d.start, d.end, d.startText])).toEqual([
      ['A', '2024-02-29', '2024-02-29', '2024-02'],
      ['B', '2024-02-14', '2024-02-14', 'a.end + 2 weeks'],
    ]);
  });
});

describe('stage deadlines and periods on the command line', () => {
  it('status: the stage header line carries its deadlines, periods stand under their windows', async () => {
    const r = await run(['status', ...PLAN, '--stage', 'S1']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Stage S1 · Prepare  2024-05-01 → 2024-05-31 · deadline 2024-06-01 overdue 9d', '1 done']);
    expect(r.stdout).toContain('│ a1 │ Draft ');
    expect(r.stdout.split('\n').filter((l) => l.includes('May, 2024'))).toHaveLength(1);
    const s2 = (await run(['status', ...PLAN, '--stage', 'S2', '--no-color'])).stdout.split('\n');
    expect(s2.slice(0, 8)).toEqual([
      'Stage S2 · Deliver  2024-06-01 → 2024-12-31 · deadlines 2024-06-10 due today, 2024-06-24 due in 14d, 2024-06-25 due in 15d, 2024-06-01 done 2024-06-03 (2d late), 2024-06-05 overdue 5d, 2024-07-01 done 2024-06-02',
      '  ◆ 2024-06-10 Due today',
      '  ◆ 2024-06-24 At the horizon',
      '  ◆ 2024-06-25 Past the horizon',
      '  ◆ 2024-06-01 Done late',
      '  ◆ 2024-06-05 Done after today',
      '  ◆ 2024-07-01 Done early',
      '1 active',
    ]);
    const cells = s2.filter((l) => l.startsWith('│ ')).map((l) => l.split('│')[3]!.trim());
    expect(cells).toEqual(['Window', 'first: 2024-06-01 →', '2024-08-31', 'June - august', 'second: 2024-09-01 →', '2024-12-31 (later)', 'June - december 2024,', 'twice']);
  });

  it('json: period on the activity and each window, stages with their deadlines', async () => {
    const doc = JSON.parse((await run(['status', ...PLAN, '--format', 'json'])).stdout);
    const [a1, b1] = doc.activities;
    expect([a1.period, a1.windows[0].period]).toEqual(['May, 2024', 'May, 2024']);
    expect([b1.period, b1.windows.map((w: { period: string | null }) => w.period)]).toEqual(['June - december 2024, twice', ['June - august', null]]);
    expect(doc.stages[0]).toEqual({
      roadmap: 'plan',
      id: 'S1',
      title: 'Prepare',
      start: '2024-05-01',
      end: '2024-05-31',
      file: FILE,
      line: 10,
      deadlines: [{ label: null, due: '2024-06-01', done: null, state: 'overdue', late: false, daysOverdue: 9, line: 13 }],
    });
    expect(doc.stages[1].deadlines.map((d: Record<string, unknown>) => ({ ...d, label: undefined }))).toEqual([
      { label: undefined, due: '2024-06-10', done: null, state: 'due-soon', late: false, daysLeft: 0, line: 27 },
      { label: undefined, due: '2024-06-24', done: null, state: 'due-soon', late: false, daysLeft: 14, line: 29 },
      { label: undefined, due: '2024-06-25', done: null, state: 'later', late: false, daysUntilStart: 15, line: 31 },
      { label: undefined, due: '2024-06-01', done: '2024-06-03', state: 'done', late: true, daysLate: 2, line: 33 },
      { label: undefined, due: '2024-06-05', done: null, state: 'overdue', late: false, daysOverdue: 5, line: 36 },
      { label: undefined, due: '2024-07-01', done: '2024-06-02', state: 'done', late: false, line: 39 },
    ]);
  });

  it('check: every format names the missed stage deadlines, at their lines', async () => {
    const text = await run(['check', ...PLAN]);
    expect([text.code, text.stdout]).toEqual([
      1,
      `plan stage S1 deadline · Stage S1 · Prepare · overdue 9d · — · ${FILE}:13
plan stage S2 deadline [Done after today] · Stage S2 · Deliver · overdue 5d · — · ${FILE}:36

✗ 2 stage deadlines failing (overdue); no window failing among 2 activities; 2 windows due soon (today 2024-06-10, horizon 14 days)
`,
    ]);
    const github = (await run(['check', ...PLAN, '--format', 'github', '-q'])).stdout.split('\n');
    expect(github.slice(0, 2)).toEqual([
      `::error file=${FILE},line=13,col=10,title=plan stage S1 deadline overdue 9d::Stage S1 · Prepare — stage deadline 2024-06-01: overdue 9d`,
      `::error file=${FILE},line=36,col=14,title=plan stage S2 deadline [Done after today] overdue 5d::Stage S2 · Deliver — stage deadline "Done after today" 2024-06-05: overdue 5d`,
    ]);
    expect(github[2]).toBe(
      `::warning file=${FILE},line=27,col=14,title=plan stage S2 deadline [Due today] due-soon%3A due today::Stage S2 · Deliver — stage deadline "Due today" 2024-06-10: due-soon: due today`,
    );
    const junit = (await run(['check', ...PLAN, '--format', 'junit'])).stdout;
    expect(junit).toContain(
      `<testcase classname="plan.S1" name="stage S1 deadline Prepare" file="${FILE}">\n      <failure type="overdue" message="overdue 9d">plan stage S1 deadline: due 2024-06-01, overdue 9d; ${FILE}:13</failure>`,
    );
    expect(junit).toContain('tests="10" failures="2" skipped="0" errors="0"');
    const markdown = (await run(['check', ...PLAN, '--format', 'markdown'])).stdout;
    expect(markdown).toContain(`| plan stage S2 deadline \\[Done after today\\] | Stage S2 · Deliver | 2024-06-05 | 🔴 overdue 5d | — | ${FILE}:36 |`);
    const json = JSON.parse((await run(['check', ...PLAN, '--format', 'json'])).stdout);
    expect([json.failed, json.activities.length, json.stages.map((s: { deadlines: unknown[] }) => s.deadlines.length)]).toEqual([true, 0, [1, 6]]);
    expect((await run(['check', ...PLAN, '--entity', 'LEAD'])).code).toBe(0);
  });

  it('markdown: deadlines under the stage heading, periods beside the dates, support marked by entity', async () => {
    const md = (await run(['status', ...PLAN, '--format', 'markdown'])).stdout.split('\n');
    expect(md.filter((l) => l.startsWith('- ◆'))).toEqual([
      '- ◆ Deadline 2024-06-01 — 🔴 overdue · overdue 9d',
      '- ◆ Deadline 2024-06-10: Due today — 🟠 due-soon · due today',
      '- ◆ Deadline 2024-06-24: At the horizon — 🟠 due-soon · due in 14d',
      '- ◆ Deadline 2024-06-25: Past the horizon — ⚪ later · due in 15d',
      '- ◆ Deadline 2024-06-01: Done late — 🟢 done · done 2024-06-03 (2d late)',
      '- ◆ Deadline 2024-06-05: Done after today — 🔴 overdue · overdue 5d',
      '- ◆ Deadline 2024-07-01: Done early — 🟢 done · done 2024-06-02',
    ]);
    expect(md).toContain('| a1 | Draft | 2024-05-01 → 2024-05-31 (_May, 2024_) | LEAD (+ HELP) | 🟢 done | done 2024-05-20 |');
    expect(md).toContain('| b1 | Build | first: 2024-06-01 → 2024-08-31 (_June - august_)<br>second: 2024-09-01 → 2024-12-31 (_June - december 2024, twice_) | LEAD | 🔵 active | ends in 82d |');
    const byEntity = (await run(['status', ...PLAN, '--format', 'markdown', '--by', 'entity', '--entity', 'HELP'])).stdout;
    expect(byEntity).toContain('### HELP — Helpers\n\n0 led · 1 supported\n');
    expect(byEntity).toContain('| a1 | Draft (support) | 2024-05-01 → 2024-05-31 (_May, 2024_) | 🟢 done | done 2024-05-20 |');
  });

  it('timeline: a diamond on the stage row at each deadline', async () => {
    const out = (await run(['timeline', ...PLAN, '--stage', 'S1', '--width', '60'])).stdout.split('\n');
    const row = out.find((l) => l.startsWith('Stage S1'))!;
    // 1 June, the day after the stage's window, then today's marker.
    expect(row).toMatch(/^Stage S1… +─+◆ +│$/);
    expect(out.at(-2)).toContain('◆ milestone');
  });
});
