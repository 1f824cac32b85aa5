/** The command line refuses what would make a gate or a report meaningless (exit 2), and says why. */
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

  it('an empty ROADMAP_TODAY counts as unset: the date in the roadmap\'s zone', async () => {
    const r = await run(['status', '-r', SHIPPED, '--format', 'json'], { cwd: path.dirname(SHIPPED), env: { ROADMAP_TODAY: '' }, now: new Date('2019-07-15T21:00:00Z') });
    expect(JSON.parse(r.stdout).today).toBe('2019-07-16'); // Asia/Baku is UTC+4
  });
});
