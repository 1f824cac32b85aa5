/**
 * Inputs of unusual size through the whole command line: each run ends with a
 * sensible exit and message, never a stack trace. How fast, the benchmark says
 * (npm run bench -- --only slow).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SLOW_INPUTS } from '../../bench/generate.mjs';
import { SHIPPED, spawn } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roadmap-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

const roadmap = (args: string[], env: Record<string, string> = {}) => {
  const r = spawn(args.includes('--today') ? args : [...args, '--today', '2022-07-15'], { cwd: dir, env });
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return r;
};

describe('relative dates at scale', () => {
  it('a chain of 3,000 relative dates resolves', () => {
    const chain = file('chain.yaml', SLOW_INPUTS.chain(3_000));
    // a3000 is due 2020-01-01 + 2,999 days, each link a day before
    const r = roadmap(['status', '-r', chain, '--format', 'json', '--state', 'due-soon', '--today', '2028-03-16', '--horizon', '2']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const due = JSON.parse(r.stdout).activities.map((a: { id: string; end: string }) => `${a.id} ${a.end}`);
    expect(due).toEqual(['a3000 2028-03-18', 'a2999 2028-03-17', 'a2998 2028-03-16']);
  });

  it('a ring of 3,000 relative dates: exit 2, the cycle named at its line', () => {
    const ring = file('ring.yaml', SLOW_INPUTS.ring(3_000));
    const r = roadmap(['check', '-r', ring]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'ring.yaml:3009:36: error: relative dates form a cycle: a3000 -> a2999 -> a2998 -> a2997 -> … 2,993 more … -> a3 -> a2 -> a1 -> a3000 (a cycle of 3,000)\nroadmap: 1 error in 1 file\n',
    );
  });
});

describe('many problems', () => {
  it('lists the first 1,000 problems, then how many more; JSON carries them all', () => {
    const bad = file('invalid.yaml', SLOW_INPUTS.invalid(400)); // 1,200 problems
    const text = roadmap(['validate', bad]);
    const out = text.stdout.split('\n');
    expect([text.code, out.length, out[0], out[999], out[1000], out.at(-2)]).toEqual([
      2,
      1004,
      'invalid.yaml:10:36: error: 2019-02-30 is not a calendar date',
      'invalid.yaml:343:38: error: 2019-02-30 is not a calendar date', // the 334th activity's first
      '… and 200 more problems (`roadmap validate --format json` lists them all)',
      '✗ 1200 errors in 1 file (1 file checked)',
    ]);
    const json = roadmap(['validate', bad, '--format', 'json']);
    expect([json.code, JSON.parse(json.stdout).problems.length]).toEqual([2, 1_200]);
    const status = roadmap(['status', '-r', bad]);
    expect([status.code, status.stdout, status.stderr.split('\n').slice(-3)]).toEqual([
      2,
      '',
      ['… and 200 more problems (`roadmap validate --format json` lists them all)', 'roadmap: 1200 errors in 1 file', ''],
    ]);
  });
});

describe('a window in the year 9999', () => {
  it('timeline: at most 100 years around today, said on stderr', () => {
    const far = file('far.yaml', SLOW_INPUTS.farDue());
    const r = roadmap(['timeline', '-r', far, '--width', '80']);
    expect([r.code, r.stdout.split('\n')[0], r.stderr]).toEqual([
      0,
      '         2020   2030   2040   2050    2060   2070   2080   2090   2100   2110',
      'roadmap: the chart shows 2019-03-01 to 2118-12-31 (at most 100 years, around today); the windows run from 2019-03-01 to 9999-12-31: give --from and --to to choose\n',
    ]);
  });

  it('timeline --to 9999: the 100 years before it; with --from too, the whole span', () => {
    const far = file('far.yaml', SLOW_INPUTS.farDue());
    const to = roadmap(['timeline', '-r', far, '--width', '80', '--to', '9999']);
    expect([to.code, to.stdout.split('\n')[0], to.stderr]).toEqual([
      0,
      '         9900   9910   9920   9930   9940   9950   9960   9970   9980   9990',
      'roadmap: the chart shows 9900-01-01 to 9999-12-31 (at most 100 years, from --to); the windows run from 2019-03-01 to 9999-12-31: give --from and --to to choose\n',
    ]);
    const both = roadmap(['timeline', '-r', far, '--width', '80', '--from', '0001', '--to', '9999']);
    expect([both.code, both.stdout.split('\n')[0], both.stderr]).toEqual([0, '         1      1000   2000   3000   4000   5000   6000   7000   8000   9000', '']);
  });

  it('report --format html: the same span, said in the page', () => {
    const far = file('far.yaml', SLOW_INPUTS.farDue());
    const r = roadmap(['report', '--format', 'html', '-r', far]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(
      '<p class="chart-note">The chart shows 2019-03-01 to 2118-12-31 (at most 100 years, around today); the windows run from 2019-03-01 to 9999-12-31; the tables below list every window.</p>',
    );
    expect(r.stdout.match(/<line class="tick/g)?.length).toBe(100); // a line a year
  });
});

describe('widths', () => {
  it('COLUMNS beyond 1,000 draws 1,000 columns; garbage is ignored', () => {
    const wide = roadmap(['status', '-r', SHIPPED, '--stage', 'I'], { COLUMNS: '99999999999' });
    expect([wide.code, wide.stderr, Math.max(...wide.stdout.split('\n').map((l) => l.length))]).toEqual([0, '', 1000]);
    const chart = roadmap(['timeline', '-r', SHIPPED], { COLUMNS: '99999999999' });
    expect([chart.code, chart.stderr, Math.max(...chart.stdout.split('\n').map((l) => [...l].length))]).toEqual([0, '', 1000]);
    const garbage = roadmap(['status', '-r', SHIPPED, '--stage', 'I'], { COLUMNS: '80x' });
    expect([garbage.code, Math.max(...garbage.stdout.split('\n').map((l) => l.length))]).toEqual([0, 120]);
  });
});

describe('git revisions at scale', () => {
  const git = (cwd: string, args: string[], input?: string) => {
    const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd, input, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const one = (id: string) =>
    `schema: 1\nid: ${id}\ntitle: R\nentities:\n  A: Agency\nstages:\n  - id: S\n    title: S\n    activities:\n      - { id: a, title: T, due: 2020-01-01, responsible: A }\n`;

  it("diff HEAD where roadmaps/ holds 100,000 files: git's listing is read as it streams", () => {
    const repo = path.join(dir, 'big');
    mkdirSync(path.join(repo, 'roadmaps'), { recursive: true });
    git(repo, ['init', '-q']);
    const note = git(repo, ['hash-object', '-w', '--stdin'], 'not a roadmap\n');
    const lines = Array.from({ length: 100_000 }, (_, i) => `100644 ${note}\troadmaps/notes/${'n'.repeat(60)}-${i}.txt`);
    writeFileSync(path.join(repo, 'roadmaps', 'r.yaml'), one('r'));
    lines.push(`100644 ${git(repo, ['hash-object', '-w', 'roadmaps/r.yaml'])}\troadmaps/r.yaml`);
    git(repo, ['update-index', '--add', '--index-info'], `${lines.join('\n')}\n`);
    git(repo, ['update-ref', 'HEAD', git(repo, ['commit-tree', git(repo, ['write-tree']), '-m', 'many files'])]);
    appendFileSync(path.join(repo, 'roadmaps', 'r.yaml'), '      - { id: b, title: U, due: 2020-02-01, responsible: A }\n');
    const r = spawn(['diff', 'HEAD', '-r', 'roadmaps', '--today', '2022-07-15'], { cwd: repo });
    expect([r.code, r.stderr, r.stdout.split('\n')[0]]).toEqual([0, '', 'HEAD ⇒ working tree: 1 change to r: 1 added']);
  });

  it('a file over 10 MiB at a revision is refused by its size, passed over unread', () => {
    const repo = path.join(dir, 'huge');
    mkdirSync(path.join(repo, 'roadmaps'), { recursive: true });
    writeFileSync(path.join(repo, 'roadmaps', 'r.yaml'), one('r'));
    writeFileSync(path.join(repo, 'roadmaps', 'huge.yaml'), `# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    git(repo, ['init', '-q']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'one']);
    rmSync(path.join(repo, 'roadmaps', 'huge.yaml'));
    const r = spawn(['diff', 'HEAD', '-r', 'roadmaps', '--today', '2022-07-15'], { cwd: repo });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'HEAD:roadmaps/huge.yaml: error: file is 11.0 MiB; roadmap files are limited to 10 MiB\nroadmap: 1 error in 1 file\n']);
  });

  it("a failure of git is an error with git's words, exit 2", () => {
    const repo = path.join(dir, 'broken');
    mkdirSync(path.join(repo, 'roadmaps'), { recursive: true });
    writeFileSync(path.join(repo, 'roadmaps', 'r.yaml'), one('r'));
    git(repo, ['init', '-q']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'one']);
    const tree = git(repo, ['rev-parse', 'HEAD:roadmaps']);
    rmSync(path.join(repo, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    const r = spawn(['diff', 'HEAD', '-r', 'roadmaps', '--today', '2022-07-15'], { cwd: repo });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `roadmap: git ls-tree failed: error: Could not read ${tree}\n`]);
  });
});
