/**
 * What the edit commands (done, start, cancel, reopen, move) and `update` share:
 * find the activity, edit its file's text, show or write the result.
 */
import path from 'node:path';
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { applyEdit, type Edit, type EditResult } from '../edit/apply.js';
import { unifiedDiff } from '../edit/diff.js';
import { findActivity, type Found } from '../edit/find.js';
import { EditError } from '../edit/source.js';
import { withLock } from './lock.js';
import { writeAtomic, type WriteFs } from './write.js';
import { MAX_FILE_BYTES, readRoadmapText, type Loaded } from '../load/index.js';
import type { Problem, Roadmap } from '../model.js';
import { load, todayFor, type GlobalOptions } from './context.js';
import { UserError, type Io } from './io.js';
import { formatProblem, problemLines, problemSummary } from './problems.js';

export interface EditOptions extends GlobalOptions {
  readonly window?: string;
  readonly dryRun?: boolean;
}

/** Test hook: the fs functions the atomic write uses. */
export interface EditDeps {
  readonly fs?: WriteFs;
}

/** What a date option records, for the refusal of a date after today. */
export type Recorded = 'completion' | 'start' | 'rating';

/**
 * A date option (`--on`), or today as the other commands take it (for this roadmap).
 * A later date is refused: the evaluation would not count it until then (SPEC §2).
 */
export function dateOption(flag: string, value: string | undefined, options: GlobalOptions, io: Io, roadmap: Roadmap, what: Recorded): CalendarDate {
  const t = todayFor(options, io, [roadmap]);
  const today = t.todayOf?.(roadmap) ?? t.today;
  if (value === undefined) return today;
  const date = parseDate(value.trim());
  if (!date) throw new UserError(`${flag} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
  const future = futureDate(date, today, what);
  if (future) throw new UserError(future);
  return date;
}

/** The refusal of a date after today, or null. */
export function futureDate(date: CalendarDate, today: CalendarDate, what: Recorded): string | null {
  return date > today ? `cannot record a ${what} in the future: today is ${today}` : null;
}

/** Roadmaps for editing, found as every command finds them. */
export async function loadForEdit(options: GlobalOptions, io: Io): Promise<Loaded> {
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

/** Reads the roadmap's file and applies the edit to its text (nothing written yet); `earlier` is reused if the text is the same. */
export async function prepareEdit(io: Io, found: Found, window: string | undefined, edit: Edit, earlier?: Prepared): Promise<Prepared> {
  const file = found.roadmap.file;
  const abs = path.resolve(io.cwd, file);
  const read = await readRoadmapText(abs, file);
  if ('problem' in read) throw new UserError(formatProblem(read.problem));
  if (read.text === earlier?.before) return earlier; // the same edit of the same text
  const result = applyEdit(read.text, file, { activity: found.activity.id, window, edit });
  if (!result.ok) {
    if (result.problems.length) io.err(problemLines(result.problems).join('\n') + '\n');
    throw new UserError(result.message);
  }
  // Past the limit no command would read the file again, not even `reopen` to undo this.
  const size = Buffer.byteLength(result.text);
  if (size > MAX_FILE_BYTES) {
    throw new UserError(`the edit would make ${file} ${size} bytes, over the limit of ${MAX_FILE_BYTES / 1048576} MiB (${MAX_FILE_BYTES} bytes) for roadmap files; nothing was written`);
  }
  return { file, abs, before: read.text, result };
}

export function diffOf(io: Io, p: Prepared): string {
  return unifiedDiff(p.file, p.before, p.result.text, io.stdoutTTY);
}

/** Writes a prepared edit, refusing if the file changed since it was read (checked under the lock). */
export async function commit(io: Io, options: GlobalOptions, p: Prepared, deps: EditDeps = {}): Promise<void> {
  await locked(io, options, p.abs, p.file, () => write(p, deps));
}

async function write(p: Prepared, deps: EditDeps): Promise<void> {
  await writeText(p.abs, p.result.text, p.before, p.file, deps);
}

async function writeText(abs: string, text: string, expected: string, shown: string, deps: EditDeps): Promise<void> {
  try {
    await writeAtomic(abs, text, { expected, shown, fs: deps.fs });
  } catch (error) {
    throw asUserError(error);
  }
}

/** Runs `work` holding the file's edit lock, saying so if it must wait for another edit. */
function locked<T>(io: Io, options: GlobalOptions, abs: string, shown: string, work: () => Promise<T>): Promise<T> {
  const waiting = () => {
    if (!options.quiet) io.err(`roadmap: waiting for another edit of ${shown} to finish\n`);
  };
  return withLock(abs, { shown, waiting }, work);
}

/**
 * The non-interactive edit commands: load, find `id`, build the edit for its
 * roadmap (dates default to that roadmap's today), then print the diff
 * (--dry-run) or write and print one line saying what changed.
 */
export async function runEdit(options: EditOptions, io: Io, id: string, make: (roadmap: Roadmap) => Edit, deps: EditDeps = {}): Promise<number> {
  const loaded = await loadForEdit(options, io);
  const found = find(loaded, id);
  const edit = make(found.roadmap);
  const prepared = await prepareEdit(io, found, options.window, edit);
  if (!prepared.result.changed || options.dryRun) {
    io.out(prepared.result.changed ? diffOf(io, prepared) : `${prepared.result.summary}\n`);
    return 0;
  }
  // Read again under the lock: an edit that finished meanwhile is kept.
  const summary = await locked(io, options, prepared.abs, prepared.file, async () => {
    const now = await prepareEdit(io, found, options.window, edit, prepared);
    if (now.result.changed) await write(now, deps);
    return now.result.summary;
  });
  io.out(`${summary}\n`);
  return 0;
}

/** A pure edit of one file's text: the shape every edit takes once planned as data. */
export type Plan = (text: string) => { readonly ok: true; readonly text: string; readonly summary: string } | { readonly ok: false; readonly problems: readonly Problem[] };

interface Planned {
  readonly file: string;
  readonly abs: string;
  readonly before: string;
  readonly text: string;
  readonly summary: string;
}

async function planFile(io: Io, file: string, plan: Plan): Promise<Planned | { problems: readonly Problem[] }> {
  const abs = path.resolve(io.cwd, file);
  const read = await readRoadmapText(abs, file);
  if ('problem' in read) return { problems: [read.problem] };
  const result = plan(read.text);
  if (!result.ok) return { problems: result.problems };
  const size = Buffer.byteLength(result.text);
  if (size > MAX_FILE_BYTES) {
    return { problems: [{ file, line: 0, column: 0, severity: 'error', message: `the edit would make it ${size} bytes, over the limit of ${MAX_FILE_BYTES} bytes for roadmap files` }] };
  }
  return { file, abs, before: read.text, text: result.text, summary: result.summary };
}

/**
 * Planned edits of several files: every plan is made first and nothing is written
 * unless all succeed; then each file is written atomically under its lock, planned
 * again on the text read there (an edit that finished meanwhile is kept).
 */
export async function runPlannedEdits(options: GlobalOptions & { readonly dryRun?: boolean }, io: Io, edits: ReadonlyArray<{ readonly file: string; readonly plan: Plan }>, deps: EditDeps = {}): Promise<number> {
  const planned: Planned[] = [];
  const problems: Problem[] = [];
  for (const e of edits) {
    const p = await planFile(io, e.file, e.plan);
    if ('problems' in p) problems.push(...p.problems);
    else planned.push(p);
  }
  if (problems.length > 0) {
    io.err(problemLines(problems).join('\n') + '\n');
    throw new UserError(`${problemSummary(problems)}; nothing was written`);
  }
  const changed = planned.filter((p) => p.text !== p.before);
  if (options.dryRun) {
    io.out(changed.map((p) => unifiedDiff(p.file, p.before, p.text, io.stdoutTTY)).join(''));
    return 0;
  }
  for (const [i, p] of changed.entries()) {
    const plan = edits.find((e) => e.file === p.file)!.plan;
    const summary = await locked(io, options, p.abs, p.file, async () => {
      const now = await planFile(io, p.file, plan);
      if ('problems' in now) {
        io.err(problemLines(now.problems).join('\n') + '\n');
        throw new UserError(`${p.file} changed while recording; it is unchanged${i > 0 ? `, the ${i} file(s) before it were written` : ''}: run the command again`);
      }
      await writeText(p.abs, now.text, now.before, p.file, deps);
      return now.summary;
    });
    io.out(`${summary}\n`);
  }
  return 0;
}
