/**
 * Golden files: each edit command on fixtures rich in comments, odd quoting, flow
 * style, block scalars, CRLF and a BOM. The result must equal the committed
 * expected file byte for byte, and a line diff must show only the intended lines.
 * UPDATE_GOLDEN=1 rewrites the expected files (review them before committing).
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
  readonly fixture: 'rich.yaml' | 'crlf-bom.yaml';
  readonly args: string[];
  readonly says: string;
  /** Whole lines, without their line ending. */
  readonly removed: string[];
  readonly added: string[];
}

const CASES: Case[] = [
  {
    name: 'done-block',
    fixture: 'rich.yaml',
    args: ['done', '1.1', '--on', '2019-04-20', '--evidence', 'https://example.org/x'],
    says: 'rich 1.1: done 2019-04-20, evidence +1',
    removed: [],
    added: ['        done: 2019-04-20', '        evidence: [https://example.org/x]'],
  },
  {
    name: 'done-flow',
    fixture: 'rich.yaml',
    args: ['done', '1.2', '--on', '2019-05-30', '--evidence', 'https://example.org/y,z'],
    says: 'rich 1.2: done 2019-05-30, evidence +1',
    removed: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-05, responsible: [A, B]}'],
    added: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-05, responsible: [A, B], done: 2019-05-30, evidence: ["https://example.org/y,z"]}'],
  },
  {
    name: 'done-after-block-scalar',
    fixture: 'rich.yaml',
    args: ['done', '1.3', '--on', '2019-06-30', '--evidence', 'https://example.org/second'],
    says: 'rich 1.3: done 2019-06-30, evidence +1',
    removed: [],
    added: ['          - https://example.org/second', '        done: 2019-06-30'],
  },
  {
    name: 'done-replace-quoted',
    fixture: 'rich.yaml',
    args: ['done', '1.4', '--on', '2019-02-28', '--evidence', 'https://example.org/c', '--evidence', 'https://example.org/a'],
    says: 'rich 1.4: done 2019-02-28 (was 2019-02-27), evidence +1',
    removed: ["        done: '2019-02-27'  # done on time", '        evidence: [https://example.org/a, "https://example.org/b"]'],
    added: ["        done: '2019-02-28'  # done on time", '        evidence: [https://example.org/a, "https://example.org/b", https://example.org/c]'],
  },
  {
    name: 'start-block',
    fixture: 'rich.yaml',
    args: ['start', '1.1', '--on', '2019-03-05'],
    says: 'rich 1.1: started 2019-03-05',
    removed: [],
    added: ['        started: 2019-03-05'],
  },
  {
    name: 'start-replace-quoted',
    fixture: 'rich.yaml',
    args: ['start', '1.4', '--on', '2019-02-03'],
    says: 'rich 1.4: started 2019-02-03 (was 2019-02-01)',
    removed: ['        started: "2019-02-01"'],
    added: ['        started: "2019-02-03"'],
  },
  {
    name: 'cancel-flow',
    fixture: 'rich.yaml',
    args: ['cancel', '1.2', '--reason', 'Merged into 1.1: see #4'],
    says: 'rich 1.2: cancelled: Merged into 1.1: see #4',
    removed: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-05, responsible: [A, B]}'],
    added: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-05, responsible: [A, B], cancelled: "Merged into 1.1: see #4"}'],
  },
  {
    name: 'cancel-replace-block-scalar',
    fixture: 'rich.yaml',
    args: ['cancel', '1.5', '--reason', 'Postponed to 2020'],
    says: 'rich 1.5: cancelled: Postponed to 2020',
    removed: ['        cancelled: |', '          Funding withdrawn;', '          see the minutes.'],
    added: ['        cancelled: Postponed to 2020'],
  },
  {
    name: 'reopen-done',
    fixture: 'rich.yaml',
    args: ['reopen', '1.4'],
    says: 'rich 1.4: reopened (was done 2019-02-27)',
    removed: ["        done: '2019-02-27'  # done on time"],
    added: [],
  },
  {
    name: 'reopen-block-scalar',
    fixture: 'rich.yaml',
    args: ['reopen', '1.5'],
    says: 'rich 1.5: reopened (was cancelled: Funding withdrawn; see the minutes.)',
    removed: ['        cancelled: |', '          Funding withdrawn;', '          see the minutes.'],
    added: [],
  },
  {
    name: 'move-quoted',
    fixture: 'rich.yaml',
    args: ['move', '1.1', '--to', '2019-04..2019-05'],
    says: 'rich 1.1: moved to 2019-04..2019-05 (was 2019-03..2019-04)',
    removed: ['        window: "2019-03..2019-04"     # quoted window, comment'],
    added: ['        window: "2019-04..2019-05"     # quoted window, comment'],
  },
  {
    name: 'move-due-day',
    fixture: 'rich.yaml',
    args: ['move', '1.3', '--to', '2019-07-15'],
    says: 'rich 1.3: moved to 2019-07-15 (was 2019-06-30)',
    removed: ['        due: 2019-06-30'],
    added: ['        due: 2019-07-15'],
  },
  {
    name: 'move-due-to-range',
    fixture: 'rich.yaml',
    args: ['move', '1.3', '--to', '2019-07..2019-08'],
    says: 'rich 1.3: moved to 2019-07..2019-08 (was 2019-06-30)',
    removed: ['        due: 2019-06-30'],
    added: ['        window: 2019-07..2019-08'],
  },
  {
    name: 'move-flow',
    fixture: 'rich.yaml',
    args: ['move', '1.2', '--to', '2019-06'],
    says: 'rich 1.2: moved to 2019-06 (was 2019-05)',
    removed: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-05, responsible: [A, B]}'],
    added: ['      - {id: "1.2", title: Flow mapping activity, window: 2019-06, responsible: [A, B]}'],
  },
  {
    name: 'move-relative-mapping',
    fixture: 'rich.yaml',
    args: ['move', '2.3', '--to', '{start: 2.1.end + 1 week, end: 2.1.end + 2 months}'],
    says: 'rich 2.3: moved to {start: 2.1.end + 1 week, end: 2.1.end + 2 months} (was 2.1.end + 1 day..2.1.end + 1 month)',
    removed: ['        window: {start: 2.1.end + 1 day, end: 2.1.end + 1 month}'],
    added: ['        window: {start: 2.1.end + 1 week, end: 2.1.end + 2 months}'],
  },
  {
    name: 'done-window-string',
    fixture: 'rich.yaml',
    args: ['done', '2.1', '--window', '1', '--on', '2019-09-20'],
    says: 'rich 2.1 [#1]: done 2019-09-20',
    removed: ['          - 2019-09            # first, a plain string'],
    added: ['          - {window: 2019-09, done: 2019-09-20}            # first, a plain string'],
  },
  {
    name: 'done-window-label',
    fixture: 'rich.yaml',
    args: ['done', '2.1', '--window', 'review', '--on', '2019-10-30', '--evidence', 'https://example.org/r'],
    says: 'rich 2.1 [review]: done 2019-10-30, evidence +1',
    removed: [],
    added: ['            done: 2019-10-30', '            evidence: [https://example.org/r]'],
  },
  {
    name: 'done-window-flow-map',
    fixture: 'rich.yaml',
    args: ['done', '2.1', '--window', 'final', '--on', '2019-12-15'],
    says: 'rich 2.1 [final]: done 2019-12-15',
    removed: ['          - {label: final, due: 2019-12-15}'],
    added: ['          - {label: final, due: 2019-12-15, done: 2019-12-15}'],
  },
  {
    name: 'done-window-flow-list',
    fixture: 'rich.yaml',
    args: ['done', '2.2', '--window', '2', '--on', '2019-11-10'],
    says: 'rich 2.2 [#2]: done 2019-11-10',
    removed: ['        windows: [2019-09, 2019-11]'],
    added: ['        windows: [2019-09, {window: 2019-11, done: 2019-11-10}]'],
  },
  {
    name: 'move-window-string',
    fixture: 'rich.yaml',
    args: ['move', '2.2', '--window', '1', '--to', '2019-10'],
    says: 'rich 2.2 [#1]: moved to 2019-10 (was 2019-09)',
    removed: ['        windows: [2019-09, 2019-11]'],
    added: ['        windows: [2019-10, 2019-11]'],
  },
  {
    name: 'crlf-done-block',
    fixture: 'crlf-bom.yaml',
    args: ['done', '1.1', '--on', '2019-04-20', '--evidence', 'https://example.org/x'],
    says: 'crlf 1.1: done 2019-04-20, evidence +1',
    removed: [],
    added: ['        done: 2019-04-20', '        evidence: [https://example.org/x]'],
  },
  {
    name: 'crlf-done-flow',
    fixture: 'crlf-bom.yaml',
    args: ['done', '1.2', '--on', '2019-05-20'],
    says: 'crlf 1.2: done 2019-05-20',
    removed: ['      - {id: "1.2", title: Flow activity, window: 2019-05, responsible: A}'],
    added: ['      - {id: "1.2", title: Flow activity, window: 2019-05, responsible: A, done: 2019-05-20}'],
  },
  {
    name: 'crlf-done-window-string',
    fixture: 'crlf-bom.yaml',
    args: ['done', '1.3', '--window', '1', '--on', '2019-06-20'],
    says: 'crlf 1.3 [#1]: done 2019-06-20',
    removed: ['          - 2019-06'],
    added: ['          - {window: 2019-06, done: 2019-06-20}'],
  },
  {
    name: 'crlf-reopen-window',
    fixture: 'crlf-bom.yaml',
    args: ['reopen', '1.3', '--window', 'second'],
    says: 'crlf 1.3 [second]: reopened (was done 2019-07-20)',
    removed: ['            done: 2019-07-20'],
    added: [],
  },
  {
    name: 'crlf-done-last-line',
    fixture: 'crlf-bom.yaml',
    args: ['done', '1.4', '--on', '2019-08-20'],
    says: 'crlf 1.4: done 2019-08-20',
    // The last line gains the line break it lacked; its text is unchanged and the file still has no final newline.
    removed: ['        responsible: A'],
    added: ['        responsible: A', '        done: 2019-08-20'],
  },
  {
    name: 'crlf-cancel',
    fixture: 'crlf-bom.yaml',
    args: ['cancel', '1.1', '--reason', 'Not needed'],
    says: 'crlf 1.1: cancelled: Not needed',
    removed: [],
    added: ['        cancelled: Not needed'],
  },
];

describe('edit commands write only the lines they must (golden files)', () => {
  it.each(CASES)('$name', async (c) => {
    const original = readFileSync(path.join(DIR, c.fixture));
    const dir = tree({});
    const file = path.join(dir, c.fixture);
    copyFileSync(path.join(DIR, c.fixture), file);
    // A today after every date the cases record: a completion after today is refused.
    const r = await run([...c.args, '-r', c.fixture, '--today', '2020-01-01'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${c.says}\n`);
    expect(r.code).toBe(0);
    const result = readFileSync(file);
    const golden = path.join(EXPECTED, `${c.name}.yaml`);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(golden, result);
    }
    expect(result.equals(readFileSync(golden))).toBe(true);
    expect(changedLines(original.toString('utf8'), result.toString('utf8'))).toEqual({ removed: c.removed, added: c.added });
    // The file's own conventions survive: its BOM, its line endings, its (missing) final newline.
    expect(result[0] === 0xef).toBe(original[0] === 0xef);
    expect(result.includes('\r\n')).toBe(original.includes('\r\n'));
    if (original.includes('\r\n')) expect(result.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
    expect(result.at(-1) === 0x0a).toBe(original.at(-1) === 0x0a);
  });
});
