/** `roadmap import` end to end: bin/roadmap.js on the seed document and on bad input. */
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, SHIPPED, spawn, tree } from '../helpers.js';
import { smallDocx, zipOf } from './docx.js';

const SEED = path.join(FIXTURES, 'import', '000_34ba17be60a9ed57.txt');
const SMALL = path.join(FIXTURES, 'import', 'small.txt');

type Window = string | { start: string; end: string };
interface Activity {
  id: string;
  title: string;
  window?: Window;
  due?: string;
  windows?: { window?: Window; due?: string }[];
  responsible?: string | string[];
  support?: string | string[];
}
interface File {
  entities: Record<string, unknown>;
  stages: { id: string; title: string; window?: string; activities: Activity[] }[];
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const windows = (a: Activity) => (a.windows ? a.windows.map((w) => w.window ?? `due ${w.due}`) : [a.window ?? `due ${a.due}`]);
const activities = (f: File) => new Map(f.stages.flatMap((s) => s.activities.map((a) => [a.id, a] as const)));

describe('the seed document against the shipped transcription', () => {
  const run = spawn(['import', SEED, '--id', 'az-ogp-2019-21']);
  const imported = parse(run.stdout) as File;
  const shipped = parse(readFileSync(SHIPPED, 'utf8')) as File;
  const mine = activities(imported);
  const theirs = activities(shipped);

  it('exits 1: two rows to review, listed on stderr', () => {
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('review'))).toEqual([
      'review  row 2.3 (line 65): "interested NGO" taken as NGOS ("Interested NGOs"), a close match',
      'review  row 3.3 (line 78): period "On 6th month, 1st year and at the end of the implementation of OGP" not understood',
    ]);
    expect(run.stderr).toContain('        stage I (line 51): window 2019-03-01..2019-05-31 from heading "01 March - 31 May, 2019"\n');
    expect(run.stderr).toContain('        row 1.2 (line 55): "OGP Azerbaijan Platform and CCC" → responsible [OGP-AP, CCC]\n');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('roadmap import: az-ogp-2019-21: 3 stages, 19 activities, 11 entities; 2 to review');
  });

  it('the same stages with the same windows; titles differ (the shipped ones are written by an editor)', () => {
    expect(imported.stages.map((s) => [s.id, s.window])).toEqual(shipped.stages.map((s) => [s.id, s.window]));
    // The document names stages only as "Activities of the I Stage"; the shipped titles come from its stage goals.
    expect(imported.stages.map((s) => s.title)).toEqual(['Activities of the I Stage', 'Activities of the II Stage', 'Activities of the III Stage']);
  });

  it('the same 19 ids and titles', () => {
    expect([...mine.keys()]).toEqual([...theirs.keys()]);
    expect(mine.size).toBe(19);
    for (const [id, a] of mine) expect([id, a.title]).toEqual([id, theirs.get(id)!.title]);
  });

  it('the same windows, but 3.3 which is flagged for review', () => {
    for (const [id, a] of mine) {
      if (id === '3.3') continue;
      expect([id, windows(a)]).toEqual([id, windows(theirs.get(id)!)]);
    }
    // The shipped file reads 3.3 as three windows relative to 3.1: an editor's reading, not the document's words.
    expect(mine.get('3.3')!.window).toBe('period not understood: review');
  });

  it('the same responsible and support sets, up to the id of the Platform and the executing agencies', () => {
    // An id made from the name (OGP-AP) where the shipped file chose OGP-AZ.
    const rename = (id: string) => (id === 'OGP-AP' ? 'OGP-AZ' : id);
    for (const [id, a] of mine) {
      if (id === '3.1') continue;
      const b = theirs.get(id)!;
      expect([id, list(a.responsible).map(rename).sort(), list(a.support).sort()]).toEqual([id, list(b.responsible).sort(), list(b.support).sort()]);
    }
    // 3.1's cell lists five kinds of body separated by commas and "and": split as written,
    // where the shipped file keeps the whole list as one entity, EXECUTING-AGENCIES.
    expect(list(mine.get('3.1')!.responsible)).toEqual(['STATE-BODIES', 'STATE-OWNED-COMPANIES', 'COMPANIES-GOVERNMENT-OWNED-STOCKS', 'PUBLIC-LEGAL-ENTITIES', 'ENTITIES-DESIGNATED-EXECUTING']);
    expect(list(theirs.get('3.1')!.responsible)).toEqual(['EXECUTING-AGENCIES']);
  });

  it('the same goals and themes', () => {
    const top = (f: string) => parse(f) as { goals: string[]; themes: string[]; stages: { goals: string[] }[] };
    const a = top(run.stdout);
    const b = top(readFileSync(SHIPPED, 'utf8'));
    expect([a.goals, a.themes, a.stages.map((s) => s.goals)]).toEqual([b.goals, b.themes, b.stages.map((s) => s.goals)]);
  });
});

describe('writing', () => {
  it('--output alone writes roadmaps/<id>.yaml, refuses to overwrite without --force, and validate flags the placeholder', () => {
    const dir = tree({ 'doc.txt': readFileSync(SMALL, 'utf8') });
    const first = spawn(['import', 'doc.txt', '--output', '-q'], { cwd: dir });
    expect([first.code, first.stdout]).toEqual([1, '']);
    const file = path.join(dir, 'roadmaps', 'city-open-data-plan-2025-26.yaml');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'import', 'small.yaml'), 'utf8'));
    writeFileSync(file, 'mine\n');
    const again = spawn(['import', 'doc.txt', '--output'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([2, 'roadmap: roadmaps/city-open-data-plan-2025-26.yaml exists (--force replaces it); nothing was written\n']);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(spawn(['import', 'doc.txt', '--output', '--force', '-q'], { cwd: dir }).code).toBe(1);
    const check = spawn(['validate', 'roadmaps'], { cwd: dir });
    expect([check.code, check.stdout.split('\n')[0]]).toEqual([
      2,
      "roadmaps/city-open-data-plan-2025-26.yaml:59:17: error: cannot read 'period not understood: review' as a date: write a day (2019-03-01), a month (2019-03), a year (2019), a range A..B of those, or {start: A, end: B}",
    ]);
  });

  it('--report writes the review as Markdown; --format json prints the plan', () => {
    const dir = tree({ 'doc.md': readFileSync(path.join(FIXTURES, 'import', 'small.md'), 'utf8') });
    const r = spawn(['import', 'doc.md', '--report', 'review.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('roadmap import: city-open-data-plan-2025-26: 2 stages, 7 activities, 4 entities; 2 to review\n');
    const plan = JSON.parse(r.stdout) as { id: string; exit: number; review: { review: boolean }[] };
    expect([plan.id, plan.exit, plan.review.filter((n) => n.review).length]).toEqual(['city-open-data-plan-2025-26', 1, 2]);
    const report = readFileSync(path.join(dir, 'review.md'), 'utf8');
    expect(report.split('\n').slice(0, 9)).toEqual([
      '# Import of doc.md',
      '',
      'city-open-data-plan-2025-26: 2 stages, 7 activities, 4 entities; 2 to review',
      '',
      '## To review',
      '',
      '- [ ] row 2.2 (line 21): period "after the first report" not understood',
      '- [ ] row 2.2 (line 21): "civil society group" taken as CIVIL-SOCIETY-GROUPS ("Civil society groups"), a close match',
      '',
    ]);
  });

  it('exit 0 when everything is understood', async () => {
    const dir = tree({
      'ok.html': '<h1>Plan</h1><table><tr><th>No</th><th>Activity</th><th>Timeline</th><th>Lead</th></tr><tr><td>1</td><td>Do it</td><td>Q1 2020</td><td>The Board (TB)</td></tr></table>',
    });
    const r = spawn(['import', 'ok.html'], { cwd: dir });
    expect([r.code, r.stderr.trimEnd().split('\n').at(-1)]).toEqual([0, 'roadmap import: plan: 1 stages, 1 activities, 1 entities; everything understood']);
  });

  it('a .docx from the command line', async () => {
    const dir = tree({});
    writeFileSync(path.join(dir, 'plan.docx'), await smallDocx());
    const r = spawn(['import', 'plan.docx'], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([1, readFileSync(path.join(FIXTURES, 'import', 'small.yaml'), 'utf8')]);
  });
});

describe('bad input: exit 2, one line, nothing written', () => {
  const refused = (files: Record<string, string | Buffer>, args: string[]) => {
    const dir = tree({});
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    const before = readdirSync(dir).sort();
    const r = spawn(['import', ...args, '--output', 'out.yaml'], { cwd: dir });
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').length).toBe(2);
    return [r.code, r.stderr];
  };

  it('a 50 MB file', () => {
    const dir = tree({});
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    const r = spawn(['import', 'big.txt', '--output', 'out.yaml'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, 'roadmap: big.txt is 50.0 MB; documents up to 20 MB are read\n']);
    expect(existsSync(path.join(dir, 'out.yaml'))).toBe(false);
  });

  it('a zip bomb', () => {
    const bomb = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20) }]);
    expect(refused({ 'bomb.docx': bomb }, ['bomb.docx'])).toEqual([
      2,
      'roadmap: cannot import bomb.docx: the .docx would unpack to 200 MB; documents up to 64 MB unpacked are read; nothing was written\n',
    ]);
  });

  it.each([
    [
      'a PDF',
      'plan.pdf',
      '%PDF-1.4\n',
      'roadmap: cannot import plan.pdf: the file is a PDF, which is not read: save it as .docx, .html or .txt (types read: .txt, .tsv, .md, .html, .docx); nothing was written\n',
    ],
    ['text named .docx', 'plan.docx', 'hello', 'roadmap: cannot import plan.docx: the file is not a .docx (a .docx is a zip archive; this is not one); nothing was written\n'],
    [
      'no table',
      'plan.md',
      '# Plan\n',
      'roadmap: cannot import plan.md: no activity table found: a table needs a header row naming the activity, its period and who is responsible (e.g. "Name of activity | Period of execution | Responsible entity"); nothing was written\n',
    ],
  ])('%s', (_what, name, content, message) => expect(refused({ [name]: content }, [name])).toEqual([2, message]));

  it('a missing file, a bad --year, an --id that is no id', () => {
    expect(refused({}, ['nope.txt'])).toEqual([2, 'roadmap: cannot read nope.txt: no such file or directory\n']);
    expect(refused({ 'a.txt': 'x' }, ['a.txt', '--year', '20'])).toEqual([2, 'roadmap: --year 20: write a year such as 2020\n']);
    expect(refused({ 'a.txt': readFileSync(SMALL) }, ['a.txt', '--id', '../x'])).toEqual([
      2,
      'roadmap: cannot import a.txt: --id "../x" is not a roadmap id: lower-case letters, digits and -; nothing was written\n',
    ]);
  });

  it('no escape sequence of the document reaches the terminal', () => {
    const dir = tree({ 'e.txt': 'Plan\n\nActivity\tPeriod\tResponsible\n1\tDo\tsoon\u001b[2J\tThe \u001b]0;x\u0007Board\n' });
    const r = spawn(['import', 'e.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(r.stderr).toContain('review  row 1 (line 4): period "soon\\x1b[2J" not understood\n');
  });
});
