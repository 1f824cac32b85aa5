/**
 * Files that are not what a roadmap file should be: bytes that are not UTF-8,
 * links out of the tree searched, loops, FIFOs and devices. Each run must end by
 * itself with exit 2 (or succeed), name the file, and never quote what it should
 * not have read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, roadmapYaml, tree } from '../helpers.js';

const ACTIVITY = '      - id: "1.1"\n        title: Opening\n        due: 2019-05-01\n        responsible: [A, B]\n';

/** Runs the CLI; a run that hangs is killed and fails the test instead of stalling the suite. */
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'roadmap.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ROADMAP_TODAY: '2019-07-15', ROADMAP_PATH: '' },
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.signal).toBeNull(); // ended by itself
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('text that is not UTF-8', () => {
  // Line 3 ends in a Latin-1 comment: 'résumé' with é as the single byte 0xE9.
  const latin1 = () => {
    const text = roadmapYaml(ACTIVITY).replace('title: Demo roadmap', 'title: Demo roadmap # r\u00e9sum\u00e9');
    return Buffer.from(text, 'latin1');
  };

  it('refuses an edit of a Latin-1 file and leaves its bytes as they were', () => {
    const dir = tree({});
    const file = path.join(dir, 'plan.yaml');
    const before = latin1();
    writeFileSync(file, before);
    for (const extra of [[], ['--dry-run']]) {
      const r = cli(['done', '1.1', '--on', '2019-04-20', '-r', 'plan.yaml', ...extra], dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('plan.yaml:3:24: error: not valid UTF-8 (byte 0xe9): save the file as UTF-8\nroadmap: 1 error in 1 file\n');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names the first bad byte by line and column in validate, in every format', () => {
    const dir = tree({});
    const text = roadmapYaml(ACTIVITY.replace('title: Opening', 'title: Caf\u00e9 \u00e9')).replace('A: Alpha agency', 'A: Alpha agency \u20ac');
    // A correct euro sign (3 bytes) on line 5 counts as one column; the bad byte is on line 12.
    writeFileSync(path.join(dir, 'plan.yaml'), Buffer.concat([Buffer.from(text.slice(0, text.indexOf('Caf')), 'utf8'), Buffer.from(text.slice(text.indexOf('Caf')), 'latin1')]));
    const r = cli(['validate', 'plan.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('plan.yaml:12:19: error: not valid UTF-8 (byte 0xe9): save the file as UTF-8\n\n✗ 1 error in 1 file (1 file checked)\n');
    const json = cli(['validate', 'plan.yaml', '--format', 'json'], dir);
    expect(JSON.parse(json.stdout).problems).toEqual([{ file: 'plan.yaml', line: 12, column: 19, severity: 'error', message: 'not valid UTF-8 (byte 0xe9): save the file as UTF-8' }]);
  });

  it('counts a column after a byte-order mark and a truncated sequence at the end', () => {
    const dir = tree({});
    writeFileSync(path.join(dir, 'plan.yaml'), Buffer.concat([Buffer.from('\ufeffid: \u00e9', 'utf8'), Buffer.from([0xe2, 0x82])]));
    const r = cli(['validate', 'plan.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe('plan.yaml:1:6: error: not valid UTF-8 (byte 0xe2): save the file as UTF-8');
  });

  it('still reads a UTF-8 file with a byte-order mark', () => {
    const dir = tree({ 'plan.yaml': `\ufeff${roadmapYaml(ACTIVITY)}` });
    const r = cli(['validate', 'plan.yaml'], dir);
    expect(r.code).toBe(0);
  });
});

describe('symbolic links out of the directory searched', () => {
  const SECRET = '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0OnRva2Vu\n';

  function linked() {
    const dir = tree({ 'secret.yaml': SECRET, 'roadmaps/a.yaml': roadmapYaml(ACTIVITY), 'shared/s.yaml': roadmapYaml(ACTIVITY).replace('id: demo', 'id: shared') });
    symlinkSync('../secret.yaml', path.join(dir, 'roadmaps', 'b.yaml'));
    symlinkSync('../shared', path.join(dir, 'roadmaps', 'shared'));
    symlinkSync('a.yaml', path.join(dir, 'roadmaps', 'same.yml.txt')); // not a roadmap name: ignored
    return dir;
  }

  it('does not follow them, names the link and never quotes what it points at', () => {
    const dir = linked();
    for (const args of [['validate'], ['status'], ['check']]) {
      const r = cli(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr + r.stdout).not.toContain('c2VjcmV0');
      expect(r.stderr + r.stdout).toContain('roadmaps/b.yaml: error: a symbolic link out of roadmaps: not followed (name the file with --roadmap to read it)');
      expect(r.stderr + r.stdout).toContain('roadmaps/shared: error: a symbolic link out of roadmaps: not followed (name the directory with --roadmap to read it)');
    }
  });

  it('follows links that stay inside it', () => {
    const dir = tree({ 'roadmaps/2019/a.yaml': roadmapYaml(ACTIVITY) });
    symlinkSync('2019', path.join(dir, 'roadmaps', 'current'));
    symlinkSync('2019/a.yaml', path.join(dir, 'roadmaps', 'latest.yaml'));
    const r = cli(['validate', '--format', 'json'], dir);
    // The same file under two names is the same roadmap twice: an error, as before.
    expect(JSON.parse(r.stdout).problems.map((p: { file: string; severity: string; message: string }) => `${p.file} ${p.severity} ${p.message}`)).toEqual([
      'roadmaps/current warning a directory already searched (roadmaps/2019): not searched again',
      'roadmaps/latest.yaml error roadmap demo revision 1 is also defined in roadmaps/2019/a.yaml: give one of them another revision',
    ]);
  });

  it('reads a link named on the command line, quoting at most the token at an error', () => {
    const dir = linked();
    const r = cli(['validate', 'roadmaps/b.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('roadmaps/b.yaml:2:31: error: Unexpected scalar token in YAML stream: "basic…"\n');
    expect(r.stdout).not.toContain('c2VjcmV0');
  });
});

describe('files that never end and trees that loop', () => {
  it('ends a search through two links back up the tree', () => {
    const dir = tree({ 'roadmaps/a/one.yaml': roadmapYaml(ACTIVITY), 'roadmaps/b/readme.md': '#' });
    symlinkSync('..', path.join(dir, 'roadmaps', 'a', 'up'));
    symlinkSync('..', path.join(dir, 'roadmaps', 'b', 'up'));
    const r = cli(['validate'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'roadmaps/a/up: warning: a directory already searched (roadmaps): not searched again',
        'roadmaps/b/up: warning: a directory already searched (roadmaps): not searched again',
        '',
        '✓ 2 warnings in 2 files (1 file checked)',
        '',
      ].join('\n'),
    );
  });

  it('refuses a FIFO, found in a directory or named, without waiting for a writer', () => {
    const dir = tree({ 'roadmaps/a.yaml': roadmapYaml(ACTIVITY) });
    execFileSync('mkfifo', [path.join(dir, 'roadmaps', 'x.yaml')]);
    for (const where of ['roadmaps', 'roadmaps/x.yaml']) {
      const r = cli(['validate', where], dir);
      expect(r.code).toBe(2);
      expect(r.stdout.split('\n')[0]).toBe('roadmaps/x.yaml: error: not a regular file');
    }
  });

  it('refuses a device named on the command line, and a link to one in a directory', () => {
    const dir = tree({ 'roadmaps/a.yaml': roadmapYaml(ACTIVITY) });
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    symlinkSync('/dev/zero', path.join(dir, 'roadmaps', 'zero.yaml'));
    const named = cli(['validate', 'zero.yaml'], dir);
    expect(named.code).toBe(2);
    expect(named.stdout.split('\n')[0]).toBe('zero.yaml: error: not a regular file');
    const found = cli(['validate', 'roadmaps'], dir);
    expect(found.code).toBe(2);
    expect(found.stdout.split('\n')[0]).toBe('roadmaps/zero.yaml: error: a symbolic link out of roadmaps: not followed (name the file with --roadmap to read it)');
  });
});
