/**
 * The package as npm ships it: packed, installed from the tarball into a fresh
 * project with its own roadmaps/, and run there through node_modules/.bin. Proves
 * that `files`, the built dist/ and the shipped schema are right and that nothing
 * is read from this source tree. Installing pulls the dependencies from the
 * registry (or npm's cache), hence the long timeout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, roadmapYaml } from '../helpers.js';

const NAME = 'roadmap-tracker';
const project = mkdtempSync(path.join(tmpdir(), 'roadmap-installed-'));
const installed = path.join(project, 'node_modules', NAME);
let packed: string[] = [];

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['ROADMAP_PATH', 'ROADMAP_TODAY', 'GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS', 'GITHUB_OUTPUT', 'FORCE_COLOR']) delete e[k];
  return e;
};
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, env: env(), encoding: 'utf8' });
const roadmap = (args: string[]) => {
  const r = spawnSync(path.join(project, 'node_modules', '.bin', 'roadmap'), args, { cwd: project, env: env(), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  // --ignore-scripts: `npm test` has just built dist/; `npm pack` and `npm publish` run `prepare` (the build) themselves.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path).sort();
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'plans', private: true }));
  mkdirSync(path.join(project, 'roadmaps'));
  writeFileSync(
    path.join(project, 'roadmaps', 'plan.yaml'),
    roadmapYaml(`      - id: "1.1"
        title: Publish the plan
        window: 2019-03..2019-04
        responsible: A
      - id: "1.2"
        title: Hold the hearing
        window: 2019-09
        responsible: B
`),
  );
  const install = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', `./${info!.filename}`], project);
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

describe(`the ${NAME} package`, () => {
  it('holds the built CLI, the schema and the shipped roadmap; no sources, tests or code caches', () => {
    expect(packed).toContain('bin/roadmap.js');
    expect(packed).toContain('dist/cli.cjs');
    expect(packed).toContain('dist/commands/check.cjs');
    expect(packed).toContain('dist/commands/validate.cjs');
    expect(packed).toContain('schema/roadmap.schema.json');
    expect(packed).toContain('roadmaps/az-ogp-2019-21.yaml');
    // A code cache is keyed to the build's file times, which packing changes: it would never be used.
    expect(packed.filter((f) => /^(src|test|bench|scripts)\/|\.cache$|^dist\/yaml\.cjs/.test(f))).toEqual([]);
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json', 'roadmaps', 'schema']);
    expect(readFileSync(path.join(installed, 'schema', 'roadmap.schema.json'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'schema', 'roadmap.schema.json'), 'utf8'));
  });

  it('installs the command `roadmap`, which runs the installed copy', () => {
    expect(realpathSync(path.join(project, 'node_modules', '.bin', 'roadmap'))).toBe(realpathSync(path.join(installed, 'bin', 'roadmap.js')));
    expect(roadmap(['--version'])).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
  });

  it("roadmap check reads the project's roadmaps/ and fails on what is overdue there", () => {
    expect(roadmap(['check', '--today', '2019-07-15'])).toEqual({
      code: 1,
      stdout: `demo 1.1 · Publish the plan · overdue 76d · A · roadmaps/plan.yaml:11

✗ 1 window failing (overdue) in 1 of 2 activities (today 2019-07-15, horizon 14 days)
`,
      stderr: '',
    });
    const json = JSON.parse(roadmap(['status', '--today', '2019-07-15', '--format', 'json']).stdout);
    expect(json.roadmaps).toEqual([{ id: 'demo', title: 'Demo roadmap', revision: 1, file: 'roadmaps/plan.yaml' }]);
  });

  it("roadmap validate checks the project's files, and finds a broken one with its line", () => {
    expect(roadmap(['validate'])).toEqual({ code: 0, stdout: '✓ 1 file checked: no problems\n', stderr: '' });
    writeFileSync(
      path.join(project, 'broken.yaml'),
      roadmapYaml(`      - id: "1.1"
        title: Publish the plan
        windw: 2019-03
`),
    );
    const r = roadmap(['validate', 'broken.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[1]).toBe("broken.yaml:13:9: error: unknown key 'windw' in activity; did you mean 'window'?");
  });

  it("roadmap init points a new file's schema line at the installed package's schema", () => {
    const r = roadmap(['init', '--id', 'city', '--title', 'City plan', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`# yaml-language-server: $schema=../node_modules/${NAME}/schema/roadmap.schema.json`);
  });

  it(`npx roadmap and npx ${NAME} both run the one command`, () => {
    for (const name of ['roadmap', NAME]) {
      const r = spawnSync('npx', ['--no', name, 'check', '--today', '2019-03-01'], { cwd: project, env: env(), encoding: 'utf8' });
      expect([r.status, r.stdout.trimEnd().split('\n').pop()], name).toEqual([0, '✓ nothing failing (overdue) among 2 activities (today 2019-03-01, horizon 14 days)']);
    }
  });

  it('never reads the source tree', () => {
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    // Outside a git work tree and without roadmaps/, the installed command finds nothing (not this checkout's).
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'roadmap-none-'));
    const r = spawnSync(path.join(project, 'node_modules', '.bin', 'roadmap'), ['check'], { cwd: elsewhere, env: env(), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^roadmap: no roadmaps found /);
  });
});
