/**
 * Recording ratings (planAssessments) on fixtures in different styles: the result
 * must equal the committed expected file byte for byte, and a line diff must show
 * only the new lines. UPDATE_GOLDEN=1 rewrites the expected files (review them).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedLines } from './changed-lines.js';
import { planAssessments, type AssessmentRecord } from '../../src/edit/assess.js';
import { parseRoadmap } from '../../src/load/parse.js';
import { FIXTURES } from '../helpers.js';

const DIR = path.join(FIXTURES, 'assess');
const EXPECTED = path.join(DIR, 'expected');

interface Case {
  readonly name: string;
  readonly fixture: string;
  readonly records: AssessmentRecord[];
  readonly summary: string;
  readonly removed: string[];
  readonly added: string[];
}

const NGOS = { by: 'NGOS', asOf: '2020-06-30' } as const;

const CASES: Case[] = [
  {
    name: 'plain-new-list',
    fixture: 'plain.yaml',
    records: [{ ...NGOS, activity: '1.1', level: 'limited', source: 'https://example.org/m1', note: 'no' }],
    summary: 'plain 1.1: NGOS limited as of 2020-06-30',
    removed: [],
    added: ['        assessments:', '          - { by: NGOS, as-of: 2020-06-30, level: limited, source: https://example.org/m1, note: "no" }'],
  },
  {
    name: 'plain-after-block-scalar',
    fixture: 'plain.yaml',
    records: [
      { ...NGOS, activity: 'plain:1.2', window: '6th month', level: 'substantial', evidence: ['https://example.org/a', 'https://example.org/b,c'] },
      { by: 'GOV', asOf: '2020-06-30', activity: '1.2', level: 'complete', published: '2020-07-01', note: 'Done: see "minutes"\u202e' },
    ],
    summary: 'plain 1.2 [6th month]: NGOS substantial as of 2020-06-30\nplain 1.2: GOV complete as of 2020-06-30',
    removed: [],
    added: [
      '        assessments:',
      '          - { by: NGOS, as-of: 2020-06-30, window: 6th month, level: substantial, evidence: [https://example.org/a, "https://example.org/b,c"] }',
      '          - { by: GOV, as-of: 2020-06-30, published: 2020-07-01, level: complete, note: "Done: see \\"minutes\\"\\u202E" }',
    ],
  },
  {
    name: 'commented-block-items',
    fixture: 'commented.yaml',
    records: [{ ...NGOS, activity: '1.1', level: 'limited', note: 'key: value # not a comment' }],
    summary: 'commented 1.1: NGOS limited as of 2020-06-30',
    removed: [],
    added: ['        - by: NGOS', '          as-of: 2020-06-30', '          level: limited', '          note: "key: value # not a comment"'],
  },
  {
    name: 'commented-new-list',
    fixture: 'commented.yaml',
    records: [
      { ...NGOS, activity: '1.2', level: 'not-started' },
      { ...NGOS, activity: '1.3', level: 'no-evidence', asOf: '2020-09-30' },
    ],
    summary: 'commented 1.2: NGOS not-started as of 2020-06-30\ncommented 1.3: NGOS no-evidence as of 2020-09-30',
    removed: [],
    added: [
      '        assessments:',
      '        - by: NGOS',
      '          as-of: 2020-06-30',
      '          level: not-started',
      '        assessments:',
      '        - by: NGOS',
      '          as-of: 2020-09-30',
      '          level: no-evidence',
    ],
  },
  {
    name: 'flow-list',
    fixture: 'flow.yaml',
    records: [{ ...NGOS, activity: '1.1', level: 'limited' }],
    summary: 'flow 1.1: NGOS limited as of 2020-06-30',
    removed: ['      - {id: "1.1", title: Draft the plan, window: 2020-01..2020-03, responsible: GOV, assessments: [{by: GOV, as-of: 2020-03-31, level: complete}]}'],
    added: [
      '      - {id: "1.1", title: Draft the plan, window: 2020-01..2020-03, responsible: GOV, assessments: [{by: GOV, as-of: 2020-03-31, level: complete}, {by: NGOS, as-of: 2020-06-30, level: limited}]}',
    ],
  },
  {
    name: 'flow-activity',
    fixture: 'flow.yaml',
    records: [{ ...NGOS, activity: '1.2', level: 'substantial', note: 'a, b' }],
    summary: 'flow 1.2: NGOS substantial as of 2020-06-30',
    removed: ['      - {id: "1.2", title: Consult the public, window: 2020-04..2020-06, responsible: GOV}'],
    added: ['      - {id: "1.2", title: Consult the public, window: 2020-04..2020-06, responsible: GOV, assessments: [{by: NGOS, as-of: 2020-06-30, level: substantial, note: "a, b"}]}'],
  },
  {
    name: 'flow-style-block-activity',
    fixture: 'flow.yaml',
    records: [{ ...NGOS, activity: '1.3', level: 'limited', asOf: '2020-09-30' }],
    summary: 'flow 1.3: NGOS limited as of 2020-09-30',
    removed: [],
    added: ['        assessments: [{by: NGOS, as-of: 2020-09-30, level: limited}]'],
  },
  {
    name: 'crlf-append',
    fixture: 'crlf-bom.yaml',
    records: [{ ...NGOS, activity: '1.1', level: 'limited' }],
    summary: 'crlf 1.1: NGOS limited as of 2020-06-30',
    removed: [],
    added: ['          - { by: NGOS, as-of: 2020-06-30, level: limited }'],
  },
  {
    name: 'crlf-last-line',
    fixture: 'crlf-bom.yaml',
    records: [{ ...NGOS, activity: '1.2', level: 'complete' }],
    summary: 'crlf 1.2: NGOS complete as of 2020-06-30',
    // The last line gains the line break it lacked; the file still has no final newline.
    removed: ['        responsible: GOV'],
    added: ['        responsible: GOV', '        assessments:', '          - { by: NGOS, as-of: 2020-06-30, level: complete }'],
  },
];

describe("planAssessments writes only the new lines, in the file's style (golden files)", () => {
  it.each(CASES)('$name', (c) => {
    const original = readFileSync(path.join(DIR, c.fixture), 'utf8');
    const plan = planAssessments(original, c.fixture, c.records);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.summary).toBe(c.summary);
    const golden = path.join(EXPECTED, `${c.name}.yaml`);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(golden, plan.text);
    }
    expect(plan.text).toBe(readFileSync(golden, 'utf8'));
    expect(changedLines(original, plan.text)).toEqual({ removed: c.removed, added: c.added });
    expect(plan.text.startsWith('\ufeff')).toBe(original.startsWith('\ufeff'));
    expect(plan.text.includes('\r\n')).toBe(original.includes('\r\n'));
    if (original.includes('\r\n')) expect(plan.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(plan.text.endsWith('\n')).toBe(original.endsWith('\n'));
    // Read back, the notes and links are exactly as given.
    const back = parseRoadmap(plan.text, c.fixture);
    if (!back.ok) throw new Error('result does not load');
    const all = back.roadmap.stages.flatMap((s) => s.activities).flatMap((a) => a.assessments ?? []);
    for (const r of c.records) {
      expect(
        all.some(
          (x) =>
            x.by === r.by &&
            x.asOf === r.asOf &&
            x.level === r.level &&
            x.note === (r.note ?? null) &&
            x.window === (r.window ?? null) &&
            JSON.stringify(x.evidence) === JSON.stringify(r.evidence ?? []),
        ),
      ).toBe(true);
    }
  });
});
