/**
 * Hostile or absurd input at scale is refused with exit 2 and a short message
 * naming the file (and line:column where there is one), never a stack trace.
 * How fast and how lean that is, the benchmark measures (npm run bench).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../../bench/generate.mjs';
import { ROOT } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roadmap-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refuse(name: string, content: string | Buffer) {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, content);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'roadmap.js'), 'status', '-r', file, '--today', '2019-07-15'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // A safety net only: a run that hangs fails here instead of stalling the suite.
    timeout: 60_000,
  });
  expect(r.error).toBeUndefined();
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return { code: r.status, stderr: r.stderr };
}

describe('bad input at scale', () => {
  it('refuses a 50 MB file by its size, before reading it', () => {
    const r = refuse('huge', BAD_INPUTS.huge());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('huge.yaml: error: file is 50.0 MiB; roadmap files are limited to 10 MiB\nroadmap: 1 error in 1 file\n');
  });

  it('refuses 10,000 nested flow collections with a position', () => {
    const r = refuse('deep', BAD_INPUTS.deep());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deep\.yaml:3:\d+: error: nesting too deep to read \(at most 64 levels\)\n/);
  });

  it('refuses 10,000 nested block sequences with a position', () => {
    const r = refuse('deep-block', BAD_INPUTS.deepBlock());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deep-block\.yaml:4:\d+: error: nesting too deep to read \(at most 64 levels\)\n/);
  });

  it('refuses a billion laughs without expanding them', () => {
    const r = refuse('laughs', BAD_INPUTS.laughs());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\nlaughs\.yaml:\d+:\d+: error: aliases expand to more than 10000 nodes\n/);
  });

  it('refuses random bytes as not text', () => {
    const r = refuse('random', BAD_INPUTS.random());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('random.yaml: error: not a text file (contains NUL bytes)\nroadmap: 1 error in 1 file\n');
  });

  it('refuses random bytes without NULs with YAML errors at their positions', () => {
    const bytes = Buffer.from((BAD_INPUTS.random() as Buffer).map((b) => (b === 0 ? 32 : b)));
    const r = refuse('noise', bytes);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^noise\.yaml:\d+:\d+: error: /);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^roadmap: \d+ errors? in 1 file$/);
  });
});
