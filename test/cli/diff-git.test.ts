import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, run, SHIPPED, spawn, tree } from '../helpers.js';

function repo(files: Record<string, string>): string {
  const dir = tree(files);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.org');
  git(dir, 'config', 'commit.gpgsign', 'false');
  commit(dir, 'first');
  return dir;
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

const FILE = 'roadmaps/az-ogp-2019-21.yaml';
const original = readFileSync(SHIPPED, 'utf8');

/** The edits of a typical pull request: 2.7 a month later, 2.5 to CCC, 1.1 done. */
function edited(text: string): string {
  const swap = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`fixture drift: ${from}`);
    text = text.replace(from, to);
  };
  swap('window: 2019-09..2019-12\n        responsible: [CCC, OGP-AZ]', 'window: 2019-10..2020-01\n        responsible: [CCC, OGP-AZ]');
  swap('window: 2019-09..2019-12\n        responsible: OGP-AZ', 'window: 2019-09..2019-12\n        responsible: CCC');
  swap('responsible: CCC\n      - id: "1.2"', 'responsible: CCC\n        done: 2019-04-20\n      - id: "1.2"');
  return text;
}

const THREE = `Stage I — Launch of the process
    1.1  marked done, on time: 2019-04-20
  Stage II — Completion, adoption and submission of the National Action Plan
    2.5  reassigned: OGP-AZ ⇒ CCC
    2.7  deadline extended by 31 days, starts 30 days later: 2019-09-01 → 2019-12-31 ⇒ 2019-10-01 → 2020-01-31
`;
const header = (from: string, to: string) => `${from} ⇒ ${to}: 3 changes to az-ogp-2019-21: 1 deadline extended, 1 reassigned, 1 marked done

az-ogp-2019-21 — Roadmap for the development of the 2019-21 OGP action plan
  `;

describe('roadmap diff against git revisions', () => {
  let dir: string;
  beforeAll(() => {
    dir = repo({ [FILE]: original, 'README.md': 'x\n' });
    writeFileSync(path.join(dir, FILE), edited(original));
  });

  it('reports the uncommitted edits against HEAD, then the commit against HEAD~1', async () => {
    const now = await run(['diff', 'HEAD'], { cwd: dir });
    expect([now.code, now.stderr]).toEqual([0, '']);
    expect(now.stdout).toBe(header('HEAD', 'working tree') + THREE);

    const again = mkdtempSync(path.join(tmpdir(), 'roadmap-clone-'));
    git(again, 'clone', '-q', dir, '.');
    git(again, 'config', 'user.name', 'Test');
    git(again, 'config', 'user.email', 'test@example.org');
    git(again, 'config', 'commit.gpgsign', 'false');
    writeFileSync(path.join(again, FILE), edited(original));
    commit(again, 'edit');
    const committed = await run(['diff', 'HEAD~1'], { cwd: again });
    expect(committed.stdout).toBe(header('HEAD~1', 'working tree') + THREE);
    const both = await run(['diff', 'HEAD~1', 'HEAD'], { cwd: again });
    expect(both.stdout).toBe(header('HEAD~1', 'HEAD') + THREE);
    const nothing = await run(['diff', 'HEAD'], { cwd: again });
    expect(nothing.stdout).toBe('HEAD ⇒ working tree: no changes to az-ogp-2019-21\n');
  });

  it('works from a subdirectory: paths are relative to it', async () => {
    const sub = path.join(dir, 'roadmaps');
    const viaR = await run(['-r', '.', 'diff', 'HEAD'], { cwd: sub });
    expect(viaR.stdout).toBe(header('HEAD', 'working tree') + THREE);
    const viaPath = await run(['diff', 'HEAD:az-ogp-2019-21.yaml', 'az-ogp-2019-21.yaml', '--format', 'json'], { cwd: sub });
    const doc = JSON.parse(viaPath.stdout);
    expect([doc.old.roadmaps[0].file, doc.new.roadmaps[0].file, doc.count]).toEqual(['HEAD:roadmaps/az-ogp-2019-21.yaml', 'az-ogp-2019-21.yaml', 3]);
    // Without -r, both sides are read at the roadmaps/ found upwards (here: this directory).
    const bare = await run(['diff', 'HEAD'], { cwd: sub });
    expect([bare.code, bare.stdout, bare.stderr]).toEqual([0, header('HEAD', 'working tree') + THREE, '']);
    mkdirSync(path.join(dir, 'docs', 'deep'), { recursive: true });
    const deep = await run(['diff', 'HEAD', '--format', 'json'], { cwd: path.join(dir, 'docs', 'deep') });
    const json = JSON.parse(deep.stdout);
    expect([deep.code, json.old.roadmaps[0].file, json.new.roadmaps[0].file, json.count]).toEqual([0, 'HEAD:roadmaps/az-ogp-2019-21.yaml', '../../roadmaps/az-ogp-2019-21.yaml', 3]);
  });

  it('the review gate exits 1 for a slipped deadline and a reassignment, not for a completion', async () => {
    const gate = await run(['diff', 'HEAD', '--fail-on', 'extended,reassigned', '--format', 'json'], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(JSON.parse(gate.stdout).failed).toBe(true);
    expect(gate.stderr).toBe('roadmap: 2 changes need sign-off (--fail-on extended,reassigned):\n  2.5: reassigned\n  2.7: deadline extended by 31 days, starts 30 days later\n');
    const pass = await run(['diff', 'HEAD', '--fail-on', 'removed,reopened'], { cwd: dir });
    expect(pass.code).toBe(0);
  });

  it.each([
    [['diff', 'no-such-rev'], "roadmap: 'no-such-rev' is no file or directory, no edition (ID@N) and no git revision\n"],
    [['diff', 'HEAD~5:roadmaps'], "roadmap: HEAD~5:roadmaps: unknown git revision 'HEAD~5'\n"],
    [['diff', 'HEAD:roadmaps/gone.yaml'], 'HEAD:roadmaps/gone.yaml: error: no such file or directory at HEAD\nroadmap: 1 error in 1 file\n'],
    [['diff', '--', '--output=pwned'], "roadmap: '--output=pwned' is no file or directory, no edition (ID@N) and no git revision\n"],
    [['diff', 'HEAD:../outside.yaml'], 'roadmap: ../outside.yaml is outside the git repository\n'],
  ])('exit 2: %j', async (args, stderr) => {
    const r = await run(args, { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  it('names file:line:col as it was at the revision when that side does not parse', async () => {
    // One line more at that revision than now: the position must be the revision's.
    const broken = repo({ [FILE]: `# draft\n${original.replace('window: 2019-06\n', 'window: 2019-6\n')}` });
    writeFileSync(path.join(broken, FILE), original);
    commit(broken, 'fix');
    const r = await run(['diff', 'HEAD~1'], { cwd: broken });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `HEAD~1:${FILE}:143:17: error: cannot read '2019-6' as a date: write a day (2019-03-01), a month (2019-03), a year (2019), a range A..B of those, or {start: A, end: B}\nroadmap: 1 error in 1 file\n`,
    );
  });

  it('in a shallow clone, a missing revision says to fetch more history', async () => {
    const two = repo({ [FILE]: original });
    writeFileSync(path.join(two, FILE), edited(original));
    commit(two, 'edit');
    const shallow = mkdtempSync(path.join(tmpdir(), 'roadmap-shallow-'));
    git(shallow, 'clone', '-q', '--depth', '1', `file://${two}`, '.');
    const r = await run(['diff', 'HEAD~1'], { cwd: shallow });
    expect([r.code, r.stderr]).toEqual([
      2,
      "roadmap: 'HEAD~1' is no file or directory, no edition (ID@N) and no git revision; this is a shallow clone, which may lack that history: fetch more (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)\n",
    ]);
  });

  it('outside a git repository, a revision cannot be read', async () => {
    const plain = tree({ [FILE]: original });
    const r = await run(['diff', 'HEAD'], { cwd: plain });
    expect([r.code, r.stderr]).toEqual([2, "roadmap: 'HEAD' is no file or directory here and no edition (ID@N); to read it as a git revision, run roadmap inside a git repository\n"]);
  });

  it('end to end: bin/roadmap diff HEAD --format markdown renders a clean table', () => {
    const r = spawn(['diff', 'HEAD', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`## Roadmap changes: HEAD ⇒ working tree

**3 changes** to az-ogp-2019-21: 1 deadline extended, 1 reassigned, 1 marked done

### Roadmap for the development of the 2019-21 OGP action plan (az-ogp-2019-21)

#### Stage I — Launch of the process

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| 1.1 | Identifying a high-level government representative who will lead the OGP process in Azerbaijan | marked done, on time | — | 2019-04-20 |

#### Stage II — Completion, adoption and submission of the National Action Plan

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| 2.5 | Organizing online TV and Internet broadcasts | reassigned | OGP-AZ | CCC |
| 2.7 | Publishing initial draft of the National Action Plan on the relevant internet portal and on the Azerbaijan Open Government Platform website for the discussion. | deadline extended by 31 days, starts 30 days later | 2019-09-01 → 2019-12-31 | 2019-10-01 → 2020-01-31 |
`);
  });
});

describe('git that cannot run', () => {
  it('is a user-facing error with exit 2, not an internal error', () => {
    const dir = tree({ [FILE]: original, 'bin/git': '#!/bin/sh\nexit 0\n' }); // not executable
    const r = spawn(['diff', 'HEAD'], { cwd: dir, env: { PATH: path.join(dir, 'bin') } });
    expect(r.stderr).toBe('roadmap: git could not run: spawn git EACCES\n');
    expect(r.code).toBe(2);
  });
});
