/**
 * Roadmaps as of a git revision, read with git itself. git runs without a shell,
 * with an argument array; a revision is checked before use and then replaced by
 * its commit id, so nothing the user typed can be taken as an option.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import type { Problem, Roadmap } from '../model.js';
import { UserError } from '../errors.js';
import { decodeRoadmap, fileProblem, gathered, isRoadmapFile, MAX_FILE_BYTES, type Loaded } from './index.js';
import { parseRoadmap } from './parse.js';

/** git that cannot run (missing, not executable, too much output) is the user's to mend, not a bug. */
function cannotRun(error: { readonly code?: unknown; readonly message: string }): UserError {
  if (error.code === 'ENOENT') return new UserError('git is needed to read a revision, and was not found on PATH');
  return new UserError(`git could not run: ${error.message}`);
}

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
      if (error && typeof code !== 'number') reject(cannotRun(error));
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
  return (await isShallow(repo)) ? '; this is a shallow clone, which may lack that history: fetch more (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)' : '';
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
  readonly object: string;
}

/** The first lines of what git said, enough to act on. */
const STDERR_KEPT = 4096;

/**
 * Runs git with its output handed to `onStdout` as it comes, never held whole: a tree of
 * 100,000 files lists megabytes. Resolves with git's exit status and the start of its stderr.
 */
function gitStream(args: readonly string[], cwd: string, onStdout: (chunk: Buffer) => void, input?: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--literal-pathspecs', ...args], { cwd, windowsHide: true, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let failed: unknown = null;
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(cannotRun(error));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (failed !== null) return;
      try {
        onStdout(chunk);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_KEPT) stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => (failed !== null ? reject(failed) : resolve({ code: code ?? 1, stderr: stderr.slice(0, STDERR_KEPT).trim() })));
    // git stops reading when it fails; its exit status says why, not the broken pipe.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** A failure of git itself, as a user-facing error with git's own words. */
function gitFailed(what: string, stderr: string): UserError {
  const said = stderr.split('\n').filter(Boolean).slice(0, 3).join('; ');
  return new UserError(`git ${what} failed${said ? `: ${said}` : ''}`);
}

/** Splits a stream at NUL bytes, handing each record to `onRecord`. */
function records(onRecord: (record: Buffer) => void): (chunk: Buffer) => void {
  let rest: Buffer = Buffer.alloc(0);
  return (chunk) => {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let from = 0;
    for (let nul = data.indexOf(0, from); nul !== -1; nul = data.indexOf(0, from)) {
      onRecord(data.subarray(from, nul));
      from = nul + 1;
    }
    rest = Buffer.from(data.subarray(from));
  };
}

/**
 * Regular files at or under `where` in the commit that `keep` accepts (not symlinks or
 * submodules), and how many regular files there are in all.
 */
async function filesAt(repo: Repo, commit: string, where: string, keep: (path: string) => boolean): Promise<{ count: number; kept: Entry[] }> {
  const kept: Entry[] = [];
  let count = 0;
  const onRecord = (record: Buffer) => {
    const m = /^(\d+) (\w+) (\S+)\t([\s\S]+)$/.exec(record.toString('utf8'));
    if (m?.[2] !== 'blob' || (m[1] !== '100644' && m[1] !== '100755')) return;
    count++;
    if (keep(m[4]!)) kept.push({ path: m[4]!, object: m[3]! });
  };
  // Without --long: git would look up the size of every file listed (seconds for 100,000); cat-file tells the size of those read.
  const r = await gitStream(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(where ? [where] : [])], repo.cwd, records(onRecord));
  if (r.code !== 0) throw gitFailed('ls-tree', r.stderr);
  return { count, kept };
}

/**
 * The contents of blobs, read by one `git cat-file --batch` in order (one process, not one
 * per file), each handed to `onBlob` as soon as it is whole: null when git has no such
 * object, or when it is larger than `limit` bytes (then passed over, never held).
 */
async function readBlobs(repo: Repo, objects: readonly string[], limit: number, onBlob: (index: number, content: Buffer | null, size: number) => void): Promise<void> {
  if (objects.length === 0) return;
  let index = 0;
  let header: Buffer = Buffer.alloc(0);
  let body: Buffer[] = [];
  let need = -1; // bytes of the current blob still to come, its newline included; -1 between blobs
  let size = 0;
  const onChunk = (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      if (need < 0) {
        const nl = chunk.indexOf(10, at);
        if (nl === -1) {
          header = Buffer.concat([header, chunk.subarray(at)]);
          return;
        }
        const line = Buffer.concat([header, chunk.subarray(at, nl)]).toString('utf8');
        header = Buffer.alloc(0);
        at = nl + 1;
        const written = /^\S+ blob (\d+)$/.exec(line)?.[1];
        if (written === undefined)
          onBlob(index++, null, 0); // "<object> missing", or not a blob
        else need = (size = Number(written)) + 1;
        continue;
      }
      const take = Math.min(need, chunk.length - at);
      if (size <= limit) body.push(chunk.subarray(at, at + take));
      at += take;
      need -= take;
      if (need === 0) {
        const whole = size <= limit ? Buffer.concat(body) : null;
        body = [];
        need = -1;
        onBlob(index++, whole === null ? null : whole.subarray(0, whole.length - 1), size);
      }
    }
  };
  const r = await gitStream(['cat-file', '--batch'], repo.cwd, onChunk, objects.map((o) => `${o}\n`).join(''));
  if (r.code !== 0) throw gitFailed('cat-file', r.stderr);
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
    const found = await filesAt(repo, options.commit, where, (f) => f === where || isRoadmapFile(where ? f.slice(where.length + 1) : f));
    const exact = found.kept.filter((e) => e.path === where);
    const files = exact.length ? exact : found.kept;
    if (found.count === 0) problems.push(fileProblem(`${options.revision}:${where || '.'}`, `no such file or directory at ${options.revision}`));
    else if (files.length === 0) problems.push(fileProblem(`${options.revision}:${where || '.'}`, `no roadmap files (*.yaml, *.yml) in this directory at ${options.revision}`));
    for (const f of files) chosen.set(f.path, f);
  }
  const entries = [...chosen.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const shown = (e: Entry) => `${options.revision}:${e.path}`;
  const results: Array<{ roadmap: Roadmap | null; problems: readonly Problem[] }> = [];
  // Each file is parsed as it arrives: the texts of a large portfolio are never all held at once.
  await readBlobs(
    repo,
    entries.map((e) => e.object),
    MAX_FILE_BYTES,
    (i, content, size) => {
      const at = shown(entries[i]!);
      if (size > MAX_FILE_BYTES)
        results[i] = { roadmap: null, problems: [fileProblem(at, `file is ${(size / 1048576).toFixed(1)} MiB; roadmap files are limited to ${MAX_FILE_BYTES / 1048576} MiB`)] };
      else if (content === null) results[i] = { roadmap: null, problems: [fileProblem(at, 'git could not read this file')] };
      else {
        const read = decodeRoadmap(content, at);
        results[i] = 'problem' in read ? { roadmap: null, problems: [read.problem] } : parseRoadmap(read.text, at);
      }
    },
  );
  return gathered(results, problems, options.edition, entries.map(shown));
}
