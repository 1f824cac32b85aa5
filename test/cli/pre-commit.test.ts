/**
 * The pre-commit hook (.pre-commit-hooks.yaml) and `validate --only-roadmaps`, which
 * it runs on every staged YAML file: roadmaps are validated, other YAML is skipped.
 * The hook's entry is run as pre-commit runs it (entry words, then the file names,
 * from the top of a repository with roadmap-tracker installed); with the pre-commit
 * framework installed (.ci/run installs Debian's), through pre-commit itself too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { looksLikeRoadmap } from '../../src/load/screen.js';
import { ROOT, roadmapYaml, run, tree } from '../helpers.js';

const GOOD = roadmapYaml(`      - id: "1.1"
        title: Publish the plan
        window: 2019-03..2019-04
        responsible: [A, B]
`);
const BROKEN = GOOD.replace('window: 2019-03..2019-04', 'window: 2019-13');
const OTHER = 'name: ci\non: [push]\njobs:\n  test: { runs-on: ubuntu-latest }\n';
const NOT_YAML = 'key: [unclosed\n  - what: {\n';

describe('looksLikeRoadmap', () => {
  it.each([
    ['schema: 1\nid: x\n', true],
    ['# yaml-language-server: $schema=../schema/roadmap.schema.json\nschema: 1\n', true],
    ['---\n"schema" : 1\n', true],
    ['id: x\nschema: 1   # later keys too\n', true],
    ['schema: [unclosed\n', true],
    [OTHER, false],
    ['jobs:\n  schema: 1\n', false],
    ['# schema: 1\n', false],
    ['schemas: 1\n', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeRoadmap(text)).toBe(expected);
  });
});

describe('roadmap validate --only-roadmaps', () => {
  const dir = tree({ 'roadmaps/plan.yaml': GOOD, 'broken.yaml': BROKEN, '.github/ci.yml': OTHER, 'notes.yaml': NOT_YAML });

  it('skips the named files that are not roadmaps, with a note, and validates the rest', async () => {
    expect(await run(['validate', '--only-roadmaps', 'roadmaps/plan.yaml', '.github/ci.yml', 'notes.yaml'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '✓ 1 file checked: no problems\n',
      stderr: 'roadmap validate: skipped .github/ci.yml: not a roadmap (no top-level schema: key)\nroadmap validate: skipped notes.yaml: not a roadmap (no top-level schema: key)\n',
    });
  });

  it('still fails on a broken roadmap, with its line', async () => {
    const r = await run(['validate', '--only-roadmaps', '-q', 'broken.yaml', '.github/ci.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('broken.yaml:13:17: error: 2019-13 is not a month');
  });

  it('passes when no file named is a roadmap: text, json, github', async () => {
    expect(await run(['validate', '--only-roadmaps', '-q', '.github/ci.yml', 'notes.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '✓ no roadmap among the 2 files named\n', stderr: '' });
    expect((await run(['validate', '--only-roadmaps', '-q', '--format', 'json', 'notes.yaml'], { cwd: dir })).stdout).toBe('{\n  "valid": true,\n  "problems": []\n}\n');
    expect(await run(['validate', '--only-roadmaps', '-q', '--format', 'github', 'notes.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('leaves what it cannot read to the loader, which names the error', async () => {
    const r = await run(['validate', '--only-roadmaps', 'missing.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toMatch(/^missing\.yaml: error: /);
  });

  it('without it, a YAML file that is not a roadmap is an error', async () => {
    expect((await run(['validate', '.github/ci.yml'], { cwd: dir })).code).toBe(2);
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}
const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/**
 * A git repository with files staged (a roadmap, good or broken; a workflow; a YAML file that
 * is not one) and roadmap-tracker installed as a dev dependency would be: here, linked to this checkout.
 */
function repo(roadmap: string): string {
  const dir = tree({ 'roadmaps/plan.yaml': roadmap, '.github/workflows/ci.yml': OTHER, 'docker-compose.yaml': 'services: {}\n', 'README.md': '# plans\n' });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'roadmap-tracker'));
  symlinkSync('../roadmap-tracker/bin/roadmap.js', path.join(dir, 'node_modules', '.bin', 'roadmap'));
  return dir;
}

describe('.pre-commit-hooks.yaml', () => {
  it("offers roadmap-validate: the project's roadmap-tracker running validate --only-roadmaps on YAML files, all in one run", () => {
    expect(hooks.map((h) => h.id)).toEqual(['roadmap-validate']);
    const [hook] = hooks;
    expect([hook!.entry, hook!.language, hook!.files, hook!.require_serial]).toEqual(['npx --no roadmap-tracker validate --only-roadmaps', 'system', '\\.ya?ml$', true]);
  });

  // As pre-commit runs it: the entry's words, then the staged files its `files` pattern matches, from the repository's top.
  const entry = (dir: string) => {
    const [hook] = hooks;
    const staged = spawnSync('git', ['diff', '--cached', '--name-only'], { cwd: dir, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const files = staged.filter((f) => new RegExp(hook!.files).test(f));
    const [command, ...args] = hook!.entry.split(' ');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.ROADMAP_PATH;
    const r = spawnSync(command!, [...args, ...files], { cwd: dir, env, encoding: 'utf8' });
    return { files, code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('its entry passes a valid roadmap and skips the other YAML files', () => {
    expect(entry(repo(GOOD))).toEqual({
      files: ['.github/workflows/ci.yml', 'docker-compose.yaml', 'roadmaps/plan.yaml'],
      code: 0,
      stdout: '✓ 1 file checked: no problems\n',
      stderr: 'roadmap validate: skipped .github/workflows/ci.yml: not a roadmap (no top-level schema: key)\nroadmap validate: skipped docker-compose.yaml: not a roadmap (no top-level schema: key)\n',
    });
  });

  it('its entry fails on a broken roadmap with file:line:col', () => {
    const r = entry(repo(BROKEN));
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe('roadmaps/plan.yaml:13:17: error: 2019-13 is not a month');
  });
});

// try-repo reads this checkout as a git repository.
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0 && existsSync(path.join(ROOT, '.git'));

describe.runIf(preCommit)('with the pre-commit framework', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'pre-commit-home-'));
  const tryRepo = (dir: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1', PRE_COMMIT_COLOR: 'never' };
    delete env.ROADMAP_PATH;
    const r = spawnSync('pre-commit', ['try-repo', ROOT, 'roadmap-validate', '--all-files', '--verbose'], { cwd: dir, env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('passes a valid roadmap, ignoring the other YAML files', () => {
    const r = tryRepo(repo(GOOD));
    expect(r.out).toMatch(/roadmap validate\.+Passed/);
    expect(r.out).toContain('✓ 1 file checked: no problems');
    expect(r.code, r.out).toBe(0);
  }, 120_000);

  it('fails on a broken roadmap, naming file:line:col', () => {
    const r = tryRepo(repo(BROKEN));
    expect(r.out).toMatch(/roadmap validate\.+Failed/);
    expect(r.out).toContain('roadmaps/plan.yaml:13:17: error: 2019-13 is not a month');
    expect(r.code).toBe(1);
  }, 120_000);
});
