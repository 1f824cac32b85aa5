/** Files and directories to roadmaps: the only part of loading that touches the file system. */
// Synchronous on purpose: files are parsed one after the other anyway, and the
// first asynchronous call would start libuv's thread pool (milliseconds at start-up)
// and, for a portfolio of thousands of files, open them all at once.
import {
  closeSync as close,
  constants,
  fstatSync as fstat,
  lstatSync as lstat,
  openSync as open,
  readdirSync as readdir,
  readSync,
  realpathSync as realpath,
  statSync as stat,
  type Dirent,
  type Stats,
} from 'node:fs';
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
export function fileProblem(file: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file, line: 0, column: 0, severity, message };
}

function display(p: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

function discover(p: string, cwd: string, problems: Problem[]): string[] {
  const abs = path.resolve(cwd, p);
  let info: Stats;
  try {
    info = stat(abs);
  } catch (error) {
    problems.push(fileProblem(display(p, cwd), describeIoError(error)));
    return [];
  }
  // A path named on the command line is read wherever it leads; what a search finds is not.
  if (!info.isDirectory()) return [abs];
  const files: string[] = [];
  try {
    new Search(abs, realpath(abs), cwd, problems, files).walk(abs, '', info);
  } catch (error) {
    problems.push(fileProblem(display(p, cwd), describeIoError(error)));
    return [];
  }
  if (files.length === 0) problems.push(fileProblem(display(p, cwd), 'no roadmap files (*.yaml, *.yml) in this directory'));
  return files.sort().map((e) => path.join(abs, e));
}

/**
 * A directory searched by hand rather than by readdir's recursive mode, which
 * follows links: a link out of the tree would read (and quote) any file, and two
 * links back up the tree would never end. Links are followed only while their real
 * path stays inside the directory searched; each directory is read once (by device
 * and inode), which ends loops.
 */
class Search {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly cwd: string,
    private readonly problems: Problem[],
    /** Roadmap files found, relative to the root. */
    private readonly files: string[],
  ) {}

  walk(dir: string, rel: string, info: Stats): void {
    const key = `${info.dev}:${info.ino}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.warn(rel, `a directory already searched (${this.shown(first)}): not searched again`);
      return;
    }
    this.seen.set(key, rel);
    let entries: Dirent[];
    try {
      entries = readdir(dir, { withFileTypes: true });
    } catch (error) {
      this.error(rel, describeIoError(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      this.entry(entry, path.join(dir, entry.name), rel ? `${rel}${path.sep}${entry.name}` : entry.name);
    }
  }

  private entry(entry: Dirent, abs: string, rel: string): void {
    const named = ROADMAP_FILE.test(entry.name);
    if (entry.isFile()) {
      if (named) this.files.push(rel);
      return;
    }
    if (entry.isDirectory()) return this.walk(abs, rel, stat(abs));
    if (entry.isSymbolicLink()) return this.link(abs, rel, named);
    // A FIFO, socket or device; or a file system that does not say what it is (then ask).
    const info = lstat(abs);
    if (info.isDirectory()) this.walk(abs, rel, stat(abs));
    else if (info.isSymbolicLink()) this.link(abs, rel, named);
    else if (!named) return;
    else if (info.isFile()) this.files.push(rel);
    else this.error(rel, 'not a regular file');
  }

  private link(abs: string, rel: string, named: boolean): void {
    let real: string;
    let info: Stats;
    try {
      real = realpath(abs);
      info = stat(real);
    } catch (error) {
      if (named) this.error(rel, describeIoError(error));
      return;
    }
    if (!info.isDirectory() && !named) return;
    if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) {
      const what = info.isDirectory() ? 'directory' : 'file';
      this.error(rel, `a symbolic link out of ${this.shown('')}: not followed (name the ${what} with --roadmap to read it)`);
      return;
    }
    if (info.isDirectory()) this.walk(abs, rel, info);
    else this.files.push(rel);
  }

  private shown(rel: string): string {
    return display(path.join(this.root, rel), this.cwd);
  }

  private error(rel: string, message: string): void {
    this.problems.push(fileProblem(this.shown(rel), message));
  }

  private warn(rel: string, message: string): void {
    this.problems.push(fileProblem(this.shown(rel), message, 'warning'));
  }
}

/** Whether a directory search picks up this file (path relative to the directory searched). */
export function isRoadmapFile(relative: string): boolean {
  return ROADMAP_FILE.test(relative) && !relative.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules');
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENXIO':
      return 'not a regular file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function tooLarge(shown: string, bytes: number): Problem {
  return fileProblem(shown, `file is ${(bytes / 1048576).toFixed(1)} MiB; roadmap files are limited to ${MAX_FILE_BYTES / 1048576} MiB`);
}

/**
 * Reads one file's text, or says why it cannot be a roadmap. Only a regular file
 * is read: opened without blocking (a FIFO with no writer would wait forever) and
 * checked on the open descriptor; the read itself stops past the size limit,
 * whatever the size the file system claims.
 */
export function readRoadmapText(abs: string, shown: string): { text: string } | { problem: Problem } {
  let fd: number;
  try {
    fd = open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: fileProblem(shown, describeIoError(error)) };
  }
  try {
    const info = fstat(fd);
    if (info.isDirectory()) return { problem: fileProblem(shown, 'is a directory') };
    if (!info.isFile()) return { problem: fileProblem(shown, 'not a regular file') };
    if (info.size > MAX_FILE_BYTES) return { problem: tooLarge(shown, info.size) };
    const bytes = readAtMost(fd, Math.min(info.size, MAX_FILE_BYTES) + 1);
    if (bytes.length > MAX_FILE_BYTES) return { problem: tooLarge(shown, bytes.length) };
    return decodeRoadmap(bytes, shown);
  } catch (error) {
    return { problem: fileProblem(shown, describeIoError(error)) };
  } finally {
    close(fd);
  }
}

/** Up to MAX_FILE_BYTES + 1 bytes: `guess` first, more only if the file grew. */
function readAtMost(fd: number, guess: number): Buffer {
  let buffer = Buffer.allocUnsafe(guess);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > MAX_FILE_BYTES) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2 + 8192, MAX_FILE_BYTES + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A file's bytes to its text. Bytes that are not UTF-8 are refused, not replaced:
 * an edit would otherwise write U+FFFD over them in lines it never meant to touch.
 * A byte-order mark stays in the text (edits keep it).
 */
export function decodeRoadmap(bytes: Uint8Array, shown: string): { text: string } | { problem: Problem } {
  if (bytes.indexOf(0) !== -1) return { problem: fileProblem(shown, 'not a text file (contains NUL bytes)') };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(10, bad - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(10); i !== -1 && i < bad; i = bytes.indexOf(10, i + 1)) line++;
    // Columns count UTF-16 units, as the positions of every other problem do; a BOM takes none.
    const before = utf8.decode(bytes.subarray(lineStart, bad));
    const column = before.length + 1 - (lineStart === 0 && before.charCodeAt(0) === 0xfeff ? 1 : 0);
    const problem: Problem = { file: shown, line, column, severity: 'error', message: `not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}): save the file as UTF-8` };
    return { problem };
  }
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // no overlong forms
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return b.length;
}

export async function loadRoadmaps(paths: readonly string[], options: LoadOptions = {}): Promise<Loaded> {
  const cwd = options.cwd ?? process.cwd();
  const problems: Problem[] = [];
  const files = [...new Set(paths.flatMap((p) => discover(p, cwd, problems)))];
  const parsed = files.map((abs) => {
    const shown = display(abs, cwd);
    const read = readRoadmapText(abs, shown);
    if ('problem' in read) return { roadmap: null, problems: [read.problem] };
    return parseRoadmap(read.text, shown);
  });
  return gathered(
    parsed,
    problems,
    options.revision,
    files.map((f) => display(f, cwd)),
  );
}

/** The roadmaps parsed from some files (from disk or from git), their problems and the editions picked. */
export function gathered(parsed: ReadonlyArray<{ roadmap: Roadmap | null; problems: readonly Problem[] }>, problems: Problem[], edition: number | undefined, files: string[]): Loaded {
  const all: Roadmap[] = [];
  for (const r of parsed) {
    problems.push(...r.problems);
    if (r.roadmap) all.push(r.roadmap);
  }
  const chosen = selectEditions(all, edition);
  problems.push(...chosen.problems);
  return { roadmaps: chosen.roadmaps, all, problems, files };
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
      const have = editions
        .map((e) => e.revision)
        .sort((a, b) => a - b)
        .join(', ');
      problems.push(fileProblem(editions[0]?.file ?? id, `roadmap ${id} has no revision ${revision} (it has ${have})`));
    }
  }
  return { roadmaps, problems };
}
