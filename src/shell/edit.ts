/**
 * What the edit commands (done, start, cancel, reopen, move; add, add-stage,
 * add-entity, assign, set, remove) and `update` share: find the activity or the
 * roadmap, plan the edit of its file's text (pure: src/edit/apply.ts, structure.ts),
 * then show the diff or write it — atomically, under the file's lock from the
 * read to the rename, refusing a file changed since it was read.
 */
import path from 'node:path';
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { planEdit, type Edit, type EditPlan } from '../edit/apply.js';
import { unifiedDiff } from '../edit/diff.js';
import { findActivity, type Found } from '../edit/find.js';
import { planStructureEdit, type StructureEdit } from '../edit/structure.js';
import { MAX_FILE_BYTES, readRoadmapText, type Loaded } from '../load/index.js';
import type { Problem, Roadmap } from '../model.js';
import { load } from './context.js';
import type { Output } from './effects.js';
import { EXIT, UserError, type Io } from './io.js';
import { withLock } from './lock.js';
import { formatProblem, problemLines, problemSummary } from './problems.js';
import { todayOf, type Run } from './run.js';
import { writeAtomic, type WriteFs } from './write.js';

export interface EditOptions {
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
 * A date option (`--on`), or today for this roadmap. A later date is refused:
 * the evaluation would not count it until then (SPEC §2).
 */
export function dateOption(flag: string, value: string | undefined, today: CalendarDate, what: Recorded): CalendarDate {
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

export function find(loaded: Loaded, id: string): Found {
  const found = findActivity(loaded.roadmaps, id);
  if (!found.ok) throw new UserError(found.message);
  return found;
}

export interface Prepared {
  readonly file: string;
  readonly abs: string;
  readonly before: string;
  readonly result: Extract<EditPlan, { ok: true }>;
}

/** Reads the roadmap's file and plans the edit of its text (nothing written yet); `earlier` is reused if the text is the same. */
export function prepareEdit(io: Io, found: Found, window: string | undefined, edit: Edit, earlier?: Prepared): Prepared {
  return preparePlan(io, found.roadmap, (text, file) => planEdit(text, file, { activity: found.activity.id, window, edit }), earlier);
}

/** A pure plan of a file's new text: planEdit, or planStructureEdit for the edits of a roadmap's structure. */
export type TextPlan = (text: string, file: string) => EditPlan;

export function preparePlan(io: Io, roadmap: Roadmap, plan: TextPlan, earlier?: Prepared): Prepared {
  const file = roadmap.file;
  const abs = path.resolve(io.cwd, file);
  const read = readRoadmapText(abs, file);
  if ('problem' in read) throw new UserError(formatProblem(read.problem));
  if (read.text === earlier?.before) return earlier; // the same edit of the same text
  const result = plan(read.text, file);
  if (!result.ok) {
    if (result.problems.length) io.err(`${problemLines(result.problems).join('\n')}\n`);
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
export async function commit(run: Run, p: Prepared, deps: EditDeps = {}): Promise<void> {
  await locked(run, p.abs, p.file, () => writeAtomic(p.abs, p.result.text, { expected: p.before, shown: p.file, fs: deps.fs }));
}

/** Runs `work` holding the file's edit lock, saying so if it must wait for another edit. */
function locked<T>(run: Run, abs: string, shown: string, work: () => Promise<T>): Promise<T> {
  const waiting = () => {
    if (!run.quiet) run.io.err(`roadmap: waiting for another edit of ${shown} to finish\n`);
  };
  return withLock(abs, { shown, waiting }, work);
}

/**
 * The non-interactive edit commands: load, find `id`, build the edit for its
 * roadmap (dates default to that roadmap's today), then print the diff
 * (--dry-run) or write and print one line saying what changed.
 */
export async function runEdit(run: Run, options: EditOptions, id: string, make: (roadmap: Roadmap, today: CalendarDate) => Edit, deps: EditDeps = {}): Promise<Output> {
  const found = find(await load(run), id);
  const edit = make(found.roadmap, todayOf(run.today, found.roadmap));
  return writePrepared(run, options, (earlier) => prepareEdit(run.io, found, options.window, edit, earlier), deps);
}

/**
 * The edits of a roadmap's structure (add, add-stage, add-entity, assign, set,
 * remove): `pick` names the roadmap among those loaded, `plan` is pure. The same
 * diff, lock, re-read and stale check as runEdit.
 */
export async function runRoadmapEdit(run: Run, options: EditOptions, pick: (loaded: Loaded) => Roadmap, plan: TextPlan, deps: EditDeps = {}): Promise<Output> {
  const roadmap = pick(await load(run));
  return writePrepared(run, options, (earlier) => preparePlan(run.io, roadmap, plan, earlier), deps);
}

/** A structure edit of one activity (assign, set, remove): `make` builds it from the activity's id as written. */
export function runActivityEdit(run: Run, options: EditOptions, id: string, make: (activity: string) => StructureEdit, deps: EditDeps = {}): Promise<Output> {
  let activity = id;
  const pick = (loaded: Loaded) => {
    const found = find(loaded, id);
    activity = found.activity.id;
    return found.roadmap;
  };
  return runRoadmapEdit(run, options, pick, (text, file) => planStructureEdit(text, file, make(activity)), deps);
}

/** Prints the diff (--dry-run), or writes under the lock, planned again from the file as it is then. */
async function writePrepared(run: Run, options: EditOptions, prepare: (earlier?: Prepared) => Prepared, deps: EditDeps): Promise<Output> {
  const prepared = prepare();
  if (!prepared.result.changed || options.dryRun) {
    return { stdout: prepared.result.changed ? diffOf(run.io, prepared) : `${prepared.result.summary}\n`, exit: EXIT.ok };
  }
  // Read again under the lock: an edit that finished meanwhile is kept.
  const summary = await locked(run, prepared.abs, prepared.file, async () => {
    const now = prepare(prepared);
    if (now.result.changed) await writeAtomic(now.abs, now.result.text, { expected: now.before, shown: now.file, fs: deps.fs });
    return now.result.summary;
  });
  return { stdout: `${summary}\n`, exit: EXIT.ok };
}

/** A pure edit of one file's text, for edits planned across several files at once (a rating sheet). */
export type Plan = (text: string) => { readonly ok: true; readonly text: string; readonly summary: string } | { readonly ok: false; readonly problems: readonly Problem[] };

interface Planned {
  readonly file: string;
  readonly abs: string;
  readonly before: string;
  readonly text: string;
  readonly summary: string;
}

function planFile(io: Io, file: string, plan: Plan): Planned | { problems: readonly Problem[] } {
  const abs = path.resolve(io.cwd, file);
  const read = readRoadmapText(abs, file);
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
export async function runPlannedEdits(run: Run, options: EditOptions, edits: ReadonlyArray<{ readonly file: string; readonly plan: Plan }>, deps: EditDeps = {}): Promise<Output> {
  const planned: Planned[] = [];
  const problems: Problem[] = [];
  for (const e of edits) {
    const p = planFile(run.io, e.file, e.plan);
    if ('problems' in p) problems.push(...p.problems);
    else planned.push(p);
  }
  if (problems.length > 0) {
    run.io.err(`${problemLines(problems).join('\n')}\n`);
    throw new UserError(`${problemSummary(problems)}; nothing was written`);
  }
  const changed = planned.filter((p) => p.text !== p.before);
  if (options.dryRun) return { stdout: changed.map((p) => unifiedDiff(p.file, p.before, p.text, run.io.stdoutTTY)).join(''), exit: EXIT.ok };
  const said: string[] = [];
  for (const [i, p] of changed.entries()) {
    const plan = edits.find((e) => e.file === p.file)!.plan;
    said.push(
      await locked(run, p.abs, p.file, async () => {
        const now = planFile(run.io, p.file, plan);
        if ('problems' in now) {
          run.io.err(`${problemLines(now.problems).join('\n')}\n`);
          throw new UserError(`${p.file} changed while recording; it is unchanged${i > 0 ? `, the ${i} file(s) before it were written` : ''}: run the command again`);
        }
        await writeAtomic(now.abs, now.text, { expected: now.before, shown: now.file, fs: deps.fs });
        return now.summary;
      }),
    );
  }
  return { stdout: said.map((s) => `${s}\n`).join(''), exit: EXIT.ok };
}
