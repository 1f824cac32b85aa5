/**
 * What the edit commands (done, start, cancel, reopen, move) and `update` share:
 * find the activity, edit its file's text, show or write the result.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { applyEdit, type Edit, type EditResult } from '../edit/apply.js';
import { unifiedDiff } from '../edit/diff.js';
import { findActivity, type Found } from '../edit/find.js';
import { EditError } from '../edit/source.js';
import { writeAtomic, type WriteFs } from './write.js';
import { readRoadmapText, type Loaded } from '../load/index.js';
import type { Roadmap } from '../model.js';
import { load, todayFor, type GlobalOptions } from './context.js';
import { UserError, type Io } from './io.js';
import { formatProblem, problemLines } from './problems.js';

export interface EditOptions extends GlobalOptions {
  readonly window?: string;
  readonly dryRun?: boolean;
}

/** Test hook: the fs functions the atomic write uses. */
export interface EditDeps {
  readonly fs?: WriteFs;
}

/** A date option (`--on`), or today as the other commands take it (for this roadmap). */
export function dateOption(flag: string, value: string | undefined, options: GlobalOptions, io: Io, roadmap: Roadmap): CalendarDate {
  if (value === undefined) {
    const t = todayFor(options, io, [roadmap]);
    return t.todayOf?.(roadmap) ?? t.today;
  }
  const date = parseDate(value.trim());
  if (!date) throw new UserError(`${flag} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
  return date;
}

/** Roadmaps for editing: never the copies shipped inside the package. */
export async function loadForEdit(options: GlobalOptions, io: Io): Promise<Loaded> {
  if (!options.roadmap?.length && !io.env.ROADMAP_PATH && !existsSync(path.join(io.cwd, 'roadmaps'))) {
    throw new UserError('no ./roadmaps here to edit; say which file with --roadmap <file> (or set ROADMAP_PATH)');
  }
  todayFor(options, io, []); // a bad --today is reported before any file is read
  return load(options, io);
}

export function find(loaded: Loaded, id: string): Found {
  try {
    return findActivity(loaded.roadmaps, id);
  } catch (error) {
    throw asUserError(error);
  }
}

export function asUserError(error: unknown): unknown {
  return error instanceof EditError ? new UserError(error.message) : error;
}

export interface Prepared {
  readonly file: string;
  readonly abs: string;
  readonly before: string;
  readonly result: Extract<EditResult, { ok: true }>;
}

/** Reads the roadmap's file and applies the edit to its text (nothing written yet). */
export async function prepareEdit(io: Io, found: Found, window: string | undefined, edit: Edit): Promise<Prepared> {
  const file = found.roadmap.file;
  const abs = path.resolve(io.cwd, file);
  const read = await readRoadmapText(abs, file);
  if ('problem' in read) throw new UserError(formatProblem(read.problem));
  const result = applyEdit(read.text, file, { activity: found.activity.id, window, edit });
  if (!result.ok) {
    if (result.problems.length) io.err(problemLines(result.problems).join('\n') + '\n');
    throw new UserError(result.message);
  }
  return { file, abs, before: read.text, result };
}

export function diffOf(io: Io, p: Prepared): string {
  return unifiedDiff(p.file, p.before, p.result.text, io.stdoutTTY);
}

export async function commit(p: Prepared, deps: EditDeps = {}): Promise<void> {
  try {
    await writeAtomic(p.abs, p.result.text, { expected: p.before, shown: p.file, fs: deps.fs });
  } catch (error) {
    throw asUserError(error);
  }
}

/**
 * The non-interactive edit commands: load, find `id`, build the edit for its
 * roadmap (dates default to that roadmap's today), then print the diff
 * (--dry-run) or write and print one line saying what changed.
 */
export async function runEdit(options: EditOptions, io: Io, id: string, make: (roadmap: Roadmap) => Edit, deps: EditDeps = {}): Promise<number> {
  const loaded = await loadForEdit(options, io);
  const found = find(loaded, id);
  const prepared = await prepareEdit(io, found, options.window, make(found.roadmap));
  const { result } = prepared;
  if (!result.changed) {
    io.out(`${result.summary}\n`);
    return 0;
  }
  if (options.dryRun) {
    io.out(diffOf(io, prepared));
    return 0;
  }
  await commit(prepared, deps);
  io.out(`${result.summary}\n`);
  return 0;
}
