/** Running the command line in tests: in-process (fast) or as a real process (end to end). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';
import type { Io } from '../src/shell/io.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SHIPPED = path.join(ROOT, 'roadmaps', 'az-ogp-2019-21.yaml');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdoutTTY?: boolean;
  columns?: number;
  stdinTTY?: boolean;
  now?: Date;
}

/** Runs `roadmap ...args` in this process with a fake terminal. */
export async function run(args: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env: { ...options.env },
    cwd: options.cwd ?? ROOT,
    now: () => options.now ?? new Date('2019-07-15T12:00:00Z'),
    stdoutTTY: options.stdoutTTY ?? false,
    columns: options.columns,
    stdinTTY: options.stdinTTY ?? false,
  };
  const code = await main(['node', 'roadmap', ...args], io);
  return { code, stdout, stderr };
}

/** Spawns bin/roadmap.js as a user would; colour is off unless the env asks for it. */
export function spawn(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    ROADMAP_TODAY: undefined,
    ROADMAP_PATH: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    ...options.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'roadmap.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: options.input ?? '',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory with the given files (path -> content). */
export function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roadmap-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** A minimal valid roadmap, with `activities` YAML spliced into its one stage. */
export function roadmapYaml(activities: string, extra = ''): string {
  return `schema: 1
id: demo
title: Demo roadmap
${extra}entities:
  A: Alpha agency
  B: { name: Beta board, aliases: [Beta] }
stages:
  - id: S1
    title: First stage
    activities:
${activities}`;
}

/** Runs git in `cwd`: its stdout, or an error carrying its stderr. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A git repository holding `files`, committed once ("first"), with an author of its own. */
export function gitRepo(files: Record<string, string>): string {
  const dir = tree(files);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.org');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}
