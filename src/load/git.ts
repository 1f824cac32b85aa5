/**
 * Roadmaps as of a git revision, read with git itself. git runs without a shell,
 * with an argument array; a revision is checked before use and then replaced by
 * its commit id, so nothing the user typed can be taken as an option.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Problem, Roadmap } from '../model.js';
import { UserError } from '../errors.js';
import { decodeRoadmap, fileProblem, isRoadmapFile, MAX_FILE_BYTES, selectEditions, type Loaded } from './index.js';
import { parseRoadmap } from './parse.js';

interface GitRun {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function git(args: readonly string[], cwd: string): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    execFile('git', ['--literal-pathspecs', ...args], { cwd, encoding: 'buffer', maxBuffer: MAX_FILE_BYTES + 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      // A number is git's exit status; anything else means git could not run.
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ENOENT') reject(new UserError('git is needed to read a revision, and was not found on PATH'));
      else if (error && typeof code !== 'number') reject(error);
      else resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr: stderr.toString('utf8').trim() });
    });
  });
}

export interface Repo {
  readonly cwd: string;
  /** The directory of cwd inside the repository, '' at its top, else ending in '/'. */
  readonly prefix: string;
}

/** The repository cwd is in, or null when it is in none. */
export async function repoAt(cwd: string): Promise<Repo | null> {
  const r = await git(['rev-parse', '--show-prefix'], cwd);
  return r.code === 0 ? { cwd, prefix: r.stdout.toString('utf8').trim() } : null;
}

/** The commit a revision names, or null when it names none. */
export async function commitOf(repo: Repo, revision: string): Promise<string | null> {
  if (revision === '' || revision.startsWith('-')) return null;
  const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], repo.cwd);
  const sha = r.stdout.toString('utf8').trim();
  return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
}

export async function isShallow(repo: Repo): Promise<boolean> {
  const r = await git(['rev-parse', '--is-shallow-repository'], repo.cwd);
  return r.stdout.toString('utf8').trim() === 'true';
}

/** What to say after "unknown revision": in a shallow clone, how to fetch the history. */
export async function shallowHint(repo: Repo): Promise<string> {
  return (await isShallow(repo))
    ? '; this is a shallow clone, which may lack that history: fetch more (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)'
    : '';
}

/** A path as the user gave it (relative to cwd, or absolute) to a path from the repository's top. */
export function repoPath(repo: Repo, p: string): string {
  const fromCwd = path.relative(repo.cwd, path.resolve(repo.cwd, p)).split(path.sep).join('/');
  const full = path.posix.normalize(repo.prefix + fromCwd);
  if (full === '..' || full.startsWith('../') || path.posix.isAbsolute(full)) throw new UserError(`${p} is outside the git repository`);
  return full === '.' ? '' : full.replace(/\/$/, '');
}

interface Entry {
  readonly path: string;
  readonly size: number;
}

/** Files at or under `where` in the commit (regular files only, not symlinks or submodules). */
async function filesAt(repo: Repo, commit: string, where: string): Promise<Entry[]> {
  const r = await git(['ls-tree', '-r', '-z', '--long', '--full-tree', commit, '--', ...(where ? [where] : [])], repo.cwd);
  if (r.code !== 0) throw new Error(`git ls-tree failed: ${r.stderr}`);
  const entries: Entry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) \S+\s+(\S+)\t([\s\S]+)$/.exec(record);
    if (m && m[2] === 'blob' && (m[1] === '100644' || m[1] === '100755')) entries.push({ path: m[4]!, size: Number(m[3]) });
  }
  return entries;
}

async function textAt(repo: Repo, commit: string, file: string, shown: string): Promise<{ text: string } | { problem: Problem }> {
  const r = await git(['cat-file', 'blob', `${commit}:${file}`], repo.cwd);
  if (r.code !== 0) return { problem: fileProblem(shown, r.stderr || 'git could not read this file') };
  return decodeRoadmap(r.stdout, shown);
}

export interface RevisionLoad {
  readonly revision: string;
  readonly commit: string;
  /** Paths as given (relative to cwd, as the working tree would use them). */
  readonly paths: readonly string[];
  /** Pick this edition of every roadmap instead of the highest. */
  readonly edition?: number | undefined;
}

/**
 * The roadmaps at `paths` as of a commit. Problems name files as `REV:path` (from the
 * repository's top), so `HEAD~1:roadmaps/x.yaml:14:9` points into that revision.
 */
export async function loadAtRevision(repo: Repo, options: RevisionLoad): Promise<Loaded> {
  const problems: Problem[] = [];
  const chosen = new Map<string, Entry>();
  for (const p of options.paths) {
    const where = repoPath(repo, p);
    const found = await filesAt(repo, options.commit, where);
    const exact = found.filter((e) => e.path === where);
    const files = exact.length ? exact : found.filter((e) => isRoadmapFile(where ? e.path.slice(where.length + 1) : e.path));
    if (found.length === 0) problems.push(fileProblem(`${options.revision}:${where || '.'}`, `no such file or directory at ${options.revision}`));
    else if (files.length === 0) problems.push(fileProblem(`${options.revision}:${where || '.'}`, `no roadmap files (*.yaml, *.yml) in this directory at ${options.revision}`));
    for (const f of files) chosen.set(f.path, f);
  }
  const all: Roadmap[] = [];
  const entries = [...chosen.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const parsed = await Promise.all(entries.map(async (e) => {
    const shown = `${options.revision}:${e.path}`;
    if (e.size > MAX_FILE_BYTES) return { roadmap: null, problems: [fileProblem(shown, `file is ${(e.size / 1048576).toFixed(1)} MiB; roadmap files are limited to ${MAX_FILE_BYTES / 1048576} MiB`)] };
    const read = await textAt(repo, options.commit, e.path, shown);
    return 'problem' in read ? { roadmap: null, problems: [read.problem] } : parseRoadmap(read.text, shown);
  }));
  for (const r of parsed) {
    problems.push(...r.problems);
    if (r.roadmap) all.push(r.roadmap);
  }
  const editions = selectEditions(all, options.edition);
  problems.push(...editions.problems);
  return { roadmaps: editions.roadmaps, all, problems, files: entries.map((e) => `${options.revision}:${e.path}`) };
}
