/** Where output goes: standard output that cannot be written, and --output targets. */
import { spawn as spawnChild, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, lstatSync, openSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHIPPED, spawn, tree } from '../helpers.js';

const BIN = path.join(ROOT, 'bin', 'roadmap.js');
const ENV = { PATH: process.env.PATH, NO_COLOR: '1', TMPDIR: process.env.TMPDIR };
const FULL = 'roadmap: cannot write to standard output: no space left on device\n';

/** Runs roadmap with its standard output (and, if asked, its standard error) on /dev/full. */
function toFull(args: string[], cwd = ROOT, stderrToo = false) {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', fd, stderrToo ? fd : 'pipe'] });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!existsSync('/dev/full'))('standard output that cannot be written (exit 4)', () => {
  it('status: exit 4 and one line on stderr, no stack', () => {
    expect(toFull(['status', '--today', '2019-07-15', '-r', SHIPPED])).toEqual({ code: 4, stderr: FULL });
  });

  it('check with deadlines missed: exit 4, not 1', () => {
    expect(toFull(['check', '--today', '2019-07-15', '-r', SHIPPED])).toEqual({ code: 4, stderr: FULL });
  });

  it('standard error on /dev/full too: the exit code still tells what happened', () => {
    expect(toFull(['check', '--today', '2019-07-15', '-r', SHIPPED], ROOT, true)).toEqual({ code: 4, stderr: null });
    expect(toFull(['status', '-r', 'no-such.yaml'], ROOT, true)).toEqual({ code: 2, stderr: null });
  });

  it('an edit writes its file once, then exits 4', () => {
    const dir = tree({ 'roadmaps/a.yaml': readFileSync(SHIPPED, 'utf8') });
    const file = path.join(dir, 'roadmaps', 'a.yaml');
    expect(toFull(['done', '1.1', '--on', '2019-04-20', '--today', '2019-07-15'], dir)).toEqual({ code: 4, stderr: FULL });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(SHIPPED, 'utf8').replace('        responsible: CCC\n', '        responsible: CCC\n        done: 2019-04-20\n'));
    expect(readdirSync(path.dirname(file))).toEqual(['a.yaml']);
  });
});

describe('a reader that closes the pipe early', () => {
  it('is its choice: exit 0, nothing on stderr', async () => {
    const child = spawnChild(process.execPath, [BIN, 'status', '--today', '2019-07-15', '-r', SHIPPED], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed before the child writes anything: its first write gets EPIPE
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

const root = process.getuid?.() === 0;
const today = ['--today', '2019-07-15'];

/** A project with one roadmap, run from its directory. */
function project(files: Record<string, string> = {}) {
  const dir = tree({ 'roadmaps/a.yaml': readFileSync(SHIPPED, 'utf8'), ...files });
  const roadmap = (args: string[]) => spawn(args, { cwd: dir });
  return { dir, roadmap, at: (f: string) => path.join(dir, f) };
}

/** The report of a project's roadmaps/a.yaml, as printed. */
let printed: string | undefined;
const markdownOf = (p: ReturnType<typeof project>) => (printed ??= p.roadmap(['report', ...today]).stdout);

describe('--output onto what must not be replaced', () => {
  it.skipIf(!root)('a character device (a /dev/null of its own) is written to, not replaced', () => {
    const p = project();
    expect(spawnSync('mknod', [p.at('null'), 'c', '1', '3']).status).toBe(0);
    expect(p.roadmap(['report', ...today, '--format', 'markdown', '--output', 'null'])).toEqual({ code: 0, stdout: '', stderr: 'roadmap: wrote null (markdown, 19 activities)\n' });
    expect(p.roadmap(['check', ...today, '--format', 'json', '--output', 'null']).code).toBe(1);
    expect(lstatSync(p.at('null')).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is written to, for the reader at its other end', async () => {
    const p = project();
    expect(spawnSync('mkfifo', [p.at('pipe')]).status).toBe(0);
    const reader = spawnChild('cat', [p.at('pipe')], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const r = await new Promise<{ code: number | null }>((resolve) => {
      const w = spawnChild(process.execPath, [BIN, 'report', ...today, '--format', 'markdown', '--output', 'pipe', '-q'], { cwd: p.dir, env: ENV, stdio: 'ignore' });
      w.on('close', (code) => resolve({ code }));
    });
    const fifo = lstatSync(p.at('pipe')).isFIFO();
    if (!fifo) reader.kill(); // replaced by a regular file: nobody will ever write to the reader
    await readerDone;
    expect({ code: r.code, fifo, read }).toEqual({ code: 0, fifo: true, read: markdownOf(p) });
  });

  it('--output /dev/stdout writes to standard output when it is a pipe', () => {
    const p = project();
    expect(p.roadmap(['report', ...today, '--format', 'markdown', '--output', '/dev/stdout', '-q'])).toEqual({ code: 0, stdout: markdownOf(p), stderr: '' });
  });

  it('a symbolic link is not followed onto another file', () => {
    const p = project({ 'victim.md': 'keep me\n' });
    symlinkSync('victim.md', p.at('out.md'));
    expect(p.roadmap(['report', ...today, '--output', 'out.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'roadmap: --output out.md is a symbolic link (to victim.md): give the file itself; nothing was written\n',
    });
    expect([readFileSync(p.at('victim.md'), 'utf8'), lstatSync(p.at('out.md')).isSymbolicLink()]).toEqual(['keep me\n', true]);
  });

  it('a roadmap the command reads is never overwritten by its report', () => {
    const p = project();
    const before = readFileSync(p.at('roadmaps/a.yaml'), 'utf8');
    const refused = { stdout: '', stderr: 'roadmap: --output roadmaps/a.yaml is a roadmap this command reads; nothing was written\n' };
    expect(p.roadmap(['report', ...today, '--format', 'markdown', '--output', 'roadmaps/a.yaml'])).toEqual({ code: 2, ...refused });
    expect(p.roadmap(['check', ...today, '--format', 'markdown', '--output', 'roadmaps/a.yaml'])).toEqual({ code: 2, ...refused });
    // Under another name (a hard link) too.
    linkSync(p.at('roadmaps/a.yaml'), p.at('alias.md'));
    expect(p.roadmap(['report', ...today, '--output', 'alias.md'])).toEqual({ code: 2, stdout: '', stderr: 'roadmap: --output alias.md is a roadmap this command reads; nothing was written\n' });
    expect(readFileSync(p.at('roadmaps/a.yaml'), 'utf8')).toBe(before);
  });

  it('says so when an existing file is replaced (unless -q)', () => {
    const p = project({ 'old.md': 'old\n', 'old.json': '{}\n' });
    expect(p.roadmap(['report', ...today, '--output', 'old.md'])).toEqual({ code: 0, stdout: '', stderr: 'roadmap: replaced old.md (markdown, 19 activities)\n' });
    expect(readFileSync(p.at('old.md'), 'utf8')).toBe(markdownOf(p));
    const r = p.roadmap(['check', ...today, '--format', 'json', '--output', 'old.json']);
    expect([r.code, r.stderr]).toEqual([1, 'roadmap: replaced old.json\n']);
    expect(p.roadmap(['check', ...today, '--format', 'json', '--output', 'old.json', '-q']).stderr).toBe('');
    expect(p.roadmap(['check', ...today, '--format', 'json', '--output', 'new.json']).stderr).toBe('');
  });
});
