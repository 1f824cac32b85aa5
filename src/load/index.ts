/** Files and directories to roadmaps: the only part of loading that touches the file system. */
// Synchronous on purpose: files are parsed one after the other anyway, and the
// first asynchronous call would start libuv's thread pool (milliseconds at start-up)
// and, for a portfolio of thousands of files, open them all at once.
import { readdirSync as readdir, readFileSync as readFile, statSync as stat } from 'node:fs';
import path from 'node:path';
import type { Problem, Roadmap } from '../model.js';
import { parseRoadmap } from './parse.js';

export { parseRoadmap } from './parse.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ROADMAP_FILE = /\.ya?ml$/i;

export interface LoadOptions {
  /** Pick this revision of every roadmap instead of the highest. */
  readonly revision?: number | undefined;
  /** Paths in messages are relative to this directory. */
  readonly cwd?: string;
}

export interface Loaded {
  readonly roadmaps: readonly Roadmap[];
  /** Every roadmap read, all editions, for tools that compare them. */
  readonly all: readonly Roadmap[];
  readonly problems: readonly Problem[];
  readonly files: readonly string[];
}

/** A problem about a whole file or path (no line to point at). */
export function fileProblem(file: string, message: string): Problem {
  return { file, line: 0, column: 0, severity: 'error', message };
}

function display(p: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

async function discover(p: string, cwd: string, problems: Problem[]): Promise<string[]> {
  const abs = path.resolve(cwd, p);
  let info;
  try {
    info = stat(abs);
  } catch (error) {
    problems.push(fileProblem(display(p, cwd), describeIoError(error)));
    return [];
  }
  if (!info.isDirectory()) return [abs];
  let entries: string[];
  try {
    entries = readdir(abs, { recursive: true }) as string[];
  } catch (error) {
    problems.push(fileProblem(display(p, cwd), describeIoError(error)));
    return [];
  }
  const files = entries
    .filter(isRoadmapFile)
    .sort()
    .map((e) => path.join(abs, e));
  if (files.length === 0) problems.push(fileProblem(display(p, cwd), 'no roadmap files (*.yaml, *.yml) in this directory'));
  return files;
}

/** Whether a directory search picks up this file (path relative to the directory searched). */
export function isRoadmapFile(relative: string): boolean {
  return ROADMAP_FILE.test(relative) && !relative.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules');
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** Reads one file's text, or says why it cannot be a roadmap. */
export async function readRoadmapText(abs: string, shown: string): Promise<{ text: string } | { problem: Problem }> {
  try {
    const info = stat(abs);
    if (info.size > MAX_FILE_BYTES) return { problem: fileProblem(shown, `file is ${(info.size / 1048576).toFixed(1)} MiB; roadmap files are limited to ${MAX_FILE_BYTES / 1048576} MiB`) };
    const text = readFile(abs, 'utf8');
    if (text.includes('\0')) return { problem: fileProblem(shown, 'not a text file (contains NUL bytes)') };
    return { text };
  } catch (error) {
    return { problem: fileProblem(shown, describeIoError(error)) };
  }
}

export async function loadRoadmaps(paths: readonly string[], options: LoadOptions = {}): Promise<Loaded> {
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const found = (await Promise.all(paths.map((p) => discover(p, cwd, problems)))).flat();
  const files = [...new Set(found)];
  const parsed = await Promise.all(
    files.map(async (abs) => {
      const shown = display(abs, cwd);
      const read = await readRoadmapText(abs, shown);
      if ('problem' in read) return { roadmap: null, problems: [read.problem] };
      return parseRoadmap(read.text, shown);
    }),
  );
  const all: Roadmap[] = [];
  for (const r of parsed) {
    problems.push(...r.problems);
    if (r.roadmap) all.push(r.roadmap);
  }
  const chosen = selectEditions(all, options.revision);
  problems.push(...chosen.problems);
  return { roadmaps: chosen.roadmaps, all, problems, files: files.map((f) => display(f, cwd)) };
}

/** The highest revision of each roadmap id, or the one asked for. */
export function selectEditions(all: readonly Roadmap[], revision?: number): { roadmaps: Roadmap[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, Roadmap[]>();
  for (const r of all) {
    const editions = byId.get(r.id) ?? [];
    const twin = editions.find((e) => e.revision === r.revision);
    if (twin) {
      problems.push({ ...r.at, severity: 'error', message: `roadmap ${r.id} revision ${r.revision} is also defined in ${twin.file}: give one of them another revision` });
      continue;
    }
    editions.push(r);
    byId.set(r.id, editions);
  }
  const roadmaps: Roadmap[] = [];
  for (const [id, editions] of byId) {
    if (revision === undefined) {
      roadmaps.push(editions.reduce((a, b) => (b.revision > a.revision ? b : a)));
      continue;
    }
    const pick = editions.find((e) => e.revision === revision);
    if (pick) roadmaps.push(pick);
    else {
      const have = editions.map((e) => e.revision).sort((a, b) => a - b).join(', ');
      problems.push(fileProblem(editions[0]?.file ?? id, `roadmap ${id} has no revision ${revision} (it has ${have})`));
    }
  }
  return { roadmaps, problems };
}
