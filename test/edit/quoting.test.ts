/**
 * Whatever an edit writes reads back, through the loader, as the text typed; and
 * invisible or reordering characters are written escaped, never raw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/calendar/date.js';
import { planEdit, type EditRequest } from '../../src/edit/apply.js';
import { parseRoadmap } from '../../src/load/parse.js';
import type { Activity } from '../../src/model.js';
import { roadmapYaml, run, tree } from '../helpers.js';

const TEXT = roadmapYaml(`      - id: "1.1"
        title: Block mapping
        window: 2019-03..2019-04
        responsible: A
        evidence:
          - https://example.org/a
      - id: "1.2"
        title: Flow windows
        responsible: A
        windows:
          - { label: first, window: 2019-05, evidence: [https://example.org/b] }
          - 2019-06
      - { id: "1.3", title: Flow activity, window: 2019-07, responsible: B }
`);

// Characters that must never be written raw: C0/C1 controls, DEL, line/paragraph separators, bidi and invisible controls.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

const WORDS = ['no', 'No', 'NO', 'false', 'False', 'off', 'OFF', 'null', 'Null', 'NULL', '~', 'yes', 'Yes', 'true', 'on', 'y', 'n', 'Y', 'N'];
const SYNTAX = [
  'a: b',
  'a:b',
  'x # y',
  'x#y',
  '- x',
  '-x',
  '[x]',
  '{x}',
  '*x',
  '&x',
  '!x',
  '|x',
  '>x',
  "'x",
  '"x',
  '%x',
  '@x',
  '`x',
  '? x',
  ', x',
  'a, b',
  'a]b',
  '#x',
  '-',
  '---',
  '...',
  "it's",
  'say "hi"',
  'back\\slash',
  '42',
  '1.10',
  '2019-04-20',
];
const INVISIBLE = [
  'x\u202Ey',
  '\u202E',
  'a\u2028b',
  'a\u2029b',
  'bell\u0007',
  'esc\u001b[31m',
  'nel\u0085',
  'c1\u009b',
  'del\u007f',
  'rlm\u200f',
  'iso\u2066x\u2069',
  'alm\u061c',
  'zw\u200b',
  'bom\ufeff',
  'tab\there',
  'two\nlines',
  'cr\rx',
];

function cases(): string[] {
  return [...WORDS, ...SYNTAX, ...INVISIBLE];
}

function activity(text: string, id: string): Activity {
  const r = parseRoadmap(text, 'r.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.roadmap.stages[0]!.activities.find((a) => a.id === id)!;
}

function edited(request: EditRequest): string {
  const r = planEdit(TEXT, 'r.yaml', request);
  if (!r.ok) throw new Error(`${r.message}\n${r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
  return r.text;
}

describe('a cancel reason reads back as typed', () => {
  it.each(cases())('%j in a block mapping, a flow mapping and a window entry', (reason) => {
    for (const [id, window] of [
      ['1.1', undefined],
      ['1.3', undefined],
      ['1.2', 'first'],
      ['1.2', '2'],
    ] as const) {
      const text = edited({ activity: id, window, edit: { kind: 'cancel', reason } });
      const a = activity(text, id);
      const got = window === undefined ? a.cancelled : a.windows[window === 'first' ? 0 : 1]!.cancelled;
      expect([id, window, got]).toEqual([id, window, reason]);
      expect(RAW.test(text)).toBe(false);
    }
  });

  it('writes the YAML words for false and null quoted', () => {
    expect(edited({ activity: '1.1', edit: { kind: 'cancel', reason: 'no' } })).toContain('        cancelled: "no"\n');
    expect(edited({ activity: '1.3', edit: { kind: 'cancel', reason: '~' } })).toContain(', cancelled: "~" }');
  });

  it('writes a bidi override escaped in a double-quoted scalar', () => {
    expect(edited({ activity: '1.1', edit: { kind: 'cancel', reason: 'paid \u202Eylno' } })).toContain('        cancelled: "paid \\u202Eylno"\n');
  });
});

describe('evidence reads back as typed', () => {
  it.each(cases())('%j appended to a block list, a flow list and a new list', (link) => {
    for (const [id, window, index] of [
      ['1.1', undefined, 0],
      ['1.2', 'first', 0],
      ['1.2', '2', 1],
      ['1.3', undefined, 0],
    ] as const) {
      const text = edited({ activity: id, window, edit: { kind: 'done', on: '2019-07-01' as CalendarDate, evidence: [link] } });
      const a = activity(text, id);
      const evidence = window === undefined ? a.evidence : a.windows[index]!.evidence;
      expect([id, window, evidence.at(-1)]).toEqual([id, window, link]);
      expect(RAW.test(text)).toBe(false);
    }
  });
});

describe('any text round-trips', () => {
  const alphabet = fc.constantFrom(
    ...Array.from('ab :#-[]{},&*!|>\'"%@`?~\\\t\n\u0000\u0007\u001b\u007f\u0085\u009b\u061c\u200b\u200d\u200f\u2028\u2029\u202a\u202e\u2066\u2069\ufeffé中😀'),
    'no',
    'null',
  );
  // A blank reason is refused (and trimmed away by the commands).
  const texts = fc
    .array(alphabet, { minLength: 1, maxLength: 12 })
    .map((a) => a.join(''))
    .filter((s) => s.trim() !== '');
  it('as a reason and as evidence, never leaving a raw control in the file', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const reason = edited({ activity: '1.1', edit: { kind: 'cancel', reason: s } });
        const evidence = edited({ activity: '1.3', edit: { kind: 'done', on: '2019-07-01' as CalendarDate, evidence: [s] } });
        return activity(reason, '1.1').cancelled === s && activity(evidence, '1.3').evidence.at(-1) === s && !RAW.test(reason) && !RAW.test(evidence);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the commands write what they are given', () => {
  it('cancel --reason no, then validate and status agree it is the reason "no"', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': TEXT });
    const file = path.join(dir, 'roadmaps/demo.yaml');
    expect((await run(['cancel', '1.1', '--reason', 'no'], { cwd: dir })).stdout).toBe('demo 1.1: cancelled: no\n');
    expect(readFileSync(file, 'utf8')).toContain('        cancelled: "no"\n');
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
    expect((await run(['done', '1.3', '--on', '2019-07-01', '--evidence', 'see\u202Eshown', '--today', '2019-07-15'], { cwd: dir })).code).toBe(0);
    const raw = readFileSync(file, 'utf8');
    expect(raw).toContain('evidence: ["see\\u202Eshown"]');
    expect(RAW.test(raw)).toBe(false);
  });
});
