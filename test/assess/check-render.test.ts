/** Every check format names a disagreement when `disagreement` fails the gate (pure renderers; the example roadmap). */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { checkJson } from '../../src/render/check-json.js';
import { renderCheckMarkdown } from '../../src/render/check-markdown.js';
import { renderCheckText } from '../../src/render/check-text.js';
import { renderCheckGithub } from '../../src/render/github.js';
import { renderJunit } from '../../src/render/junit.js';
import { plain } from '../../src/render/paint.js';
import { reportOf } from '../render/support.js';
import { EXAMPLE } from './support.js';

const FILE = 'examples/city-open-data.yaml';
const result = (today: string, disagreement = true) => check(reportOf(EXAMPLE, today, {}, FILE), ['overdue'], { disagreement });

describe('check names disagreements in every format', () => {
  it('text: a line each, at the assessment, and the verdict counts them', () => {
    expect(renderCheckText(result('2024-11-15'), plain)).toBe(
      [
        'city-open-data A2 · Publish the budget monthly · overdue 46d · CITY · examples/city-open-data.yaml:37',
        'city-open-data A2 · Publish the budget monthly · disagreement: CITY complete vs PANEL limited: 2 steps apart · examples/city-open-data.yaml:43',
        'city-open-data A2 · Publish the budget monthly · disagreement: CITY complete (as of 2024-09-30), but overdue 46d · examples/city-open-data.yaml:42',
        '',
        '✗ 1 window failing (overdue, disagreement) in 1 of 3 activities; 2 disagreements between ratings (today 2024-11-15, horizon 14 days)',
        '',
      ].join('\n'),
    );
  });

  it('text: disagreements alone fail; without the flag they are not listed', () => {
    expect(renderCheckText(result('2024-07-15'), plain).split('\n').slice(-2)).toEqual([
      '✗ 2 disagreements between ratings failing (overdue, disagreement) among 3 activities (today 2024-07-15, horizon 14 days)',
      '',
    ]);
    expect(renderCheckText(result('2024-07-15', false), plain)).toBe('✓ nothing failing (overdue) among 3 activities (today 2024-07-15, horizon 14 days)\n');
  });

  it("github: an error at the assessment's line", () => {
    expect(renderCheckGithub(result('2024-07-15'))).toBe(
      [
        '::error file=examples/city-open-data.yaml,line=30,col=13,title=city-open-data A1 disagreement::Launch the open data portal — disagreement: CITY complete vs CSO limited: 2 steps apart',
        '::error file=examples/city-open-data.yaml,line=30,col=13,title=city-open-data A1 disagreement::Launch the open data portal — disagreement: done 2024-06-20, but alternative assessor CSO limited (as of 2024-06-30)',
        '',
      ].join('\n'),
    );
  });

  it('junit: a failed testcase each, in a suite of their own', () => {
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(renderJunit(result('2024-11-15')));
    expect(doc.testsuites['@_name']).toBe('roadmap check (fail on overdue, disagreement, today 2024-11-15)');
    expect([doc.testsuites['@_tests'], doc.testsuites['@_failures']]).toEqual(['6', '3']);
    const suite = doc.testsuites.testsuite[1];
    expect(suite['@_name']).toBe('disagreements between ratings');
    expect(suite.testcase.map((c: { failure: Record<string, string> }) => [c.failure['@_type'], c.failure['@_message'], c.failure['#text']])).toEqual([
      [
        'disagreement',
        'disagreement: CITY complete vs PANEL limited: 2 steps apart',
        'city-open-data A2: disagreement: CITY complete vs PANEL limited: 2 steps apart; examples/city-open-data.yaml:43',
      ],
      [
        'disagreement',
        'disagreement: CITY complete (as of 2024-09-30), but overdue 46d',
        'city-open-data A2: disagreement: CITY complete (as of 2024-09-30), but overdue 46d; examples/city-open-data.yaml:42',
      ],
    ]);
  });

  it('junit: no suite of disagreements without the flag', () => {
    expect(renderJunit(result('2024-11-15', false))).not.toContain('disagreement');
  });

  it('markdown: a table of disagreements after the failing windows', () => {
    const out = renderCheckMarkdown(result('2024-11-15'));
    expect(out.split('\n')[0]).toBe('## ❌ Roadmap check: 1 window failing (overdue, disagreement) in 1 of 3 activities; 2 disagreements between ratings');
    expect(out).toContain(
      [
        '### Disagreements between ratings',
        '',
        '| Activity | Title | Disagreement | Where |',
        '| --- | --- | --- | --- |',
        '| city-open-data A2 | Publish the budget monthly | ⚠️ CITY complete vs PANEL limited: 2 steps apart | examples/city-open-data.yaml:43 |',
        '| city-open-data A2 | Publish the budget monthly | ⚠️ CITY complete (as of 2024-09-30), but overdue 46d | examples/city-open-data.yaml:42 |',
      ].join('\n'),
    );
  });

  it('json: failOn and failed say so, and each disagreement names assessors, levels and line', () => {
    const doc = checkJson(result('2024-07-15'));
    expect([doc.failOn, doc.failed, doc.activities.map((a) => a.id)]).toEqual([['overdue', 'disagreement'], true, ['A1']]);
    expect(doc.disagreements).toEqual([
      {
        roadmap: 'city-open-data',
        activity: 'A1',
        file: FILE,
        kind: 'apart',
        window: null,
        message: 'CITY complete vs CSO limited: 2 steps apart',
        line: 30,
        scale: 'completion',
        steps: 2,
        ratings: [
          { by: 'CITY', kind: 'self', level: 'complete', asOf: '2024-06-30', line: 29 },
          { by: 'CSO', kind: 'alternative', level: 'limited', asOf: '2024-06-30', line: 30 },
        ],
      },
      {
        roadmap: 'city-open-data',
        activity: 'A1',
        file: FILE,
        kind: 'done-but-rated-low',
        window: null,
        message: 'done 2024-06-20, but alternative assessor CSO limited (as of 2024-06-30)',
        line: 30,
        scale: 'completion',
        done: '2024-06-20',
        ratings: [{ by: 'CSO', kind: 'alternative', level: 'limited', asOf: '2024-06-30', line: 30 }],
      },
    ]);
  });

  it('json: without the flag, as before', () => {
    const doc = checkJson(result('2024-07-15', false));
    expect([doc.failOn, doc.failed, 'disagreements' in doc]).toEqual([['overdue'], false, false]);
  });
});
