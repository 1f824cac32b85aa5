/**
 * SPEC §2 "As of today": a `done` or `started` date later than today counts as not
 * (yet) done or started, so a past --today shows the roadmap as it stood then.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../src/calendar/date.js';
import { evaluate } from '../src/evaluate.js';
import { parseRoadmap } from '../src/load/index.js';
import { roadmapYaml, run, tree } from './helpers.js';

const ACTIVITIES = `      - id: a1
        title: Done years later
        window: 2025-01..2025-02
        responsible: A
        done: 2030-01-01
      - id: a2
        title: Overdue then
        window: 2025-01
        responsible: A
        done: 2030-01-01
      - id: a3
        title: Started later
        window: 2025-02..2025-06
        responsible: B
        started: 2030-01-01
      - id: a4
        title: A deadline ahead
        due: 2025-03-07
        responsible: B
      - id: a5
        title: One window done then, one later
        responsible: A
        windows:
          - { label: early, window: 2025-01, done: 2025-01-20, started: 2025-01-02 }
          - { label: late, window: 2025-01, done: 2031-05-05 }
`;

const TODAY = '2025-02-10';

function report(today = TODAY) {
  const r = parseRoadmap(roadmapYaml(ACTIVITIES), 'demo.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return evaluate([r.roadmap], { today: today as CalendarDate, horizonDays: 14 });
}

describe('evaluation as of today', () => {
  it('takes a done date after today as not done, and its window as its dates say', () => {
    const byId = new Map(report().activities.map((a) => [a.activity.id, a]));
    const a1 = byId.get('a1')!;
    expect([a1.state, a1.done, a1.late, a1.daysLeft, a1.daysLate]).toEqual(['active', null, false, 18, undefined]);
    expect(a1.deciding.window.done).toBeNull();
    const a2 = byId.get('a2')!;
    expect([a2.state, a2.done, a2.daysOverdue]).toEqual(['overdue', null, 10]);
    const a5 = byId.get('a5')!;
    expect(a5.windows.map((w) => [w.state, w.window.done, w.late])).toEqual([
      ['done', '2025-01-20', false],
      ['overdue', null, false],
    ]);
    expect([a5.state, a5.done]).toEqual(['overdue', null]);
  });

  it('takes a started date after today as not started', () => {
    const a3 = report().activities.find((a) => a.activity.id === 'a3')!;
    expect([a3.state, a3.started, a3.deciding.window.started]).toEqual(['active', null, null]);
  });

  it('shows the dates once today has reached them', () => {
    const byId = new Map(report('2031-06-01').activities.map((a) => [a.activity.id, a]));
    expect([byId.get('a1')!.state, byId.get('a1')!.done, byId.get('a1')!.daysLate]).toEqual(['done', '2030-01-01', 1768]);
    expect(byId.get('a3')!.started).toBe('2030-01-01');
    expect(byId.get('a5')!.done).toBe('2031-05-05');
  });
});

describe('every output follows the view at today', () => {
  const dir = tree({ 'roadmaps/demo.yaml': roadmapYaml(ACTIVITIES) });
  const roadmap = (...args: string[]) => run(['--today', TODAY, ...args], { cwd: dir, env: { COLUMNS: '120' } });

  it('status --format json: no done date, no lateness, the day counts of the dates', async () => {
    const doc = JSON.parse((await roadmap('status', '--format', 'json')).stdout);
    const pick = (a: Record<string, unknown>) => [a.id, a.state, a.done, a.late, a.daysOverdue ?? a.daysLeft ?? a.daysUntilStart ?? null, a.started];
    expect(doc.activities.map(pick)).toEqual([
      ['a1', 'active', null, false, 18, null],
      ['a2', 'overdue', null, false, 10, null],
      ['a3', 'active', null, false, 140, null],
      ['a4', 'later', null, false, 25, null],
      ['a5', 'overdue', null, false, 10, '2025-01-02'],
    ]);
    expect(doc.activities[4].windows.map((w: { done: string | null }) => w.done)).toEqual(['2025-01-20', null]);
    expect(doc.summary).toEqual({ overdue: 2, 'due-soon': 0, active: 2, upcoming: 0, later: 1, done: 0, cancelled: 0 });
  });

  it('status table and markdown: the state of the dates, never a completion years ahead', async () => {
    const table = (await roadmap('status')).stdout;
    expect(table).not.toContain('2030');
    expect(table).toContain('│ a1 │ Done years later');
    expect(
      table
        .split('\n')
        .filter((l) => /^│ a\d/.test(l))
        .map((l) =>
          l
            .split('│')
            .slice(-3, -1)
            .map((c) => c.trim()),
        ),
    ).toEqual([
      ['active', 'ends in 18d'],
      ['overdue', 'overdue 10d'],
      ['active', 'ends in 140d'],
      ['later', 'due in 25d'],
      ['overdue', 'overdue 10d'],
    ]);
    const md = (await roadmap('status', '--format', 'markdown')).stdout;
    expect(md).not.toContain('2030');
    expect(md).not.toContain('2031');
  });

  it('check fails on the windows overdue then', async () => {
    const r = await roadmap('check', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).activities.map((a: { id: string }) => a.id)).toEqual(['a2', 'a5']);
  });

  it('timeline draws them overdue or active, not done', async () => {
    const out = (await roadmap('timeline', '--width', '80')).stdout;
    const row = (id: string) => out.split('\n').find((l) => l.startsWith(`  ${id} `))!;
    expect(row('a1')).not.toContain('█');
    expect(row('a2')).toContain('▓');
    expect(row('a2')).not.toContain('█');
  });

  it('reports: ics, html, markdown and mermaid say nothing of the later completion', async () => {
    for (const format of ['ics', 'html', 'markdown', 'mermaid']) {
      const out = (await roadmap('report', '--format', format)).stdout;
      expect([format, out.includes('2030') || out.includes('2031') || out.includes('20300101')]).toEqual([format, false]);
    }
    const ics = (await roadmap('report', '--format', 'ics')).stdout;
    expect(ics.split('\r\n').filter((l) => l.startsWith('X-ROADMAP-DONE'))).toEqual(['X-ROADMAP-DONE;VALUE=DATE:20250120']);
    expect(ics).toContain('SUMMARY:[overdue] a2 Overdue then');
  });
});

describe('a single-day window ahead', () => {
  it('is "due in", never "starts in"', async () => {
    const a4 = report().activities.find((a) => a.activity.id === 'a4')!;
    const { activityWhen } = await import('../src/render/words.js');
    expect([a4.state, activityWhen(a4)]).toEqual(['later', 'due in 25d']);
    expect(activityWhen(report('2025-02-25').activities.find((a) => a.activity.id === 'a4')!)).toBe('due in 10d');
  });
});
