import * as fsp from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WriteFs } from '../../src/shell/write.js';
import { runEdit } from '../../src/shell/edit.js';
import { resolveRun } from '../../src/shell/run.js';
import type { Io } from '../../src/shell/io.js';
import { MAX_FILE_BYTES } from '../../src/load/index.js';
import { roadmapYaml, run, SHIPPED, tree } from '../helpers.js';

const ACTIVITIES = `      - id: "1.1"
        title: First
        window: 2019-03..2019-04
        responsible: A
      - id: "1.2"
        title: Second
        window: 2019-05
        responsible: B
`;

function project(files: Record<string, string> = { 'roadmaps/demo.yaml': roadmapYaml(ACTIVITIES) }) {
  const dir = tree(files);
  return { dir, read: (f = 'roadmaps/demo.yaml') => readFileSync(path.join(dir, f), 'utf8') };
}

describe('edit commands', () => {
  it('print the diff with --dry-run and write nothing', async () => {
    const p = project();
    const r = await run(['done', '1.2', '--on', '2019-05-31', '--dry-run'], { cwd: p.dir });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: `--- a/roadmaps/demo.yaml
+++ b/roadmaps/demo.yaml
@@ -16,3 +16,4 @@
         title: Second
         window: 2019-05
         responsible: B
+        done: 2019-05-31
`,
    });
    expect(p.read()).toBe(roadmapYaml(ACTIVITIES));
  });

  it("take today from --today, ROADMAP_TODAY, else the roadmap's time zone", async () => {
    const baku = roadmapYaml(ACTIVITIES, 'timezone: Asia/Baku\n');
    const late = new Date('2019-07-15T21:30:00Z'); // already the 16th in Baku (UTC+4)
    let p = project({ 'roadmaps/demo.yaml': baku });
    expect((await run(['done', '1.1'], { cwd: p.dir, now: late })).stdout).toBe('demo 1.1: done 2019-07-16\n');
    p = project({ 'roadmaps/demo.yaml': baku });
    expect((await run(['done', '1.1'], { cwd: p.dir, now: late, env: { ROADMAP_TODAY: '2019-04-02' } })).stdout).toBe('demo 1.1: done 2019-04-02\n');
    p = project({ 'roadmaps/demo.yaml': baku });
    expect((await run(['start', '1.1', '--today', '2019-03-03'], { cwd: p.dir, now: late })).stdout).toBe('demo 1.1: started 2019-03-03\n');
  });

  it.each([
    [['done', '1.3'], "roadmap: no activity '1.3' in roadmap demo; did you mean '1.1', '1.2'?\n"],
    [['done', 'S1'], "roadmap: 'S1' is a stage; edits apply to activities (its activities: 1.1, 1.2)\n"],
    [['done', '1.1', '--on', '2019-02-30'], 'roadmap: --on "2019-02-30" is not a calendar date (YYYY-MM-DD)\n'],
    [['done', '1.1', '--on', '2019-07-16'], 'roadmap: cannot record a completion in the future: today is 2019-07-15\n'],
    [['start', '1.1', '--on', '2031-01-01'], 'roadmap: cannot record a start in the future: today is 2019-07-15\n'],
    [['move', '1.1', '--to', '2019-06..2019-05'], 'roadmap: --to 2019-06..2019-05 ends (2019-05-31) before it starts (2019-06-01)\n'],
    [['move', '1.1'], 'roadmap: move needs the new window: --to <window>, e.g. --to 2019-05..2019-06\n'],
    [['cancel', '1.1'], 'roadmap: cancel needs a reason: --reason <text>\n'],
    [['done', 'other:1.1'], "roadmap: no roadmap 'other' (roadmaps: 'demo')\n"],
  ])('refuse %j with exit 2 and write nothing', async (args, stderr) => {
    const p = project();
    const r = await run(args, { cwd: p.dir, env: { ROADMAP_TODAY: '2019-07-15' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expect(p.read()).toBe(roadmapYaml(ACTIVITIES));
  });

  it('accept a completion before the window opens (finished early is on time), and up to today', async () => {
    const p = project();
    expect((await run(['done', '1.1', '--on', '2019-02-20'], { cwd: p.dir, env: { ROADMAP_TODAY: '2019-07-15' } })).stdout).toBe('demo 1.1: done 2019-02-20\n');
    expect((await run(['done', '1.2', '--on', '2019-07-15'], { cwd: p.dir, env: { ROADMAP_TODAY: '2019-07-15' } })).stdout).toBe('demo 1.2: done 2019-07-15\n');
    expect((await run(['start', '1.2', '--on', '2019-01-02', '--today', '2019-01-02'], { cwd: p.dir })).stdout).toBe('demo 1.2: started 2019-01-02\n');
    expect(p.read()).toBe(roadmapYaml(`${ACTIVITIES.replace('responsible: A\n', 'responsible: A\n        done: 2019-02-20\n')}        done: 2019-07-15\n        started: 2019-01-02\n`));
  });

  it('take "the future" from the roadmap\'s today: --today, ROADMAP_TODAY, its time zone', async () => {
    const p = project();
    const r = await run(['done', '1.1', '--on', '2019-07-16', '--today', '2019-07-15'], { cwd: p.dir, env: { ROADMAP_TODAY: '2030-01-01' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'roadmap: cannot record a completion in the future: today is 2019-07-15\n' });
    const baku = project({ 'roadmaps/demo.yaml': roadmapYaml(ACTIVITIES, 'timezone: Asia/Baku\n') });
    const late = new Date('2019-07-15T21:30:00Z'); // already the 16th in Baku (UTC+4)
    expect((await run(['done', '1.1', '--on', '2019-07-16'], { cwd: baku.dir, now: late })).stdout).toBe('demo 1.1: done 2019-07-16\n');
    expect((await run(['done', '1.2', '--on', '2019-07-17'], { cwd: baku.dir, now: late })).stderr).toBe('roadmap: cannot record a completion in the future: today is 2019-07-16\n');
  });

  it('list the candidates of an ambiguous id, and accept it qualified', async () => {
    const p = project({
      'roadmaps/demo.yaml': roadmapYaml(ACTIVITIES),
      'roadmaps/other.yaml': roadmapYaml(ACTIVITIES).replace('id: demo', 'id: other'),
    });
    const r = await run(['done', '1.1', '--on', '2019-04-01'], { cwd: p.dir });
    expect(r.stderr).toBe("roadmap: activity '1.1' is in several roadmaps: 'demo:1.1', 'other:1.1'; name one as ROADMAP-ID:ACTIVITY-ID\n");
    expect(r.code).toBe(2);
    const q = await run(['done', 'other:1.1', '--on', '2019-04-01'], { cwd: p.dir });
    expect(q.stdout).toBe('other 1.1: done 2019-04-01\n');
    expect(p.read('roadmaps/other.yaml')).toContain('        done: 2019-04-01\n');
    expect(p.read()).toBe(roadmapYaml(ACTIVITIES));
    const near = await run(['done', '1.4', '--on', '2019-04-01'], { cwd: p.dir });
    expect(near.stderr).toBe("roadmap: no activity '1.4'; did you mean 'demo:1.1', 'other:1.1', 'demo:1.2', 'other:1.2'?\n");
  });

  it('name file:line:col of a file with YAML errors', async () => {
    const broken = roadmapYaml(ACTIVITIES).replace('        title: Second', '        title: [Second');
    const p = project({ 'roadmaps/demo.yaml': broken });
    const r = await run(['done', '1.1', '--on', '2019-04-01'], { cwd: p.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roadmaps\/demo\.yaml:\d+:\d+: error: /);
    expect(p.read()).toBe(broken);
  });

  it('refuse to edit anything (never the roadmaps shipped inside the package) when no roadmaps are found', async () => {
    const dir = tree({});
    const r = await run(['done', '1.1'], { cwd: dir });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `roadmap: no roadmaps found (looked for roadmaps/ in ${dir} only, as it is not inside a git work tree); give --roadmap PATH, set ROADMAP_PATH, or create one with roadmap init\n`,
    });
  });

  it('refuse an edit that would take the file past the size limit, so that it stays readable', async () => {
    const text = roadmapYaml(ACTIVITIES);
    // Comment lines fill the file to 10 bytes under the limit: a done line does not fit.
    const room = MAX_FILE_BYTES - 10 - Buffer.byteLength(text);
    const line = `# ${'x'.repeat(98)}\n`;
    const full = text + line.repeat(Math.floor(room / line.length)) + '#'.repeat(room % line.length);
    const p = project({ 'roadmaps/demo.yaml': full });
    expect(Buffer.byteLength(p.read())).toBe(MAX_FILE_BYTES - 10);
    const r = await run(['done', '1.1', '--on', '2019-04-20'], { cwd: p.dir });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'roadmap: the edit would make roadmaps/demo.yaml 10485775 bytes, over the limit of 10 MiB (10485760 bytes) for roadmap files; nothing was written\n',
    });
    expect(p.read()).toBe(full);
    expect((await run(['reopen', '1.1'], { cwd: p.dir })).stdout).toBe('demo 1.1: unchanged (neither done nor cancelled)\n');
  });

  it('refuse to write over a file that changed since it was read', async () => {
    const p = project();
    const file = path.join(p.dir, 'roadmaps/demo.yaml');
    const fs: WriteFs = {
      ...fsp,
      open: (async (...a: Parameters<typeof fsp.open>) => {
        writeFileSync(file, '# theirs\n');
        return fsp.open(...a);
      }) as typeof fsp.open,
    };
    let err = '';
    const io: Io = { out: () => undefined, err: (t) => void (err += t), env: {}, cwd: p.dir, now: () => new Date('2019-07-15T12:00:00Z'), stdoutTTY: false, columns: undefined, stdinTTY: false };
    const r = await resolveRun({}, io);
    await expect(runEdit(r, {}, '1.1', () => ({ kind: 'reopen' }), { fs })).resolves.toEqual({ stdout: 'demo 1.1: unchanged (neither done nor cancelled)\n', exit: 0 }); // no write attempted
    await expect(runEdit(r, {}, '1.1', () => ({ kind: 'cancel', reason: 'x' }), { fs })).rejects.toThrow(
      'roadmaps/demo.yaml changed on disk since it was read (edited or removed meanwhile); nothing was written: run the command again',
    );
    expect(p.read()).toBe('# theirs\n');
    expect(err).toBe('');
  });

  it('mark 1.1 of the shipped roadmap done: two added lines, then status shows it done', async () => {
    const original = readFileSync(SHIPPED, 'utf8');
    const p = project({ 'roadmaps/az-ogp-2019-21.yaml': original });
    const r = await run(['done', '1.1', '--on', '2019-04-20', '--evidence', 'https://example.org/x'], { cwd: p.dir });
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'az-ogp-2019-21 1.1: done 2019-04-20, evidence +1\n' });
    const anchor = '        window: 2019-03..2019-04\n        responsible: CCC\n';
    expect(p.read('roadmaps/az-ogp-2019-21.yaml')).toBe(original.replace(anchor, `${anchor}        done: 2019-04-20\n        evidence: [https://example.org/x]\n`));
    const s = await run(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: p.dir });
    const one = JSON.parse(s.stdout).activities.find((a: { id: string }) => a.id === '1.1');
    expect(one).toMatchObject({ state: 'done', done: '2019-04-20', late: false });
  });
});
