/** The assessment format (SPEC §1, Assessments): what the loader accepts and refuses, at file:line:col. */
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/load/index.js';
import { HEAD, oneActivity } from './support.js';

function problems(text: string): string[] {
  const r = parseRoadmap(text, 'r.yaml');
  expect(r.ok).toBe(false);
  return r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('assessors, scales and assessments load', () => {
  it('reads assessors (entity, alias or name), scales and every field of an assessment', () => {
    const r = parseRoadmap(
      oneActivity([
        '{ by: CSO, as-of: 2024-03-31, published: 2024-04-10, level: limited, source: https://x.org/r1, evidence: [https://x.org/e], note: two of five }',
        '{ by: IRM, as-of: 2024-03-31, scale: impact, level: marginal }',
      ]),
      'r.yaml',
    );
    expect(r.problems).toEqual([]);
    const roadmap = r.roadmap!;
    expect([...roadmap.assessors!.values()].map((a) => [a.id, a.entity, a.name, a.kind, a.at.line])).toEqual([
      ['GOV', 'GOVT', 'Government office', 'self', 10],
      ['CSO', 'CS', 'Civil society network', 'alternative', 11],
      ['IRM', null, 'Independent Reporting Mechanism', 'independent', 12],
    ]);
    expect([...roadmap.scales!.values()].map((s) => [s.name, s.levels])).toEqual([['impact', ['worsened', 'no-change', 'marginal', 'major']]]);
    expect(roadmap.stages[0]!.activities[0]!.assessments).toEqual([
      {
        by: 'CSO',
        asOf: '2024-03-31',
        published: '2024-04-10',
        scale: 'completion',
        level: 'limited',
        window: null,
        source: 'https://x.org/r1',
        evidence: ['https://x.org/e'],
        note: 'two of five',
        at: { file: 'r.yaml', line: 22, column: 13 },
      },
      { by: 'IRM', asOf: '2024-03-31', published: null, scale: 'impact', level: 'marginal', window: null, source: null, evidence: [], note: null, at: { file: 'r.yaml', line: 23, column: 13 } },
    ]);
  });

  it('a roadmap without assessors has none in its model, nor its activities', () => {
    const r = parseRoadmap(`${HEAD.replace(/scales:[\s\S]*?stages:/, 'stages:')}      - { id: a1, title: A, window: 2024, responsible: GOVT }\n`, 'r.yaml');
    expect(r.problems).toEqual([]);
    expect(r.roadmap!.assessors).toBeUndefined();
    expect(r.roadmap!.scales).toBeUndefined();
    expect(r.roadmap!.stages[0]!.activities[0]!.assessments).toBeUndefined();
  });

  it('accepts no-evidence on the built-in scale and on a declared one', () => {
    const r = parseRoadmap(oneActivity(['{ by: IRM, as-of: 2024-03-31, level: no-evidence }', '{ by: IRM, as-of: 2024-03-31, scale: impact, level: no-evidence }']), 'r.yaml');
    expect(r.problems).toEqual([]);
  });

  it('rates a labelled window', () => {
    const r = parseRoadmap(
      oneActivity(['{ by: GOV, as-of: 2024-03-31, window: 6th month, level: complete }'], 'windows: [{ label: 6th month, due: 2024-06-30 }, { label: 12th month, due: 2024-12-31 }]'),
      'r.yaml',
    );
    expect(r.problems).toEqual([]);
    expect(r.roadmap!.stages[0]!.activities[0]!.assessments![0]!.window).toBe('6th month');
  });
});

describe('assessment mistakes are errors at their place, with a suggestion', () => {
  it.each([
    ['an unknown assessor', '{ by: CS0, as-of: 2024-03-31, level: limited }', ["22:19 unknown assessor 'CS0'; did you mean 'CSO'?"]],
    ['an unknown assessor, nothing near', '{ by: WORLD, as-of: 2024-03-31, level: limited }', ["22:19 unknown assessor 'WORLD' (assessors: GOV, CSO, IRM)"]],
    ['an unknown scale', '{ by: CSO, as-of: 2024-03-31, scale: impacts, level: major }', ["22:50 unknown scale 'impacts'; did you mean 'impact'?"]],
    [
      'a level not on the built-in scale',
      '{ by: CSO, as-of: 2024-03-31, level: limted }',
      ["22:50 'limted' is not a level of the scale completion (not-started < limited < substantial < complete; or no-evidence); did you mean 'limited'?"],
    ],
    [
      'a level not on a declared scale',
      '{ by: CSO, as-of: 2024-03-31, scale: impact, level: limited }',
      ["22:65 'limited' is not a level of the scale impact (worsened < no-change < marginal < major; or no-evidence)"],
    ],
    [
      'published before as-of',
      '{ by: CSO, as-of: 2024-03-31, published: 2024-03-30, level: limited }',
      ['22:54 published 2024-03-30 is before as-of 2024-03-31: a rating describes a date on or before its publication'],
    ],
    [
      'a window on an activity without labelled windows',
      '{ by: CSO, as-of: 2024-03-31, window: 6th month, level: limited }',
      ["22:51 no window labelled '6th month': the activity has no labelled windows"],
    ],
    ['a missing as-of', '{ by: CSO, level: limited }', ["22:13 assessment is missing 'as-of'"]],
    ['a misspelt key', '{ by: CSO, as_of: 2024-03-31, level: limited }', ["22:24 unknown key 'as_of' in assessment; did you mean 'as-of'?"]],
  ])('%s', (_, assessment, expected) => {
    expect(problems(oneActivity([assessment]))).toEqual(expected);
  });

  it('an unknown window label, with did-you-mean', () => {
    expect(
      problems(oneActivity(['{ by: GOV, as-of: 2024-03-31, window: 6th mnth, level: complete }'], 'windows: [{ label: 6th month, due: 2024-06-30 }, { label: 12th month, due: 2024-12-31 }]')),
    ).toEqual(["22:51 no window labelled '6th mnth'; did you mean '6th month'?"]);
  });

  it('two assessments by one assessor with the same as-of, scale and window', () => {
    expect(
      problems(oneActivity(['{ by: CSO, as-of: 2024-03-31, level: limited }', '{ by: CSO, as-of: 2024-03-31, scale: impact, level: major }', '{ by: CSO, as-of: 2024-03-31, level: substantial }'])),
    ).toEqual(['24:13 a second assessment by CSO as of 2024-03-31: the first is at line 22']);
  });

  it('the same as-of by two assessors, or one assessor at two dates, is fine', () => {
    const r = parseRoadmap(
      oneActivity(['{ by: CSO, as-of: 2024-03-31, level: limited }', '{ by: GOV, as-of: 2024-03-31, level: limited }', '{ by: CSO, as-of: 2024-04-01, level: limited }']),
      'r.yaml',
    );
    expect(r.problems).toEqual([]);
  });

  it.each([
    [
      'a scale named completion',
      HEAD.replace('  impact: [', '  completion: [a, b]\n  impact: ['),
      ["8:3 the scale 'completion' is built in (not-started < limited < substantial < complete): give yours another name"],
    ],
    ['a kind that is none of the three', HEAD.replace('kind: independent', 'kind: independant'), ["12:55 'independant' is not one of self, alternative, independent; did you mean 'independent'?"]],
    [
      'an assessor with neither entity nor name',
      HEAD.replace('{ name: Independent Reporting Mechanism, kind: independent }', '{ kind: independent }'),
      ['12:8 an assessor has entity: (an entity of this roadmap) or name:'],
    ],
    ['an assessor without a kind', HEAD.replace(', kind: self', ''), ["10:8 assessor is missing 'kind'"]],
    ['an entity that is none of the roadmap', HEAD.replace('entity: GOVT', 'entity: GOVV'), ["10:18 unknown entity 'GOVV'; did you mean 'GOVT'?"]],
  ])('%s', (_, head, expected) => {
    expect(problems(`${head}      - { id: a1, title: A, window: 2024, responsible: GOVT }\n`)).toEqual(expected);
  });

  it('assessments in a roadmap without assessors', () => {
    const text = oneActivity(['{ by: CSO, as-of: 2024-03-31, level: limited }']).replace(/scales:[\s\S]*?stages:/, 'stages:');
    expect(problems(text)).toEqual(['16:11 assessments need assessors: declare them under assessors: at the top of the roadmap']);
  });
});

describe('lint', async () => {
  const { lint } = await import('../../src/load/lint.js');
  it('warns about an assessment without a source, at its line', () => {
    const r = parseRoadmap(oneActivity(['{ by: CSO, as-of: 2024-03-31, level: limited, source: https://x.org/r }', '{ by: GOV, as-of: 2024-03-31, level: limited }']), 'r.yaml');
    expect(lint(r.roadmap!, '2024-04-01' as never).filter((p) => p.message.includes('assessment'))).toEqual([
      { file: 'r.yaml', line: 23, column: 13, severity: 'warning', message: 'the assessment of a1 by GOV as of 2024-03-31 has no source: add source: (the report it comes from)' },
    ]);
  });
});

describe('the shipped roadmap', () => {
  it("declares the two monitorings as assessors (3.4 the CCC's own, 3.3 the NGOs' alternative) and records no rating", async () => {
    const { readFileSync } = await import('node:fs');
    const { SHIPPED } = await import('../helpers.js');
    const r = parseRoadmap(readFileSync(SHIPPED, 'utf8'), 'az.yaml');
    expect([...r.roadmap!.assessors!.values()].map((a) => [a.id, a.entity, a.kind])).toEqual([
      ['CCC', 'CCC', 'self'],
      ['NGOS', 'NGOS', 'alternative'],
    ]);
    expect(r.roadmap!.stages.flatMap((s) => s.activities).filter((a) => a.assessments)).toEqual([]);
  });
});
