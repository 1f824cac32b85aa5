/**
 * Where the roadmaps are read from when the command line does not say (SPEC §3):
 * the nearest roadmaps/ from the working directory up to the git work tree's top,
 * never the copies shipped with the package.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roadmapYaml, ROOT, run, spawn, tree } from '../helpers.js';

const DEMO = roadmapYaml(`      - id: "1.1"
        title: First
        window: 2019-03..2019-04
        responsible: A
`);

const HOW = 'give --roadmap PATH, set ROADMAP_PATH, or create one with roadmap init';
const outside = (dir: string) => `roadmap: no roadmaps found (looked for roadmaps/ in ${dir} only, as it is not inside a git work tree); ${HOW}\n`;
const inside = (dir: string, top: string) => `roadmap: no roadmaps found (looked for roadmaps/ from ${dir} up to ${top}); ${HOW}\n`;

describe('finding the roadmaps', () => {
  it.each([
    [['status', '--today', '2019-07-15']],
    [['check', '--today', '2019-07-15']],
    [['validate']],
    [['timeline', '--today', '2019-07-15']],
    [['report', '--today', '2019-07-15']],
    [['done', '1.1', '--on', '2019-04-01']],
    [['diff', 'old.yaml']],
  ])('outside a git work tree, with no ./roadmaps, %j exits 2 and says how to point at roadmaps', async (args) => {
    const dir = tree({ 'old.yaml': DEMO });
    const r = await run(args, { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: outside(dir) });
  });

  it('update exits 2 the same way before asking anything', async () => {
    const dir = tree({});
    const r = await run(['update'], { cwd: dir, stdinTTY: true, stdoutTTY: true });
    expect(r).toEqual({ code: 2, stdout: '', stderr: outside(dir) });
  });

  it('outside a git work tree, a roadmaps/ above the working directory is not used', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO, 'sub/x.txt': '' });
    const r = await run(['check', '--today', '2019-07-15'], { cwd: path.join(dir, 'sub') });
    expect(r).toEqual({ code: 2, stdout: '', stderr: outside(path.join(dir, 'sub')) });
  });

  it('inside a git work tree, the nearest roadmaps/ upwards is used, and paths stay relative to the working directory', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO, 'docs/deep/x.txt': '' });
    mkdirSync(path.join(dir, '.git'));
    const r = await run(['check', '--today', '2019-07-15', '--format', 'json'], { cwd: path.join(dir, 'docs', 'deep') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).roadmaps).toEqual([{ id: 'demo', title: 'Demo roadmap', revision: 1, file: '../../roadmaps/demo.yaml' }]);
    const v = await run(['validate'], { cwd: path.join(dir, 'docs') });
    expect(v).toEqual({
      code: 0,
      stdout: '../roadmaps/demo.yaml:6:3: warning: entity B is defined but no activity names it (responsible or support)\n\n✓ 1 warning in 1 file (1 file checked)\n',
      stderr: '',
    });
  });

  it('the nearest roadmaps/ wins over one further up', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO, 'team/roadmaps/team.yaml': DEMO.replace('id: demo', 'id: team'), 'team/sub/x.txt': '' });
    mkdirSync(path.join(dir, '.git'));
    const r = await run(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: path.join(dir, 'team', 'sub') });
    expect(JSON.parse(r.stdout).roadmaps.map((x: { file: string }) => x.file)).toEqual(['../roadmaps/team.yaml']);
  });

  it("the search stops at the work tree's top, where .git is a directory or a file", async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO, 'inner/sub/x.txt': '' });
    writeFileSync(path.join(dir, 'inner', '.git'), 'gitdir: ../.git/worktrees/inner\n');
    const r = await run(['status', '--today', '2019-07-15'], { cwd: path.join(dir, 'inner', 'sub') });
    expect(r).toEqual({ code: 2, stdout: '', stderr: inside(path.join(dir, 'inner', 'sub'), path.join(dir, 'inner')) });
  });

  it('a file named roadmaps is not a roadmaps/ directory', async () => {
    const dir = tree({ roadmaps: 'not a directory\n' });
    mkdirSync(path.join(dir, '.git'));
    const r = await run(['status', '--today', '2019-07-15'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: inside(dir, dir) });
  });

  it('the edit commands edit the roadmaps found upwards', async () => {
    const dir = tree({ 'roadmaps/demo.yaml': DEMO, 'sub/x.txt': '' });
    mkdirSync(path.join(dir, '.git'));
    const r = await run(['done', '1.1', '--on', '2019-04-01', '--dry-run'], { cwd: path.join(dir, 'sub') });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['--- a/../roadmaps/demo.yaml', '+++ b/../roadmaps/demo.yaml']);
  });

  it('in this repository, the roadmap command finds its own roadmaps/, from a subdirectory too (end to end)', () => {
    const top = spawn(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: ROOT });
    expect([top.code, top.stderr, JSON.parse(top.stdout).roadmaps[0].file]).toEqual([0, '', 'roadmaps/az-ogp-2019-21.yaml']);
    const sub = spawn(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: path.join(ROOT, 'src') });
    expect([sub.code, sub.stderr, JSON.parse(sub.stdout).roadmaps[0].file]).toEqual([0, '', '../roadmaps/az-ogp-2019-21.yaml']);
  });
});
