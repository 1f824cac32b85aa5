/** `roadmap update` → "Record an assessment", driven by scripted answers on a copy of the example roadmap. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateFlow } from '../../src/commands/update.js';
import type { Io } from '../../src/shell/io.js';
import { ROOT, SHIPPED, tree } from '../helpers.js';
import { CTRL_C, scripted, type Step } from './script.js';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'city-open-data.yaml'), 'utf8');
const FILE = 'roadmaps/city-open-data.yaml';

async function flow(steps: Step[], text = EXAMPLE, file = FILE, today = '2024-12-15') {
  const dir = tree({ [file]: text });
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: {},
    cwd: dir,
    now: () => new Date('2024-12-15T12:00:00Z'),
    stdoutTTY: false,
    columns: 200,
    stdinTTY: true,
  };
  const ask = scripted(steps);
  const code = await updateFlow({ today }, io, ask);
  expect(ask.left()).toBe(0);
  return { code, ask, stdout: out.join(''), stderr: err.join(''), read: () => readFileSync(path.join(dir, file), 'utf8') };
}

const A1_LAST = '          - { by: CSO, as-of: 2024-10-31, level: substantial, source: https://example.org/coalition/monitoring-2 }\n';

describe('roadmap update: Record an assessment', () => {
  it('records a rating: one line in the style of the list, after the diff and the confirmation', async () => {
    const r = await flow([
      { search: 'A1' },
      { select: 'Record an assessment' },
      { select: 'PANEL' },
      { select: 'completion' },
      { select: 'substantial' },
      { input: '2024-12-01' },
      { input: 'https://example.org/panel/review-2024-12' },
      { input: 'Most datasets are online' },
      { confirm: true },
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const line = '          - { by: PANEL, as-of: 2024-12-01, level: substantial, source: https://example.org/panel/review-2024-12, note: Most datasets are online }\n';
    expect(r.read()).toBe(EXAMPLE.replace(A1_LAST, `${A1_LAST}${line}`));
    expect(r.stdout).toBe(`--- a/${FILE}
+++ b/${FILE}
@@ -34,6 +34,7 @@
             source: https://example.org/coalition/monitoring-1
             note: The portal is online with 12 of the 40 datasets promised
           - { by: CSO, as-of: 2024-10-31, level: substantial, source: https://example.org/coalition/monitoring-2 }
+${line}       - id: A2
         title: Publish the budget monthly
         window: 2024-03..2024-09
city-open-data A1: PANEL substantial as of 2024-12-01
`);
    expect(r.ask.log.slice(r.ask.log.indexOf('select: Who rates?'))).toEqual([
      'select: Who rates?',
      '  CITY  City Hall Digital Office (self)',
      '  CSO  Open Data Coalition (alternative)',
      '  PANEL  Independent Review Panel (independent)',
      'select: On which scale?',
      '  completion',
      '  impact  (worsened < no-change < marginal < major < outstanding)',
      'select: Level:',
      '  not-started',
      '  limited',
      '  substantial',
      '  complete',
      '  no-evidence',
      'input: As of (YYYY-MM-DD, the date the rating describes):',
      'input: Source (optional, the report it comes from):',
      'input: Note (optional):',
      `confirm: Write this change to ${FILE}?`,
    ]);
  });

  it('asks which window of an activity with labelled windows, and takes a declared scale', async () => {
    const r = await flow([
      { search: 'A3' },
      { select: 'Record an assessment' },
      { select: 'CITY' },
      { select: '12th month' },
      { select: 'impact' },
      { select: 'major' },
      { input: '' },
      { input: '' },
      { input: '' },
      { confirm: true },
    ]);
    expect(r.code).toBe(0);
    expect(r.ask.log.slice(r.ask.log.indexOf('select: Which window is rated?'), r.ask.log.indexOf('select: On which scale?'))).toEqual([
      'select: Which window is rated?',
      '  the whole activity',
      '  6th month',
      '  12th month',
    ]);
    const last = '          - { by: PANEL, as-of: 2024-10-15, scale: impact, level: major, source: https://example.org/panel/review-2024 }\n';
    expect(r.read()).toBe(EXAMPLE.replace(last, `${last}          - { by: CITY, as-of: 2024-12-15, window: 12th month, scale: impact, level: major }\n`));
    expect(r.stdout.endsWith('city-open-data A3 [12th month]: CITY major on impact as of 2024-12-15\n')).toBe(true);
  });

  it('asks the as-of again after a date that is not one, a date after today, and a date the assessor already rated', async () => {
    const r = await flow([
      { search: 'A1' },
      { select: 'Record an assessment' },
      { select: 'CSO' },
      { select: 'completion' },
      { select: 'complete' },
      { input: '2024-13-01' },
      { input: '2024-12-16' },
      { input: '2024-10-31' },
      { input: '2024-11-30' },
      { input: '' },
      { input: '' },
      { confirm: true },
    ]);
    expect(r.code).toBe(0);
    const at = r.ask.log.indexOf('input: As of (YYYY-MM-DD, the date the rating describes):');
    expect(r.ask.log.slice(at, at + 7)).toEqual([
      'input: As of (YYYY-MM-DD, the date the rating describes):',
      '  refused: write a date as YYYY-MM-DD',
      'input: As of (YYYY-MM-DD, the date the rating describes):',
      '  refused: cannot record a rating in the future: today is 2024-12-15',
      'input: As of (YYYY-MM-DD, the date the rating describes):',
      `  refused: CSO already rated A1 as of 2024-10-31 (${FILE}:36:13): give another date`,
      'input: As of (YYYY-MM-DD, the date the rating describes):',
    ]);
    expect(r.read()).toBe(EXAMPLE.replace(A1_LAST, `${A1_LAST}          - { by: CSO, as-of: 2024-11-30, level: complete }\n`));
  });

  it('the same date on another scale or window is no duplicate', async () => {
    const r = await flow([
      { search: 'A3' },
      { select: 'Record an assessment' },
      { select: 'CSO' },
      { select: 'the whole activity' },
      { select: 'completion' },
      { select: 'limited' },
      { input: '2024-10-31' },
      { input: '' },
      { input: '' },
      { confirm: true },
    ]);
    expect(r.code).toBe(0);
    expect(r.ask.log.filter((l) => l.startsWith('  refused'))).toEqual([]);
    expect(r.stdout.endsWith('city-open-data A3: CSO limited as of 2024-10-31\n')).toBe(true);
  });

  it('ends cleanly on Ctrl+C at the confirmation: exit 130, nothing written', async () => {
    const r = await flow([
      { search: 'A2' },
      { select: 'Record an assessment' },
      { select: 'CSO' },
      { select: 'completion' },
      { select: 'limited' },
      { input: '' },
      { input: '' },
      { input: '' },
      CTRL_C,
    ]);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('roadmap: cancelled; nothing was written\n');
    expect(r.read()).toBe(EXAMPLE);
  });

  it('writes nothing when the change is declined', async () => {
    const r = await flow([
      { search: 'A2' },
      { select: 'Record an assessment' },
      { select: 'CSO' },
      { select: 'completion' },
      { select: 'limited' },
      { input: '' },
      { input: '' },
      { input: '' },
      { confirm: false },
    ]);
    expect([r.code, r.stderr]).toEqual([0, 'roadmap: nothing was written\n']);
    expect(r.read()).toBe(EXAMPLE);
  });

  it('is not offered when the roadmap declares no assessors, nor the scale question without declared scales', async () => {
    const shipped = readFileSync(SHIPPED, 'utf8');
    const none = await flow([{ search: '1.1' }, { select: 'Move' }, CTRL_C], shipped.slice(0, shipped.indexOf('\nassessors:\n') + 1), 'roadmaps/az.yaml', '2019-07-15');
    const at = none.ask.log.indexOf('select: What happened?');
    expect(none.ask.log.slice(at, at + 7)).toEqual([
      'select: What happened?',
      '  Mark done',
      '  Record the start',
      '  Cancel (with a reason)',
      '  Reopen (remove done / cancelled) (neither done nor cancelled)',
      '  Move to another window',
      '  Add an activity after this one',
    ]);
    const noScales = EXAMPLE.replace('scales:\n  impact: [worsened, no-change, marginal, major, outstanding]\n', '')
      .split('\n')
      .filter((l) => !l.includes('scale: impact'))
      .join('\n');
    const r = await flow([{ search: 'A2' }, { select: 'Record an assessment' }, { select: 'CSO' }, CTRL_C], noScales);
    expect(r.ask.log.at(-1)).toBe('select: Level:');
  });
});
