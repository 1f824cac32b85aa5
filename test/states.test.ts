import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDays, type CalendarDate } from '../src/calendar/date.js';
import { evaluate, stateOf } from '../src/evaluate.js';
import { parseRoadmap } from '../src/load/index.js';
import type { Roadmap } from '../src/model.js';
import { roadmapYaml } from './helpers.js';

const day = (s: string) => toDays(s as CalendarDate);

describe('window states (SPEC §2), today 2019-07-15, horizon 14 (T+H = 2019-07-29)', () => {
  const T = day('2019-07-15');
  it.each([
    // [start, end, state]  — around E and T
    ['2019-07-01', '2019-07-14', 'overdue'],
    ['2019-07-01', '2019-07-15', 'due-soon'],
    ['2019-07-01', '2019-07-16', 'due-soon'],
    // around E and T+H
    ['2019-07-01', '2019-07-29', 'due-soon'],
    ['2019-07-01', '2019-07-30', 'active'],
    // around S and T (E beyond the horizon)
    ['2019-07-14', '2019-12-31', 'active'],
    ['2019-07-15', '2019-12-31', 'active'],
    ['2019-07-16', '2019-12-31', 'upcoming'],
    // around S and T+H
    ['2019-07-28', '2019-12-31', 'upcoming'],
    ['2019-07-29', '2019-12-31', 'upcoming'],
    ['2019-07-30', '2019-12-31', 'later'],
    // a window starting soon that also ends within the horizon is due soon
    ['2019-07-20', '2019-07-25', 'due-soon'],
    // single days
    ['2019-07-14', '2019-07-14', 'overdue'],
    ['2019-07-15', '2019-07-15', 'due-soon'],
    ['2019-07-29', '2019-07-29', 'due-soon'],
    ['2019-07-30', '2019-07-30', 'later'],
  ])('[%s, %s] is %s', (s, e, state) => {
    expect(stateOf(day(s), day(e), false, false, T, 14)).toBe(state);
  });

  it('done wins over the dates, cancelled over done', () => {
    expect(stateOf(day('2019-01-01'), day('2019-01-31'), true, false, T, 14)).toBe('done');
    expect(stateOf(day('2019-01-01'), day('2019-01-31'), true, true, T, 14)).toBe('cancelled');
    expect(stateOf(day('2019-01-01'), day('2019-01-31'), false, true, T, 14)).toBe('cancelled');
  });

  it('a horizon of 0 leaves only today as "soon"', () => {
    expect(stateOf(day('2019-07-01'), day('2019-07-15'), false, false, T, 0)).toBe('due-soon');
    expect(stateOf(day('2019-07-01'), day('2019-07-16'), false, false, T, 0)).toBe('active');
    expect(stateOf(day('2019-07-16'), day('2019-07-20'), false, false, T, 0)).toBe('later');
  });

  it('every window is in exactly the state the table of SPEC §2 gives', () => {
    const arb = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(arb, ([s, len, t, h]) => {
        const e = s + len;
        const rows = {
          overdue: e < t,
          'due-soon': t <= e && e <= t + h,
          active: s <= t && e > t + h,
          upcoming: t < s && s <= t + h && e > t + h,
          later: s > t + h,
        };
        const holding = Object.entries(rows)
          .filter(([, holds]) => holds)
          .map(([state]) => state);
        return holding.length === 1 && holding[0] === stateOf(s, e, false, false, t, h);
      }),
    );
  });
});

function load(activities: string): Roadmap {
  const r = parseRoadmap(roadmapYaml(activities), 'demo.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.roadmap;
}

describe('activity states and counts', () => {
  const roadmap = load(`      - id: a
        title: Three windows
        responsible: [A, B]
        windows:
          - { label: first, window: 2019-01, done: 2019-02-05 }
          - { label: second, window: 2019-06, done: 2019-06-20 }
          - { label: third, window: 2019-07-01..2019-07-20 }
      - id: b
        title: All done, one late
        responsible: A
        windows:
          - { window: 2019-01, done: 2019-01-31 }
          - { window: 2019-02, done: 2019-03-04 }
      - id: c
        title: Cancelled
        window: 2019-05
        cancelled: no longer needed
        responsible: B
      - id: d
        title: One window cancelled, one later
        responsible: B
        windows:
          - { window: 2019-05, cancelled: merged into c }
          - 2019-09
      - id: e
        title: Two overdue
        responsible: A
        windows: [2019-03, 2019-05]
`);
  const report = evaluate([roadmap], { today: '2019-07-15' as CalendarDate, horizonDays: 14 });
  const byId = new Map(report.activities.map((a) => [a.activity.id, a]));

  it('takes the most urgent window', () => {
    const a = byId.get('a')!;
    expect([a.state, a.deciding.window.label, a.daysLeft]).toEqual(['due-soon', 'third', 5]);
    expect(a.windows.map((w) => [w.state, w.late])).toEqual([
      ['done', true],
      ['done', false],
      ['due-soon', false],
    ]);
    expect(a.done).toBeNull();
  });

  it('an activity done in all windows is done on the last date, late if any window was', () => {
    const b = byId.get('b')!;
    expect([b.state, b.done, b.late, b.daysLate]).toEqual(['done', '2019-03-04', true, 4]);
  });

  it('cancelled only when every window is, and a cancelled window never makes it overdue', () => {
    expect(byId.get('c')!.state).toBe('cancelled');
    expect([byId.get('d')!.state, byId.get('d')!.daysUntilStart]).toEqual(['later', 48]);
  });

  it('the oldest overdue window decides', () => {
    const e = byId.get('e')!;
    expect([e.state, e.deciding.window.end, e.daysOverdue]).toEqual(['overdue', '2019-03-31', 106]);
  });

  it('counts per stage and per responsible entity, an activity under each of its entities', () => {
    expect(report.summary).toEqual({ overdue: 1, 'due-soon': 1, active: 0, upcoming: 0, later: 1, done: 1, cancelled: 1 });
    expect(report.stages.map((s) => [s.key, s.counts.overdue, s.activities.length])).toEqual([['S1', 1, 5]]);
    expect(report.entities.map((g) => [g.key, g.activities.map((x) => x.activity.id).join(',')])).toEqual([
      ['A', 'a,b,e'],
      ['B', 'a,c,d'],
    ]);
  });
});
