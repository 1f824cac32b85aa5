/**
 * Two edits of one file at once: each lands, or one is refused with exit 2 —
 * never one silently lost. Real processes, with the first one's rename held back.
 */
import { spawn as spawnChild, spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/calendar/date.js';
import type { WriteFs } from '../../src/shell/write.js';
import { runEdit } from '../../src/shell/edit.js';
import { perform } from '../../src/shell/effects.js';
import { resolveRun } from '../../src/shell/run.js';
import type { Io } from '../../src/shell/io.js';
import { ROOT, roadmapYaml, spawn, tree, type Run } from '../helpers.js';

const TWO = roadmapYaml(`      - id: a1
        title: First
        window: 2019-03
        responsible: A
      - id: a2
        title: Second
        window: 2019-04
        responsible: A
`);

function setup() {
  const dir = tree({ 'r.yaml': TWO });
  return { dir, file: path.join(dir, 'r.yaml') };
}

const doneLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('done:'));

interface Child {
  readonly pid: number;
  /** Resolves when `text` first shows in the child's stderr (or it exits). */
  readonly says: (text: string) => Promise<void>;
  readonly ended: Promise<Run>;
}

/** Runs `command args` as a real process without blocking this one. */
function start(command: string, args: string[], cwd: string): Child {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ROADMAP_TODAY: undefined, ROADMAP_PATH: undefined };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = spawnChild(command, args, { cwd, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const poke = (all = false) => {
    for (const w of [...waiters]) if (all || stderr.includes(w.text)) waiters.splice(waiters.indexOf(w), 1), w.resolve();
  };
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => ((stderr += d), poke()));
  const ended = new Promise<Run>((resolve) => child.on('close', (code) => (poke(true), resolve({ code: code ?? -1, stdout, stderr }))));
  let over = false;
  void ended.then(() => (over = true));
  return {
    pid: child.pid!,
    says: (text) => new Promise<void>((resolve) => (over || stderr.includes(text) ? resolve() : waiters.push({ text, resolve }))),
    ended,
  };
}

const roadmap = (args: string[], cwd: string) => start(process.execPath, [path.join(ROOT, 'bin', 'roadmap.js'), ...args], cwd);
const doneArgs = (id: string) => ['done', id, '--on', '2019-04-20', '--today', '2019-07-15', '-r', 'r.yaml'];

const strace = spawnSync('strace', ['-V']).status === 0;

describe('two edits of one file at once', () => {
  it('a second process waits for the first, whose rename is held back, then both edits land', async () => {
    const { dir, file } = setup();
    let entered!: () => void;
    const inRename = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // The first edit, in this process, stops right before its rename...
    const fs: WriteFs = { ...fsp, rename: async (from, to) => (entered(), await released, fsp.rename(from, to)) };
    let out = '';
    const io: Io = { out: (t) => void (out += t), err: () => undefined, env: {}, cwd: dir, now: () => new Date('2019-07-15T12:00:00Z'), stdoutTTY: false, columns: undefined, stdinTTY: false };
    const first = resolveRun({ roadmap: ['r.yaml'], today: '2019-07-15' }, io)
      .then((r) => runEdit(r, {}, 'a1', () => ({ kind: 'done', on: parseDate('2019-04-20')!, evidence: [] }), { fs }))
      .then((o) => perform(o, io));
    await inRename;
    // ...while a second, real process edits the same file.
    const second = roadmap(doneArgs('a2'), dir);
    await second.says('waiting');
    release();
    expect(await first).toBe(0);
    expect(await second.ended).toEqual({ code: 0, stdout: 'demo a2: done 2019-04-20\n', stderr: `roadmap: waiting for another edit of r.yaml to finish\n` });
    expect(out).toBe('demo a1: done 2019-04-20\n');
    expect(doneLines(file)).toEqual(['        done: 2019-04-20', '        done: 2019-04-20']);
    expect(await fsp.readdir(dir)).toEqual(['r.yaml']);
  });

  it.skipIf(!strace)("two real processes, the first one's rename held back by strace: both edits land", async () => {
    const { dir, file } = setup();
    const first = start('strace', ['-f', '-e', 'trace=rename', '-e', 'inject=rename:delay_enter=1500000', process.execPath, path.join(ROOT, 'bin', 'roadmap.js'), ...doneArgs('a1')], dir);
    await first.says('rename(');
    const second = roadmap(doneArgs('a2'), dir);
    const [a, b] = [await first.ended, await second.ended];
    expect([a.code, a.stdout, b.code, b.stdout]).toEqual([0, 'demo a1: done 2019-04-20\n', 0, 'demo a2: done 2019-04-20\n']);
    expect(doneLines(file)).toEqual(['        done: 2019-04-20', '        done: 2019-04-20']);
    expect(await fsp.readdir(dir)).toEqual(['r.yaml']);
  });

  it.skipIf(!strace)('a line another program appends while the rename is held back is kept, and the edit refused', async () => {
    const { dir, file } = setup();
    const first = start('strace', ['-f', '-e', 'trace=rename', '-e', 'inject=rename:delay_enter=1000000:when=1', process.execPath, path.join(ROOT, 'bin', 'roadmap.js'), ...doneArgs('a1')], dir);
    await first.says('rename(');
    appendFileSync(file, '# theirs\n');
    const r = await first.ended;
    expect([r.code, r.stdout, r.stderr.split('\n').filter((l) => l.startsWith('roadmap:'))]).toEqual([
      2,
      '',
      ['roadmap: r.yaml: the file changed while writing; nothing was written (what the other program wrote is kept): run the command again'],
    ]);
    expect(readFileSync(file, 'utf8')).toBe(`${TWO}# theirs\n`);
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('a lock and a temporary file left by a killed edit block nothing and are cleaned up', () => {
    const { dir, file } = setup();
    // No process has this pid: it is above Linux's largest pid_max.
    const dead = 4194305;
    writeFileSync(path.join(dir, '.r.yaml.lock'), `${dead} ${hostname()}\n`);
    writeFileSync(path.join(dir, `.r.yaml.${dead}.k2j4h5g6.tmp`), 'half a fi');
    const r = spawn(doneArgs('a1'), { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'demo a1: done 2019-04-20\n', '']);
    expect(doneLines(file)).toEqual(['        done: 2019-04-20']);
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it.skipIf(!strace)('an edit killed with -9 in the middle of its write leaves nothing that blocks the next one', async () => {
    const { dir, file } = setup();
    const first = start('strace', ['-f', '-e', 'trace=rename', '-e', 'inject=rename:delay_enter=2000000', process.execPath, path.join(ROOT, 'bin', 'roadmap.js'), ...doneArgs('a1')], dir);
    await first.says('rename(');
    const [pid] = readFileSync(path.join(dir, '.r.yaml.lock'), 'utf8').split(' ');
    process.kill(Number(pid), 'SIGKILL');
    await first.ended;
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length).toBe(1);
    const r = spawn(doneArgs('a2'), { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'demo a2: done 2019-04-20\n', '']);
    expect(doneLines(file)).toEqual(['        done: 2019-04-20']);
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('30 pairs of parallel edits: no edit is lost', async () => {
    const lost: string[] = [];
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(
        Array.from({ length: 5 }, async (_, i) => {
          const { dir, file } = setup();
          const [a, b] = await Promise.all([roadmap(doneArgs('a1'), dir).ended, roadmap(doneArgs('a2'), dir).ended]);
          const landed = doneLines(file).length;
          // Both landed, or one was refused (exit 2) and said so: never exit 0 for an edit that is not there.
          const ok = (a.code === 0 && b.code === 0 && landed === 2) || ([a.code, b.code].sort().join() === '0,2' && landed === 1);
          if (!ok) lost.push(`pair ${batch * 5 + i}: exits ${a.code},${b.code}, ${landed} done`);
        }),
      );
    }
    expect(lost).toEqual([]);
  }, 60_000); // 60 processes on a busy machine
});
