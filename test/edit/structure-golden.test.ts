/**
 * Golden files for the structure edits (add, add-stage, add-entity, assign, set,
 * remove) on plain, commented, flow-style and CRLF+BOM fixtures: the result equals
 * the committed expected file byte for byte, and a line diff shows only the
 * intended lines. UPDATE_GOLDEN=1 rewrites the expected files (review them first).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedLines } from './changed-lines.js';
import { FIXTURES, run, tree } from '../helpers.js';

const DIR = path.join(FIXTURES, 'edit');
const EXPECTED = path.join(DIR, 'expected');

interface Case {
  readonly name: string;
  readonly fixture: 'plain.yaml' | 'rich.yaml' | 'flow.yaml' | 'crlf-bom.yaml';
  readonly args: string[];
  readonly says: string;
  /** Whole lines, without their line ending. */
  readonly removed: string[];
  readonly added: string[];
}

const FLOW_S2 = '  - {id: S2, title: Flow list stage, activities: [{id: "2.1", title: In a flow list, window: 2019-05, responsible: A}, {id: "2.2", title: Another, window: 2019-06, responsible: B}]}';

const CASES: Case[] = [
  // plain
  {
    name: 'assign-plain',
    fixture: 'plain.yaml',
    args: ['assign', '1.1', '--responsible', 'B'],
    says: 'plain 1.1: responsible B',
    removed: ['        responsible: A'],
    added: ['        responsible: B'],
  },
  {
    name: 'assign-plain-support',
    fixture: 'plain.yaml',
    args: ['assign', '1.1', '--responsible', 'A,B', '--support', 'B'],
    says: 'plain 1.1: responsible A, B, support B',
    removed: ['        responsible: A'],
    added: ['        responsible: [A, B]', '        support: [B]'],
  },
  {
    name: 'assign-plain-no-support',
    fixture: 'plain.yaml',
    args: ['assign', '1.2', '--support', ''],
    says: 'plain 1.2: no support',
    removed: ['        support: [B]'],
    added: [],
  },
  {
    name: 'set-plain',
    fixture: 'plain.yaml',
    args: ['set', '1.1', '--title', 'Key: value #not a comment', '--notes', 'Two\nlines', '--tags', 'a,b'],
    says: 'plain 1.1: title "Key: value #not a comment", notes "Two lines", tags a, b',
    removed: ['        title: First activity'],
    added: ['        title: "Key: value #not a comment"', '        notes: "Two\\nlines"', '        tags: [a, b]'],
  },
  {
    name: 'set-plain-no-tags',
    fixture: 'plain.yaml',
    args: ['set', '1.2', '--tags', ''],
    says: 'plain 1.2: no tags',
    removed: ['        tags: [x]'],
    added: [],
  },
  {
    name: 'add-plain',
    fixture: 'plain.yaml',
    args: ['add', 'S1', '--id', '1.10', '--title', 'Tenth', '--window', '2019-06', '--responsible', 'A', '--support', 'B'],
    says: 'plain 1.10: added to stage S1',
    removed: [],
    added: ['      - id: "1.10"', '        title: Tenth', '        window: 2019-06', '        responsible: A', '        support: [B]'],
  },
  {
    name: 'add-plain-after',
    fixture: 'plain.yaml',
    args: ['add', 'S1', '--id', '1.1a', '--title', 'Between', '--window', '1.1.end + 1 day..1.1.end + 1 month', '--responsible', 'B', '--after', '1.1'],
    says: 'plain 1.1a: added to stage S1 after 1.1',
    removed: [],
    added: ['      - id: "1.1a"', '        title: Between', '        window: 1.1.end + 1 day..1.1.end + 1 month', '        responsible: B'],
  },
  {
    name: 'remove-plain',
    fixture: 'plain.yaml',
    args: ['remove', '1.1'],
    says: 'plain 1.1: removed ("First activity")',
    removed: ['      - id: "1.1"', '        title: First activity', '        window: 2019-03..2019-04', '        responsible: A'],
    added: [],
  },
  {
    name: 'remove-plain-only-activity',
    fixture: 'plain.yaml',
    args: ['remove', '2.1'],
    says: 'plain 2.1: removed ("Only activity of S2")',
    removed: ['    activities:', '      - id: "2.1"', '        title: Only activity of S2', '        window: 2019-07', '        responsible: A'],
    added: [],
  },
  {
    name: 'add-stage-plain',
    fixture: 'plain.yaml',
    args: ['add-stage', '--id', 'S1b', '--title', 'Between stages', '--window', '2019-06..2019-07', '--after', 'S1'],
    says: 'plain S1b: stage added after S1',
    removed: [],
    added: ['  - id: S1b', '    title: Between stages', '    window: 2019-06..2019-07'],
  },
  {
    name: 'add-entity-plain',
    fixture: 'plain.yaml',
    args: ['add-entity', 'C', '--name', 'Gamma: group'],
    says: 'plain C: entity added: Gamma: group',
    removed: [],
    added: ['  C: "Gamma: group"'],
  },
  {
    name: 'add-entity-plain-alias',
    fixture: 'plain.yaml',
    args: ['add-entity', 'C', '--name', 'Gamma', '--alias', 'G', '--alias', 'Gamma group'],
    says: 'plain C: entity added: Gamma',
    removed: [],
    added: ['  C: {name: Gamma, aliases: [G, Gamma group]}'],
  },
  // commented, quoted, block scalars
  {
    name: 'assign-rich-add-support',
    fixture: 'rich.yaml',
    args: ['assign', '1.3', '--support', 'A'],
    says: 'rich 1.3: support A',
    removed: [],
    added: ['        support: [A]'],
  },
  {
    name: 'set-rich-block-scalars',
    fixture: 'rich.yaml',
    args: ['set', '1.3', '--title', 'Short title', '--notes', 'one line'],
    says: 'rich 1.3: title "Short title", notes "one line"',
    removed: ['        title: >-', '          A folded title that', '          runs over two lines', '        notes: |', '          Block scalar notes', '          with two lines.'],
    added: ['        title: Short title', '        notes: one line'],
  },
  {
    name: 'set-rich-quoted',
    fixture: 'rich.yaml',
    args: ['set', '1.1', '--title', "It's done"],
    says: 'rich 1.1: title "It\'s done"',
    removed: ["        title: 'Plain block mapping, quoted id'"],
    added: ["        title: 'It''s done'"],
  },
  {
    name: 'add-rich-quoted-window',
    fixture: 'rich.yaml',
    args: ['add', 'S1', '--id', '1.6', '--title', 'New: one', '--window', '2019-09', '--responsible', 'A', '--after', '1.1'],
    says: 'rich 1.6: added to stage S1 after 1.1',
    removed: [],
    added: ['      - id: "1.6"', '        title: "New: one"', '        window: "2019-09"', '        responsible: A'],
  },
  {
    name: 'add-rich-after-flow',
    fixture: 'rich.yaml',
    args: ['add', 'S1', '--id', '1.6', '--title', 'New', '--window', '2019-09', '--responsible', 'A,B', '--after', '1.2'],
    says: 'rich 1.6: added to stage S1 after 1.2',
    removed: [],
    added: ['      - {id: "1.6", title: New, window: 2019-09, responsible: [A, B]}'],
  },
  {
    name: 'remove-rich-with-comment',
    fixture: 'rich.yaml',
    args: ['remove', '1.4'],
    says: 'rich 1.4: removed ("Already done, then reopened")',
    removed: [
      '      # A comment after 1.3, before 1.4.',
      '      - id: "1.4"',
      '        title: Already done, then reopened',
      '        window: 2019-02',
      '        responsible: A',
      '        started: "2019-02-01"',
      "        done: '2019-02-27'  # done on time",
      '        evidence: [https://example.org/a, "https://example.org/b"]',
      '        tags: [x]',
    ],
    added: [],
  },
  {
    name: 'remove-rich-between-blank-lines',
    fixture: 'rich.yaml',
    args: ['remove', '1.2'],
    says: 'rich 1.2: removed ("Flow mapping activity")',
    removed: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-05, responsible: [A, B]}', ''],
    added: [],
  },
  {
    name: 'add-entity-rich-alias',
    fixture: 'rich.yaml',
    args: ['add-entity', 'C', '--name', 'Gamma', '--alias', 'G'],
    says: 'rich C: entity added: Gamma',
    removed: [],
    added: ['  C: { name: Gamma, aliases: [G] }'],
  },
  // flow style
  {
    name: 'add-flow',
    fixture: 'flow.yaml',
    args: ['add', 'S1', '--id', '1.3', '--title', 'Third, with a comma', '--window', '2019-05', '--responsible', 'A'],
    says: 'flow 1.3: added to stage S1',
    removed: [],
    added: ['      - { id: "1.3", title: "Third, with a comma", window: 2019-05, responsible: A }'],
  },
  {
    name: 'add-flow-list',
    fixture: 'flow.yaml',
    args: ['add', 'S2', '--id', '2.3', '--title', 'Third', '--window', '2019-05', '--responsible', 'A,B', '--after', '2.1'],
    says: 'flow 2.3: added to stage S2 after 2.1',
    removed: [FLOW_S2],
    added: [
      '  - {id: S2, title: Flow list stage, activities: [{id: "2.1", title: In a flow list, window: 2019-05, responsible: A}, {id: "2.3", title: Third, window: 2019-05, responsible: [A, B]}, {id: "2.2", title: Another, window: 2019-06, responsible: B}]}',
    ],
  },
  {
    name: 'remove-flow-list',
    fixture: 'flow.yaml',
    args: ['remove', '2.1'],
    says: 'flow 2.1: removed ("In a flow list")',
    removed: [FLOW_S2],
    added: ['  - {id: S2, title: Flow list stage, activities: [{id: "2.2", title: Another, window: 2019-06, responsible: B}]}'],
  },
  {
    name: 'assign-flow',
    fixture: 'flow.yaml',
    args: ['assign', '1.2', '--responsible', 'B', '--support', ''],
    says: 'flow 1.2: responsible B, no support',
    removed: ['      - { id: "1.2", title: Second, window: 2019-04, responsible: [A, B], support: [B] }'],
    added: ['      - { id: "1.2", title: Second, window: 2019-04, responsible: [B] }'],
  },
  {
    name: 'set-flow',
    fixture: 'flow.yaml',
    args: ['set', '2.2', '--title', 'New, title', '--tags', 'a,b'],
    says: 'flow 2.2: title "New, title", tags a, b',
    removed: [FLOW_S2],
    added: [
      '  - {id: S2, title: Flow list stage, activities: [{id: "2.1", title: In a flow list, window: 2019-05, responsible: A}, {id: "2.2", title: "New, title", window: 2019-06, responsible: B, tags: [a, b]}]}',
    ],
  },
  {
    name: 'add-stage-flow',
    fixture: 'flow.yaml',
    args: ['add-stage', '--id', 'S3', '--title', 'Third stage', '--window', '2020'],
    says: 'flow S3: stage added',
    removed: [],
    added: ['  - {id: S3, title: Third stage, window: 2020}'],
  },
  {
    name: 'add-entity-flow',
    fixture: 'flow.yaml',
    args: ['add-entity', 'C', '--name', 'Gamma: group'],
    says: 'flow C: entity added: Gamma: group',
    removed: [],
    added: ['  C: { name: "Gamma: group" }'],
  },
  // CRLF, a byte-order mark, no final newline
  {
    name: 'crlf-add-last',
    fixture: 'crlf-bom.yaml',
    args: ['add', 'S1', '--id', '1.5', '--title', 'New', '--window', '2019-09', '--responsible', 'A'],
    says: 'crlf 1.5: added to stage S1',
    // The new lines go before the break-less last line (the diff pairs the old last line with the new one).
    removed: [],
    added: ['        responsible: A', '      - id: "1.5"', '        title: New', '        window: 2019-09'],
  },
  {
    name: 'crlf-add-after',
    fixture: 'crlf-bom.yaml',
    args: ['add', 'S1', '--id', '1.5', '--title', 'New', '--window', '2019-09', '--responsible', 'A', '--after', '1.1'],
    says: 'crlf 1.5: added to stage S1 after 1.1',
    removed: [],
    added: ['      - id: "1.5"', '        title: New', '        window: 2019-09', '        responsible: A'],
  },
  {
    name: 'crlf-remove-last',
    fixture: 'crlf-bom.yaml',
    args: ['remove', '1.4'],
    says: 'crlf 1.4: removed ("Last activity, last line")',
    removed: ['            done: 2019-07-20', '      - id: "1.4"', '        title: Last activity, last line', '        window: 2019-08', '        responsible: A'],
    added: ['            done: 2019-07-20'],
  },
  {
    name: 'crlf-remove-first',
    fixture: 'crlf-bom.yaml',
    args: ['remove', '1.1'],
    says: 'crlf 1.1: removed ("Block activity")',
    removed: ['      - id: "1.1"', '        title: Block activity', '        window: 2019-03..2019-04   # comment', '        responsible: A'],
    added: [],
  },
  {
    name: 'crlf-assign',
    fixture: 'crlf-bom.yaml',
    args: ['assign', '1.1', '--responsible', 'A', '--support', 'A'],
    says: 'crlf 1.1: responsible A, support A',
    removed: [],
    added: ['        support: [A]'],
  },
  {
    name: 'crlf-set',
    fixture: 'crlf-bom.yaml',
    args: ['set', '1.1', '--title', 'T', '--tags', 'a'],
    says: 'crlf 1.1: title "T", tags a',
    removed: ['        title: Block activity'],
    added: ['        title: T', '        tags: [a]'],
  },
  {
    name: 'crlf-add-entity',
    fixture: 'crlf-bom.yaml',
    args: ['add-entity', 'B', '--name', 'Beta'],
    says: 'crlf B: entity added: Beta',
    removed: [],
    added: ['  B: Beta'],
  },
  {
    name: 'crlf-add-stage',
    fixture: 'crlf-bom.yaml',
    args: ['add-stage', '--id', 'S2', '--title', 'Two'],
    says: 'crlf S2: stage added',
    removed: ['        responsible: A'],
    added: ['        responsible: A', '  - id: S2', '    title: Two'],
  },
];

async function edit(fixture: string, args: string[]) {
  const dir = tree({});
  const file = path.join(dir, fixture);
  copyFileSync(path.join(DIR, fixture), file);
  const r = await run([...args, '-r', fixture, '--today', '2020-01-01'], { cwd: dir });
  return { ...r, result: readFileSync(file) };
}

describe('structure edits write only the lines they must (golden files)', () => {
  it.each(CASES)('$name', async (c) => {
    const original = readFileSync(path.join(DIR, c.fixture));
    const r = await edit(c.fixture, c.args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${c.says}\n`);
    expect(r.code).toBe(0);
    const golden = path.join(EXPECTED, `${c.name}.yaml`);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(golden, r.result);
    }
    expect(r.result.equals(readFileSync(golden))).toBe(true);
    expect(changedLines(original.toString('utf8'), r.result.toString('utf8'))).toEqual({ removed: c.removed, added: c.added });
    expect(r.result[0] === 0xef).toBe(original[0] === 0xef);
    expect(r.result.includes('\r\n')).toBe(original.includes('\r\n'));
    if (original.includes('\r\n')) expect(r.result.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
    expect(r.result.at(-1) === 0x0a).toBe(original.at(-1) === 0x0a);
  });
});

describe('add, then remove of the same activity, gives back the file byte for byte', () => {
  it.each([
    ['plain.yaml', 'S1', []],
    ['plain.yaml', 'S1', ['--after', '1.1']],
    ['rich.yaml', 'S1', ['--after', '1.1']],
    ['rich.yaml', 'S1', ['--after', '1.2']],
    ['rich.yaml', 'S2', []],
    ['flow.yaml', 'S1', []],
    ['flow.yaml', 'S2', ['--after', '2.1']],
    ['crlf-bom.yaml', 'S1', []],
    ['crlf-bom.yaml', 'S1', ['--after', '1.2']],
  ] as Array<[string, string, string[]]>)('%s, stage %s %j', async (fixture, stage, extra) => {
    const dir = tree({});
    const file = path.join(dir, fixture);
    copyFileSync(path.join(DIR, fixture), file);
    const at = { cwd: dir };
    const added = await run(['add', stage, '--id', '9.9', '--title', 'Round trip', '--window', '2019-10', '--responsible', 'A', ...extra, '-r', fixture], at);
    expect(added.code).toBe(0);
    expect(readFileSync(file).equals(readFileSync(path.join(DIR, fixture)))).toBe(false);
    const removed = await run(['remove', '9.9', '-r', fixture], at);
    expect(removed.stdout).toBe(`${fixture === 'crlf-bom.yaml' ? 'crlf' : fixture.replace('.yaml', '')} 9.9: removed ("Round trip")\n`);
    expect(readFileSync(file).equals(readFileSync(path.join(DIR, fixture)))).toBe(true);
  });
});
