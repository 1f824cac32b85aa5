/**
 * bin/roadmap.js runs the bundles with the V8 code cache the build wrote: a
 * cache is used only for the bundle it was made for, and a bundle without a
 * usable cache still runs, compiled as usual.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_NAME } from '../../src/version.js';
import { ROOT } from '../helpers.js';

const BIN = path.join(ROOT, 'bin', 'roadmap.js');
const dir = mkdtempSync(path.join(tmpdir(), 'roadmap-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads `cli` (and the status bundle) in a fresh node; which of them used a cache, and the exit code of `status`. */
function probe(cli: string): { cached: Record<string, boolean>; code: number; out: string } {
  const script = `
    const { load, loaded } = require(${JSON.stringify(BIN)});
    const io = { out: (t) => { out += t; }, err: () => {}, env: { NO_COLOR: '1' }, cwd: ${JSON.stringify(ROOT)},
      now: () => new Date(), stdoutTTY: false, columns: undefined, stdinTTY: false };
    let out = '';
    load(${JSON.stringify(cli)}).main(['node', 'roadmap', 'status', '--today', '2019-07-15', '--format', 'json'], io).then((code) => {
      const cached = Object.fromEntries([...loaded].map(([f, e]) => [require('node:path').basename(f), e.cached]));
      process.stdout.write(JSON.stringify({ cached, code, out }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('code cache', () => {
  it('the build writes a cache for the CLI and every command bundle', () => {
    for (const f of ['cli', 'commands/status', 'commands/check', 'commands/update']) {
      expect(existsSync(path.join(ROOT, 'dist', `${f}.cjs.cache`)), f).toBe(true);
    }
  });

  it('is used for the bundles it was made for', () => {
    const r = probe(path.join(ROOT, 'dist', 'cli.cjs'));
    expect(r.cached).toEqual({ 'cli.cjs': true, 'status.cjs': true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.overdue).toBe(6);
  });

  it('is ignored for a bundle changed since, which still runs', () => {
    const copy = path.join(dir, 'dist');
    mkdirSync(path.join(copy, 'commands'), { recursive: true });
    for (const f of ['cli.cjs', 'cli.cjs.cache', 'commands/status.cjs', 'commands/status.cjs.cache']) {
      copyFileSync(path.join(ROOT, 'dist', f), path.join(copy, f));
    }
    // Same size, another modification time: as after an edit that kept the length.
    utimesSync(path.join(copy, 'commands', 'status.cjs'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const r = probe(path.join(copy, 'cli.cjs'));
    expect(r.cached).toEqual({ 'cli.cjs': false, 'status.cjs': false });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.overdue).toBe(6);
  });
});

describe('the installed command', () => {
  it('says how to build when dist/ is missing, without a stack trace', () => {
    const bin = path.join(dir, 'unbuilt', 'bin');
    mkdirSync(bin, { recursive: true });
    for (const f of ['roadmap.js', 'package.json']) copyFileSync(path.join(ROOT, 'bin', f), path.join(bin, f));
    const r = spawnSync(process.execPath, [path.join(bin, 'roadmap.js'), 'status'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('roadmap: dist/ is not built: run `npm install` (or `npm run build`) in the roadmap checkout\n');
  });

  it('npx roadmap runs bin/roadmap.js: package.json and package-lock.json name the same package and file, which exists', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    // `roadmap` on the registry is another project: the package has its own name, the command keeps its.
    expect(pkg.name).toBe('roadmap-tracker');
    expect(PACKAGE_NAME).toBe(pkg.name);
    expect([lock.name, lock.packages[''].name]).toEqual([pkg.name, pkg.name]);
    expect(pkg.bin).toEqual({ roadmap: 'bin/roadmap.js' });
    // npm exec reads the root package's bins from the lock file.
    expect(lock.packages[''].bin).toEqual(pkg.bin);
    expect(readFileSync(path.join(ROOT, pkg.bin.roadmap), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
