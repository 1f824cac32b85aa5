/** Assessments at today T: the latest rating per assessor, the disagreements, the counts per assessor. */
import { describe, expect, it } from 'vitest';
import { assess, assessActivity, disagreementText } from '../../src/assess.js';
import { check, disagreementFindings, failed } from '../../src/check.js';
import { oneActivity, report } from './support.js';

const only = (text: string, today: string) => assessActivity(report(text, today).activities[0]!)!;
const latest = (text: string, today: string) =>
  only(text, today).latest.map(
    (l) => `${l.assessment.by} ${l.assessment.level}${l.assessment.window ? ` @${l.assessment.window}` : ''}${l.assessment.scale === 'completion' ? '' : ` on ${l.assessment.scale}`}`,
  );
const said = (text: string, today: string) => only(text, today).disagreements.map((d) => disagreementText(d));

describe('the latest rating per assessor at T', () => {
  const text = oneActivity(['{ by: CSO, as-of: 2024-03-31, level: not-started }', '{ by: CSO, as-of: 2024-06-30, level: limited }', '{ by: GOV, as-of: 2024-06-30, level: limited }']);

  it.each([
    ['2024-03-30', []],
    ['2024-03-31', ['CSO not-started']],
    ['2024-06-29', ['CSO not-started']],
    ['2024-06-30', ['CSO limited', 'GOV limited']],
  ])('at %s', (today, expected) => {
    expect(latest(text, today)).toEqual(expected);
  });

  it('is kept per scale and per window', () => {
    const t = oneActivity(
      [
        '{ by: GOV, as-of: 2024-03-31, window: first, level: complete }',
        '{ by: GOV, as-of: 2024-04-30, level: limited }',
        '{ by: GOV, as-of: 2024-05-31, scale: impact, level: major }',
        '{ by: GOV, as-of: 2024-06-30, window: second, level: limited }',
      ],
      'windows: [{ label: first, due: 2024-03-31, done: 2024-03-30 }, { label: second, due: 2024-12-31 }]',
    );
    expect(latest(t, '2024-07-01')).toEqual(['GOV complete @first', 'GOV limited', 'GOV major on impact', 'GOV limited @second']);
  });

  it('never changes the state', () => {
    const t = oneActivity(['{ by: GOV, as-of: 2024-03-31, level: complete }']);
    expect(report(t, '2024-07-01').activities[0]!.state).toBe('overdue');
    expect(report(t, '2024-04-01').activities[0]!.state).toBe('active');
  });
});

describe('disagreements', () => {
  it.each([
    ['two steps apart', ['{ by: GOV, as-of: 2024-03-31, level: substantial }', '{ by: CSO, as-of: 2024-04-15, level: not-started }'], ['GOV substantial vs CSO not-started: 2 steps apart']],
    ['three steps apart', ['{ by: GOV, as-of: 2024-03-31, level: complete }', '{ by: IRM, as-of: 2024-03-31, level: not-started }'], ['GOV complete vs IRM not-started: 3 steps apart']],
    ['one step apart is no disagreement', ['{ by: GOV, as-of: 2024-03-31, level: substantial }', '{ by: CSO, as-of: 2024-03-31, level: limited }'], []],
    ['no-evidence never counts', ['{ by: GOV, as-of: 2024-03-31, level: complete }', '{ by: CSO, as-of: 2024-03-31, level: no-evidence }'], []],
    [
      'an earlier rating no longer counts',
      ['{ by: GOV, as-of: 2024-03-31, level: complete }', '{ by: CSO, as-of: 2024-02-29, level: not-started }', '{ by: CSO, as-of: 2024-03-31, level: substantial }'],
      [],
    ],
    [
      'on a declared scale',
      ['{ by: GOV, as-of: 2024-03-31, scale: impact, level: major }', '{ by: CSO, as-of: 2024-03-31, scale: impact, level: no-change }'],
      ['GOV major on impact vs CSO no-change on impact: 2 steps apart'],
    ],
    ['not across scales', ['{ by: GOV, as-of: 2024-03-31, level: complete }', '{ by: CSO, as-of: 2024-03-31, scale: impact, level: worsened }'], []],
  ])('%s', (_, assessments, expected) => {
    expect(said(oneActivity(assessments), '2024-05-01')).toEqual(expected);
  });

  it('only once a rating is visible: as-of = T counts, T − 1 does not', () => {
    const t = oneActivity(['{ by: GOV, as-of: 2024-03-31, level: complete }', '{ by: CSO, as-of: 2024-04-15, level: limited }']);
    expect(said(t, '2024-04-14')).toEqual([]);
    expect(said(t, '2024-04-15')).toEqual(['GOV complete vs CSO limited: 2 steps apart']);
  });

  it('not across windows', () => {
    const t = oneActivity(
      ['{ by: GOV, as-of: 2024-03-31, window: first, level: complete }', '{ by: CSO, as-of: 2024-03-31, window: second, level: not-started }'],
      'windows: [{ label: first, due: 2024-03-31, done: 2024-03-30 }, { label: second, due: 2024-12-31 }]',
    );
    expect(said(t, '2024-04-01')).toEqual([]);
  });

  describe('done at T, yet rated low by an alternative or independent assessor', () => {
    const done = 'window: 2024-01..2024-06\n        done: 2024-05-20';
    it.each([
      ['limited by the alternative assessor', '{ by: CSO, as-of: 2024-05-31, level: limited }', ['done 2024-05-20, but alternative assessor CSO limited (as of 2024-05-31)']],
      ['not-started by the independent one', '{ by: IRM, as-of: 2024-05-31, level: not-started }', ['done 2024-05-20, but independent assessor IRM not-started (as of 2024-05-31)']],
      ['substantial is no disagreement', '{ by: CSO, as-of: 2024-05-31, level: substantial }', []],
      ['the self-assessment is not taken against it', '{ by: GOV, as-of: 2024-05-31, level: limited }', []],
      ['no-evidence is not taken against it', '{ by: CSO, as-of: 2024-05-31, level: no-evidence }', []],
    ])('%s', (_, assessment, expected) => {
      expect(said(oneActivity([assessment], done), '2024-06-01')).toEqual(expected);
    });

    it('only once done at T (a later done date does not count yet)', () => {
      const t = oneActivity(['{ by: CSO, as-of: 2024-05-01, level: limited }'], done);
      expect(said(t, '2024-05-19')).toEqual([]);
      expect(said(t, '2024-05-20')).toEqual(['done 2024-05-20, but alternative assessor CSO limited (as of 2024-05-01)']);
    });

    it("of a labelled window, by that window's state", () => {
      const t = oneActivity(['{ by: CSO, as-of: 2024-03-31, window: first, level: limited }'], 'windows: [{ label: first, due: 2024-03-31, done: 2024-03-30 }, { label: second, due: 2024-12-31 }]');
      expect(said(t, '2024-04-01')).toEqual(['done 2024-03-30 (first), but alternative assessor CSO limited (as of 2024-03-31)']);
    });
  });

  describe('rated complete while overdue at T', () => {
    const t = oneActivity(['{ by: GOV, as-of: 2024-06-15, level: complete }']);
    it.each([
      ['2024-06-30', []],
      ['2024-07-01', ['GOV complete (as of 2024-06-15), but overdue 1d']],
      ['2024-07-10', ['GOV complete (as of 2024-06-15), but overdue 10d']],
    ])('at %s', (today, expected) => {
      expect(said(t, today)).toEqual(expected);
    });

    it('substantial while overdue is none', () => {
      expect(said(oneActivity(['{ by: GOV, as-of: 2024-06-15, level: substantial }']), '2024-07-10')).toEqual([]);
    });
  });
});

describe('per assessor', () => {
  it('counts the latest ratings per scale and level, in scale order', () => {
    const t = `${oneActivity([
      '{ by: GOV, as-of: 2024-03-31, level: limited }',
      '{ by: GOV, as-of: 2024-04-30, level: complete }',
      '{ by: CSO, as-of: 2024-04-30, level: no-evidence }',
      '{ by: CSO, as-of: 2024-04-30, scale: impact, level: marginal }',
    ])}      - id: a2
        title: Second
        window: 2024
        responsible: GOVT
        assessments:
          - { by: GOV, as-of: 2024-04-30, level: limited }
`;
    const s = assess(report(t, '2024-05-01')).assessors;
    expect(s.map((x) => [x.assessor.id, x.activities.map((a) => a.report.activity.id), x.counts])).toEqual([
      ['GOV', ['a1', 'a2'], { completion: { limited: 1, complete: 1 } }],
      ['CSO', ['a1'], { completion: { 'no-evidence': 1 }, impact: { marginal: 1 } }],
      ['IRM', [], {}],
    ]);
  });

  it('a report without assessors costs nothing: the same empty result every time', () => {
    const plain = report(
      oneActivity([])
        .replace(/scales:[\s\S]*?stages:/, 'stages:')
        .replace(/\n {8}assessments:\n$/, '\n'),
      '2024-05-01',
    );
    expect(assess(plain)).toBe(
      assess(
        report(
          oneActivity([])
            .replace(/scales:[\s\S]*?stages:/, 'stages:')
            .replace(/\n {8}assessments:\n$/, '\n'),
          '2024-05-01',
        ),
      ),
    );
    expect(assess(plain).activities).toEqual([]);
  });
});

describe("the gate: disagreements as failing items at the assessment's line", () => {
  const t = oneActivity(['{ by: GOV, as-of: 2024-03-31, level: complete }', '{ by: CSO, as-of: 2024-04-15, level: limited }']);

  it('lists them with their line', () => {
    expect(disagreementFindings(report(t, '2024-05-01')).map((f) => [f.activity.activity.id, f.at.line, f.disagreement.kind])).toEqual([['a1', 23, 'apart']]);
  });

  it('fails only when asked to', () => {
    const r = report(t, '2024-05-01');
    expect(failed(check(r, ['overdue']))).toBe(false);
    expect(check(r, ['overdue']).disagreements).toEqual([]);
    const strict = check(r, ['overdue'], { disagreement: true });
    expect(failed(strict)).toBe(true);
    expect(strict.disagreements).toHaveLength(1);
    expect(strict.failing).toEqual([]);
  });
});
