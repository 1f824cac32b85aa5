/** planAssessments: what the loader refuses comes back as problems, in place, and nothing else changes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAssessments, type AssessmentRecord } from '../../src/edit/assess.js';
import { FIXTURES } from '../helpers.js';

const PLAIN = readFileSync(path.join(FIXTURES, 'assess', 'plain.yaml'), 'utf8');
const base = { activity: '1.1', by: 'NGOS', asOf: '2020-06-30', level: 'limited' };
const at = { file: 'ngo.csv', line: 5, column: 9 };

function problems(records: AssessmentRecord[], text = PLAIN): string[] {
  const plan = planAssessments(text, 'plain.yaml', records);
  if (plan.ok) throw new Error('expected problems');
  return plan.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
}

describe('planAssessments refuses what the loader refuses', () => {
  it.each([
    ['unknown assessor', { ...base, by: 'NGO' }, "plain.yaml:14:9: unknown assessor 'NGO'; did you mean 'NGOS'?"],
    [
      'level not on the scale',
      { ...base, level: 'limted' },
      "plain.yaml:14:9: 'limted' is not a level of the scale completion (not-started < limited < substantial < complete; or no-evidence); did you mean 'limited'?",
    ],
    ['unknown scale', { ...base, scale: 'impact' }, "plain.yaml:14:9: unknown scale 'impact' (scales: completion)"],
    ['unknown window', { ...base, activity: '1.2', window: '6th mnth' }, "plain.yaml:19:9: no window labelled '6th mnth'; did you mean '6th month'?"],
    ['published before as-of', { ...base, published: '2020-06-01' }, 'plain.yaml:14:9: published 2020-06-01 is before as-of 2020-06-30: a rating describes a date on or before its publication'],
    ['not a date', { ...base, asOf: '2020-13-01' }, 'plain.yaml:14:9: 2020-13-01 is not a calendar date'],
    ['unknown activity', { ...base, activity: '1.9' }, "plain.yaml:0:0: no activity '1.9' in roadmap plain; did you mean '1.1', '1.2'?"],
    ['another roadmap', { ...base, activity: 'other:1.1' }, "plain.yaml:0:0: no roadmap 'other' (roadmaps: 'plain')"],
  ])('%s', (_, record, said) => {
    expect(problems([record])).toEqual([said]);
  });

  it("a duplicate as-of, within the records or with the file, is reported at the record's own place", () => {
    expect(problems([base, { ...base, level: 'complete', at }])).toEqual(['ngo.csv:5:9: a second assessment by NGOS as of 2020-06-30: the first is also given here']);
  });

  it('a roadmap without assessors', () => {
    expect(problems([base], PLAIN.replace(/assessors:\n.*\n.*\n/, ''))).toEqual(['plain.yaml:0:0: roadmap plain declares no assessors: declare them under assessors: at the top of plain.yaml']);
  });

  it('a note cannot add a key or end the mapping', () => {
    const note = '}\nlevel: complete\n  x: {';
    const plan = planAssessments(PLAIN, 'plain.yaml', [{ ...base, note }]);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.text).toContain('note: "}\\nlevel: complete\\n  x: {" }');
    const a = plan.roadmap.stages[0]!.activities[0]!;
    expect(a.assessments?.map((x) => [x.level, x.note])).toEqual([['limited', note]]);
  });

  it('no records: the text unchanged', () => {
    const plan = planAssessments(PLAIN, 'plain.yaml', []);
    expect(plan.ok && plan.text === PLAIN && plan.summary === '').toBe(true);
  });
});

describe('planAssessments names the earlier rating of a duplicate', () => {
  it('in the file, by its line', () => {
    const once = planAssessments(PLAIN, 'plain.yaml', [base]);
    if (!once.ok) throw new Error('first');
    expect(problems([{ ...base, at }], once.text)).toEqual(['ngo.csv:5:9: a second assessment by NGOS as of 2020-06-30: the first is at line 20']);
  });
  it('in the sheet, by its row', () => {
    expect(
      problems([
        { ...base, at: { ...at, line: 3 } },
        { ...base, at },
      ]),
    ).toEqual(['ngo.csv:5:9: a second assessment by NGOS as of 2020-06-30: the first is at ngo.csv:3']);
  });
});
