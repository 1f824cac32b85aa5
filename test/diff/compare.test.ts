import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failing, gatesOf } from '../../src/diff/changes.js';
import { diffRoadmaps } from '../../src/diff/compare.js';
import { parseRoadmap } from '../../src/load/parse.js';
import type { Roadmap } from '../../src/model.js';
import { FIXTURES, roadmapYaml } from '../helpers.js';

function fixture(name: string): Roadmap {
  const file = path.join(FIXTURES, 'diff', name);
  const r = parseRoadmap(readFileSync(file, 'utf8'), name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.roadmap;
}

function parsed(text: string): Roadmap {
  const r = parseRoadmap(text, 'x.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.roadmap;
}

const pair = (name: string) => diffRoadmaps([fixture(`${name}-old.yaml`)], [fixture(`${name}-new.yaml`)]);

describe('diffRoadmaps on fixture pairs', () => {
  it('reports every kind of change in plan-old → plan-new, grouped by stage in file order', () => {
    const { changes, common } = pair('plan');
    expect(common).toEqual(['plan']);
    expect(changes).toMatchObject([
      { kind: 'roadmap-changed', stage: null, field: 'title', old: 'Delivery plan', new: 'Delivery plan 2024' },
      { kind: 'roadmap-changed', field: 'timezone', old: 'Europe/Paris', new: 'Europe/Berlin' },
      { kind: 'roadmap-changed', field: 'revision', old: 1, new: 2 },
      { kind: 'entity-renamed', entity: 'MIN', old: 'Ministry', new: 'Ministry of Finance' },
      { kind: 'entity-added', entity: 'UNI', name: 'University' },
      { kind: 'entity-removed', entity: 'OLD', name: 'Old office' },
      { kind: 'stage-retitled', stage: 'S1', old: 'Preparation', new: 'Preparation and consultation' },
      { kind: 'stage-moved', stage: 'S1', startShift: 0, endShift: 30, old: { end: '2024-03-31' }, new: { end: '2024-04-30' } },
      { kind: 'marked-done', activity: '1.1', window: null, old: null, new: '2024-02-05', daysLate: 5 },
      { kind: 'evidence-changed', activity: '1.1', added: ['https://example.org/terms'], removed: [] },
      { kind: 'activity-retitled', activity: '1.2', old: 'Consult', new: 'Consult the public' },
      { kind: 'window-moved', activity: '1.2', startShift: 0, endShift: 19, movedWith: [], dependants: [] },
      { kind: 'reassigned', activity: '1.2', old: ['MIN', 'AG'], new: ['MIN'], added: [], removed: ['AG'] },
      { kind: 'support-changed', activity: '1.2', old: ['NGO'], new: ['NGO', 'UNI'], added: ['UNI'], removed: [] },
      { kind: 'started', activity: '1.2', old: null, new: '2024-02-01' },
      { kind: 'window-moved', activity: '1.3', startShift: -10, endShift: -10 },
      { kind: 'reopened', activity: '1.4', old: { done: '2024-03-20', cancelled: null } },
      { kind: 'activity-restaged', stage: 'S1', activity: '2.3', old: 'S2', new: 'S1' },
      { kind: 'activity-removed', stage: 'S1', activity: '1.5', title: 'Old task', responsible: ['OLD'] },
      { kind: 'window-rewritten', stage: 'S2', activity: '2.1', old: { startText: '2024-04', endText: '2024-09' }, new: { startText: '2024-04-01', endText: '2024-09-30' } },
      { kind: 'marked-done', activity: '2.1', new: '2024-09-15', daysLate: 0 },
      { kind: 'cancelled', activity: '2.2', old: null, new: 'no budget' },
      { kind: 'activity-added', stage: 'S2', activity: '2.4', responsible: ['AG', 'UNI'], windows: [{ label: null, start: '2024-12-01', end: '2024-12-01' }] },
      { kind: 'stage-added', stage: 'S4', title: 'Follow-up' },
      { kind: 'activity-added', stage: 'S4', activity: '4.1' },
      { kind: 'stage-removed', stage: 'S3', title: 'Wrap-up' },
      { kind: 'activity-removed', stage: 'S3', activity: '3.1' },
    ]);
  });

  it('reports periods and stage deadlines: moved, done, reopened, removed, added', () => {
    const { changes } = pair('deadlines');
    expect(changes).toEqual([
      { kind: 'deadline-moved', roadmap: 'dl', stage: 'I', activity: null, deadline: { label: 'Representative named', index: 1 }, old: '2019-06-01', new: '2019-06-15', shift: 14 },
      { kind: 'deadline-done', roadmap: 'dl', stage: 'I', activity: null, deadline: { label: 'Platform opened', index: 2 }, old: null, new: '2019-05-30', daysLate: 0 },
      { kind: 'deadline-reopened', roadmap: 'dl', stage: 'I', activity: null, deadline: { label: 'Was done', index: 3 }, old: '2019-04-30' },
      { kind: 'deadline-removed', roadmap: 'dl', stage: 'I', activity: null, deadline: { label: 'Dropped', index: 3 }, due: '2019-07-01', done: null },
      { kind: 'deadline-added', roadmap: 'dl', stage: 'I', activity: null, deadline: { label: 'Added', index: 4 }, due: '2019-08-01', done: null },
      { kind: 'period-changed', roadmap: 'dl', stage: 'I', activity: '1.1', window: null, old: 'September- december, 2019', new: 'July 2019' },
      { kind: 'support-changed', roadmap: 'dl', stage: 'I', activity: '1.1', old: ['B'], new: ['C'], added: ['C'], removed: ['B'] },
      { kind: 'period-changed', roadmap: 'dl', stage: 'I', activity: '1.2', window: { label: 'first', index: 1 }, old: 'March', new: 'March, 2019' },
      { kind: 'period-changed', roadmap: 'dl', stage: 'I', activity: '1.2', window: { label: 'second', index: 2 }, old: 'April', new: null },
      { kind: 'deadline-moved', roadmap: 'dl', stage: 'II', activity: null, deadline: { label: null, index: 1 }, old: '2019-10-01', new: '2019-09-20', shift: -11 },
    ]);
  });

  it("lists the deadlines of a stage added or removed, as it lists the stage's activities", () => {
    const base = `schema: 1\nid: x\ntitle: X\nentities: { A: Alpha }\nstages:\n  - id: S\n    title: S\n    activities:\n      - { id: "1", title: T, window: 2024-03, responsible: A }\n`;
    const more = `${base}  - id: T\n    title: Later\n    due: 2024-09-30\n    activities:\n      - { id: "2", title: U, window: 2024-08, responsible: A }\n`;
    const at = { roadmap: 'x', stage: 'T', activity: null };
    expect(diffRoadmaps([parsed(base)], [parsed(more)]).changes).toMatchObject([
      { kind: 'stage-added', ...at, title: 'Later' },
      { kind: 'deadline-added', ...at, deadline: { label: null, index: 1 }, due: '2024-09-30', done: null },
      { kind: 'activity-added', stage: 'T', activity: '2' },
    ]);
    expect(diffRoadmaps([parsed(more)], [parsed(base)]).changes).toMatchObject([
      { kind: 'stage-removed', ...at, title: 'Later' },
      { kind: 'deadline-removed', ...at, deadline: { label: null, index: 1 }, due: '2024-09-30', done: null },
      { kind: 'activity-removed', stage: 'T', activity: '2' },
    ]);
  });

  it('shows which dependants moved with a moved anchor, and a rewrite with the same dates', () => {
    const { changes } = pair('anchors');
    expect(changes).toEqual([
      {
        kind: 'window-moved',
        roadmap: 'anchors',
        stage: 'S',
        activity: '1',
        window: null,
        old: { start: '2024-01-01', end: '2024-06-30', startText: '2024-01-01', endText: '2024-06-30' },
        new: { start: '2023-12-01', end: '2024-07-31', startText: '2023-12-01', endText: '2024-07-31' },
        startShift: -31,
        endShift: 31,
        movedWith: [],
        dependants: ['2', '3'],
      },
      {
        kind: 'window-moved',
        roadmap: 'anchors',
        stage: 'S',
        activity: '2',
        window: null,
        old: { start: '2024-04-01', end: '2024-04-30', startText: '1.start + 3 months', endText: '1.start + 4 months - 1 day' },
        new: { start: '2024-03-01', end: '2024-03-31', startText: '1.start + 3 months', endText: '1.start + 4 months - 1 day' },
        startShift: -31,
        endShift: -30,
        movedWith: ['1'],
        dependants: [],
      },
      {
        kind: 'window-moved',
        roadmap: 'anchors',
        stage: 'S',
        activity: '3',
        window: null,
        // 30 June + 1 month = 30 July; 31 July + 1 month = 31 August.
        old: { start: '2024-07-30', end: '2024-07-30', startText: '1.end + 1 month', endText: '1.end + 1 month' },
        new: { start: '2024-08-31', end: '2024-08-31', startText: '1.end + 1 month', endText: '1.end + 1 month' },
        startShift: 32,
        endShift: 32,
        movedWith: ['1'],
        dependants: [],
      },
      {
        kind: 'window-rewritten',
        roadmap: 'anchors',
        stage: 'S',
        activity: '4',
        window: null,
        old: { start: '2024-07-01', end: '2024-08-31', startText: '2024-07', endText: '2024-08' },
        new: { start: '2024-07-01', end: '2024-08-31', startText: '2024-07-01', endText: '2024-08-31' },
      },
    ]);
  });

  it('matches windows by label, else by position, and says a change common to all windows once', () => {
    const { changes } = pair('windows');
    expect(changes).toMatchObject([
      { kind: 'window-moved', activity: '1', window: { label: 'Q3', index: 2 }, endShift: 15 },
      { kind: 'window-removed', activity: '1', window: { label: 'Q2', index: 2 }, dates: { start: '2024-06-30' } },
      { kind: 'window-added', activity: '1', window: { label: 'Q4', index: 3 }, dates: { end: '2024-12-31' } },
      { kind: 'window-moved', activity: '2', window: { label: null, index: 2 }, startShift: 29, endShift: 31 },
      { kind: 'window-removed', activity: '2', window: { label: null, index: 3 } },
      { kind: 'cancelled', activity: '3', window: null, new: 'merged into 1' },
      { kind: 'marked-done', activity: '4', window: { label: 'round 1' }, daysLate: 15 },
      { kind: 'marked-done', activity: '4', window: { label: 'round 2' }, daysLate: 0 },
    ]);
  });

  it('finds nothing between a roadmap and itself', () => {
    expect(diffRoadmaps([fixture('plan-old.yaml')], [fixture('plan-old.yaml')])).toEqual({ changes: [], common: ['plan'] });
  });

  it('reports roadmaps only on one side, and no common roadmap', () => {
    const { changes, common } = diffRoadmaps([fixture('plan-old.yaml')], [fixture('anchors-old.yaml')]);
    expect(common).toEqual([]);
    expect(changes.map((c) => `${c.kind} ${c.roadmap}`)).toEqual(['roadmap-added anchors', 'roadmap-removed plan']);
  });
});

describe('status changes of one activity', () => {
  const base = (status: string) =>
    parsed(
      roadmapYaml(`      - id: "1"
        title: T
        window: 2024-03
        responsible: A
${status}`),
    );
  const kinds = (before: string, after: string) =>
    diffRoadmaps([base(before)], [base(after)]).changes.map((c) => {
      const { roadmap: _r, stage: _s, activity: _a, window: _w, ...rest } = c as typeof c & { window?: unknown };
      return rest;
    });

  it.each([
    ['', '        done: 2024-03-31\n', { kind: 'marked-done', old: null, new: '2024-03-31', daysLate: 0 }],
    ['', '        done: 2024-04-02\n', { kind: 'marked-done', old: null, new: '2024-04-02', daysLate: 2 }],
    ['        done: 2024-03-10\n', '        done: 2024-03-12\n', { kind: 'marked-done', old: '2024-03-10', new: '2024-03-12', daysLate: 0 }],
    ['        done: 2024-03-10\n', '', { kind: 'reopened', old: { done: '2024-03-10', cancelled: null } }],
    ['        cancelled: later\n', '', { kind: 'reopened', old: { done: null, cancelled: 'later' } }],
    ['', '        cancelled: no funds\n', { kind: 'cancelled', old: null, new: 'no funds' }],
    ['        done: 2024-03-10\n', '        cancelled: dropped\n', { kind: 'cancelled', old: null, new: 'dropped' }],
    ['', '        started: 2024-03-02\n', { kind: 'started', old: null, new: '2024-03-02' }],
    ['        started: 2024-03-02\n', '', { kind: 'started', old: '2024-03-02', new: null }],
    ['        evidence: [a]\n', '        evidence: [b]\n', { kind: 'evidence-changed', added: ['b'], removed: ['a'] }],
  ])('%j → %j', (before, after, change) => {
    expect(kinds(before, after)).toEqual([change]);
  });

  it('ignores the order of responsible entities', () => {
    const r = (who: string) => parsed(roadmapYaml(`      - id: "1"\n        title: T\n        window: 2024-03\n        responsible: ${who}\n`));
    expect(diffRoadmaps([r('[A, B]')], [r('[B, A]')]).changes).toEqual([]);
  });
});

describe('the review gate', () => {
  it.each([
    ['extended', ['1.2 window-moved', 'S1 stage-moved']],
    ['removed', ['1.5 activity-removed', 'S3 stage-removed', '3.1 activity-removed']],
    ['reassigned', ['1.2 reassigned', '1.2 support-changed']],
    ['reopened', ['1.4 reopened']],
  ] as const)('--fail-on %s', (gate, expected) => {
    const { changes } = pair('plan');
    expect(
      failing(changes, [gate])
        .map((c) => `${c.activity ?? c.stage} ${c.kind}`)
        .sort(),
    ).toEqual([...expected].sort());
  });

  it('a stage deadline moved later is extended, one removed is removed, one no longer done is reopened; support changes are reassigned', () => {
    const { changes } = pair('deadlines');
    const gated = (gate: 'extended' | 'removed' | 'reassigned' | 'reopened') => failing(changes, [gate]).map((c) => `${c.activity ?? c.stage} ${c.kind}`);
    expect(gated('extended')).toEqual(['I deadline-moved']);
    expect(gated('removed')).toEqual(['I deadline-removed']);
    expect(gated('reopened')).toEqual(['I deadline-reopened']);
    expect(gated('reassigned')).toEqual(['1.1 support-changed']);
    expect(gatesOf(changes.find((c) => c.stage === 'II')!)).toEqual([]);
  });

  it('a deadline brought forward trips nothing', () => {
    const { changes } = pair('plan');
    expect(gatesOf(changes.find((c) => c.activity === '1.3')!)).toEqual([]);
  });
});
