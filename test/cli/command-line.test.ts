/** The command line refuses what would make a gate or a report meaningless (exit 2), and says why. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roadmapYaml, run, SHIPPED, tree } from '../helpers.js';

const DEMO = roadmapYaml(`      - id: "1.1"
        title: First
        window: 2019-03..2019-04
        responsible: A
`);

describe('a gate over nothing is no gate', () => {
  it.each([['check'], ['status'], ['validate'], ['timeline'], ['report']])('%s exits 2 when ROADMAP_PATH holds only separators', async (command) => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run([command, '--today', '2019-07-15'], { cwd: dir, env: { ROADMAP_PATH: ':' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'roadmap: ROADMAP_PATH is ":", which names no file or directory; list paths separated by \':\', or unset it\n' });
  });

  it('an empty ROADMAP_PATH counts as unset', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run(['check', '--today', '2019-07-15', '--format', 'json'], { cwd: dir, env: { ROADMAP_PATH: '' } });
    expect([r.code, JSON.parse(r.stdout).roadmaps[0].file]).toEqual([1, 'roadmaps/demo.yaml']);
  });

  it('--roadmap "" is refused, not read as the working directory', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run(['check', '-r', '', '--today', '2019-07-15'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'roadmap: --roadmap expects a file or directory, not ""\n' });
  });

  it.each([
    ['an empty directory', {}, 'empty'],
    ['a directory with no *.yaml', { 'plans/notes.txt': 'x\n', 'plans/plan.json': '{}\n' }, 'plans'],
  ])('check, status and validate exit 2 on %s', async (_name, files, where) => {
    const dir = tree({ 'empty/.keep': '', ...files });
    const message = `${where}: error: no roadmap files (*.yaml, *.yml) in this directory\n`;
    for (const command of ['check', 'status']) {
      const r = await run([command, '-r', where, '--today', '2019-07-15'], { cwd: dir });
      expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}roadmap: 1 error in 1 file\n` });
    }
    const v = await run(['validate', where], { cwd: dir });
    expect(v).toEqual({ code: 2, stdout: `${message}\n✗ 1 error in 1 file (0 files checked)\n`, stderr: '' });
  });
});

describe('today', () => {
  it.each([['status'], ['check'], ['validate'], ['done', '1.1']])('an explicitly empty --today is an error for %s, not the clock', async (...command) => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run([...command, '--today', ''], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'roadmap: --today "" is not a calendar date (YYYY-MM-DD)\n' });
  });

  it("an empty ROADMAP_TODAY counts as unset: the date in the roadmap's zone", async () => {
    const r = await run(['status', '-r', SHIPPED, '--format', 'json'], { cwd: path.dirname(SHIPPED), env: { ROADMAP_TODAY: '' }, now: new Date('2019-07-15T21:00:00Z') });
    expect(JSON.parse(r.stdout).today).toBe('2019-07-16'); // Asia/Baku is UTC+4
  });
});

describe('commands', () => {
  it.each([
    [['stauts'], "roadmap: unknown command 'stauts' (did you mean 'status'?)\n"],
    [['chek', '--today', '2019-07-15'], "roadmap: unknown command 'chek' (did you mean 'check'?)\n"],
    [['--today', '2019-07-15', 'timelime'], "roadmap: unknown command 'timelime' (did you mean 'timeline'?)\n"],
    [['nosuch'], "roadmap: unknown command 'nosuch'\n"],
    [['help', 'nosuch'], "roadmap: unknown command 'nosuch'\n"],
    [['help', 'stauts'], "roadmap: unknown command 'stauts' (did you mean 'status'?)\n"],
  ])('%j is an unknown command, exit 2', async (args, stderr) => {
    const r = await run(args, { cwd: tree({ 'roadmaps/demo.yaml': DEMO }) });
    expect(r).toEqual({ code: 2, stdout: '', stderr });
  });

  it('roadmap alone, and with only global or status options, runs status', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const status = await run(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(status.stdout).summary.overdue).toBe(1);
    expect(await run(['--today', '2019-07-15', '--format', 'json'], { cwd: dir })).toEqual(status);
    expect(await run(['-r', 'roadmaps', '--format', 'json', '--today', '2019-07-15'], { cwd: dir })).toEqual(status);
    expect((await run([], { cwd: dir, env: { ROADMAP_TODAY: '2019-07-15' } })).stdout).toBe((await run(['status', '--today', '2019-07-15'], { cwd: dir })).stdout);
  });

  it('roadmap help COMMAND and roadmap help still print help', async () => {
    const h = await run(['help', 'check']);
    expect([h.code, h.stdout.split('\n')[0]]).toEqual([0, 'Usage: roadmap check [options]']);
    const all = await run(['help']);
    expect([all.code, all.stdout.split('\n')[0]]).toEqual([0, 'Usage: roadmap [options] [command]']);
    expect(all.stdout).toContain('\n  help [command]  ');
  });
});

describe('--output takes its format from the extension', () => {
  const CHECK = ['check', '-r', 'roadmaps', '--today', '2019-07-15', '-q'];

  it.each([
    ['r.xml', (t: string) => t.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')],
    ['r.json', (t: string) => JSON.parse(t).failed === true],
    ['r.md', (t: string) => t.startsWith('## ')],
    ['r.txt', (t: string) => t.startsWith('demo 1.1 · First · overdue 76d · A · roadmaps/demo.yaml:')],
  ])('check --output %s', async (file, looks) => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run([...CHECK, '--output', file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(looks(readFileSync(path.join(dir, file), 'utf8'))).toBe(true);
  });

  it('check: --format given wins over the extension', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    await run([...CHECK, '--format', 'json', '--output', 'r.xml'], { cwd: dir });
    expect(JSON.parse(readFileSync(path.join(dir, 'r.xml'), 'utf8')).failed).toBe(true);
  });

  it.each([['r.pdf'], ['report'], ['r.xml.bak']])('check refuses --output %s without --format, and writes nothing', async (file) => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run([...CHECK, '--output', file], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `roadmap: --output ${file}: give --format, or a file name ending in .xml (junit), .json (json), .md (markdown), .txt (text)\n` });
    expect(readdirSync(dir)).toEqual(['roadmaps']);
  });

  it('report refuses --output x.pdf without --format, and writes nothing; --format html writes it', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO });
    const r = await run(['report', '--today', '2019-07-15', '--output', 'x.pdf'], { cwd: dir });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'roadmap: --output x.pdf: give --format, or a file name ending in .html or .htm (html), .ics (ics), .mmd or .mermaid (mermaid), .md or .markdown (markdown)\n',
    });
    expect(readdirSync(dir)).toEqual(['roadmaps']);
    const html = await run(['report', '--today', '2019-07-15', '--output', 'x.pdf', '--format', 'html', '-q'], { cwd: dir });
    expect(html.code).toBe(0);
    expect(readFileSync(path.join(dir, 'x.pdf'), 'utf8').startsWith('<!doctype html>')).toBe(true);
  });
});

describe('timeline --from or --to alone', () => {
  const TWO = roadmapYaml(`      - id: "1.1"
        title: First
        window: 2019-03..2019-04
        responsible: A
      - id: "1.2"
        title: Second
        window: 2019-06-10..2019-06-20
        responsible: A
`);

  it('--from D alone shows from D to the end of the data', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': TWO });
    const r = await run(['timeline', '--today', '2019-07-15', '--width', '40', '--from', '2019-06'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: ['             2019', '             Jun', 'Stage S1 ·…  ──────────────────', '  1.2 Second         ▓▓▓▓▓▓▓▓▓▓', '', '▓ overdue', 'today 2019-07-15 (after the chart)', ''].join('\n'),
    });
  });

  it.each([
    [['--from', '2022'], 'Nothing to show: the last activity window ends on 2019-06-20, before --from 2022 (2022-01-01).\n'],
    [['--from', '2019-06-21'], 'Nothing to show: the last activity window ends on 2019-06-20, before --from 2019-06-21 (2019-06-21).\n'],
    [['--to', '2018-12'], 'Nothing to show: the first activity window starts on 2019-03-01, after --to 2018-12 (2018-12-31).\n'],
  ])('%j beyond the data says so', async (range, stdout) => {
    const dir = tree({ 'roadmaps/demo.yaml': TWO });
    const r = await run(['timeline', '--today', '2019-07-15', ...range], { cwd: dir });
    expect(r).toEqual({ code: 0, stderr: '', stdout });
  });
});

describe('--entity with an unknown name', () => {
  const LIST = "\n  entities: CCC, OGP-AZ (alias 'OGP Azerbaijan Platform'), NGOS (alias 'NGO'), STATE-BODIES, AZACA, OGP-SU, TA, EXECUTING-AGENCIES\n";
  it.each([
    ['Platform', "roadmap: unknown entity 'Platform'; did you mean 'OGP-AZ' (OGP Azerbaijan Platform)?"],
    ['ngos2', "roadmap: unknown entity 'ngos2'; did you mean 'NGOS'?"],
    ['Ministry', "roadmap: unknown entity 'Ministry'"],
  ])('%s: lists the entities and their aliases, and suggests the nearest', async (name, first) => {
    for (const command of ['status', 'check', 'report']) {
      const r = await run([command, '-r', SHIPPED, '--today', '2019-07-15', '--entity', name]);
      expect(r).toEqual({ code: 2, stdout: '', stderr: first + LIST });
    }
  });
});
