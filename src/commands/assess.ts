/**
 * `roadmap assess <id>` records one rating; `roadmap assess --from SHEET.csv` records
 * a filled-in rating sheet. All rows are checked before anything is written; then
 * one atomic edit per roadmap file. The planning is pure (edit/assess.ts, sheet.ts).
 */
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { planAssessments, type AssessmentRecord } from '../edit/assess.js';
import path from 'node:path';
import { readRoadmapText, type Loaded } from '../load/index.js';
import type { Activity, Roadmap } from '../model.js';
import { ratedBy, readSheet } from '../sheet.js';
import { command } from '../shell/command.js';
import { load } from '../shell/context.js';
import { futureDate, find, runPlannedEdits } from '../shell/edit.js';
import type { Output } from '../shell/effects.js';
import { EXIT, UserError } from '../shell/io.js';
import { formatProblem, problemLines, problemSummary } from '../shell/problems.js';
import { todayFor, type Run } from '../shell/run.js';
import { inert } from '../text/inert.js';

export interface AssessOptions {
  readonly by?: string;
  readonly asOf?: string;
  readonly level?: string;
  readonly scale?: string;
  readonly window?: string;
  readonly source?: string;
  readonly evidence?: string[];
  readonly note?: string;
  readonly published?: string;
  readonly from?: string;
  readonly dryRun?: boolean;
}

/** --as-of: required, a date, and not after today in any of these roadmaps (SPEC §2). */
export function asOfOption(run: Run, asOf: string | undefined, roadmaps: readonly Roadmap[], required: boolean): CalendarDate {
  const t = todayFor(run.today, roadmaps);
  if (asOf === undefined) {
    if (required) throw new UserError('give the date the rating describes: --as-of YYYY-MM-DD');
    return t.today;
  }
  const date = parseDate(asOf.trim());
  if (!date) throw new UserError(`--as-of ${JSON.stringify(inert(asOf))} is not a calendar date (YYYY-MM-DD)`);
  for (const r of roadmaps) {
    const future = futureDate(date, t.todayOf?.(r) ?? t.today, 'rating');
    if (future) throw new UserError(future);
  }
  return date;
}

/** --by: an assessor some roadmap declares. */
export function assessorOption(by: string | undefined, roadmaps: readonly Roadmap[]): string {
  if (by === undefined || by.trim() === '') throw new UserError('say who rates: --by ASSESSOR (an id under assessors: in the roadmap)');
  const id = by.trim();
  if (ratedBy(roadmaps, id).length === 0) {
    const known = [...new Set(roadmaps.flatMap((r) => [...(r.assessors?.keys() ?? [])]))];
    throw new UserError(`no roadmap declares assessor '${inert(id)}'${known.length ? ` (assessors: ${known.map(inert).join(', ')})` : ': declare it under assessors: in the roadmap'}`);
  }
  return id;
}

/** `--window` by label, or by number as the other edits take it. */
function windowLabel(activity: Activity, wanted: string | undefined): string | undefined {
  if (wanted === undefined || !/^\d+$/.test(wanted)) return wanted;
  return activity.windows[Number(wanted) - 1]?.label ?? wanted;
}

const trimmed = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

export async function plan(run: Run, options: AssessOptions, id?: string): Promise<Output> {
  if (options.from !== undefined && id !== undefined) throw new UserError('give an activity id or --from SHEET.csv, not both');
  if (options.from === undefined && id === undefined) throw new UserError('give an activity id (roadmap assess 1.1 --by ... --level ...), or --from SHEET.csv');
  const oneOnly = (['level', 'scale', 'window', 'source', 'evidence', 'note', 'published'] as const).filter((k) => options[k] !== undefined);
  if (options.from !== undefined && oneOnly.length > 0) throw new UserError(`--${oneOnly[0]} is for one rating; a sheet's rows carry their own`);
  const loaded = await load(run);
  const by = assessorOption(options.by, loaded.roadmaps);
  return options.from !== undefined ? fromSheet(run, options, loaded, by, options.from) : one(run, options, loaded, by, id!);
}

export const run = command<AssessOptions, [string?]>(plan);

function one(run: Run, options: AssessOptions, loaded: Loaded, by: string, id: string): Promise<Output> {
  const found = find(loaded, id);
  const level = trimmed(options.level);
  if (level === undefined) throw new UserError('give the level: --level LEVEL (completion: not-started, limited, substantial, complete; or no-evidence)');
  const record: AssessmentRecord = {
    activity: `${found.roadmap.id}:${found.activity.id}`,
    by,
    asOf: asOfOption(run, options.asOf, [found.roadmap], true),
    level,
    scale: trimmed(options.scale),
    window: windowLabel(found.activity, trimmed(options.window)),
    source: trimmed(options.source),
    evidence: (options.evidence ?? []).map((e) => e.trim()).filter(Boolean),
    note: trimmed(options.note),
    published: trimmed(options.published),
  };
  const file = found.roadmap.file;
  return runPlannedEdits(run, options, [{ file, plan: (text) => planAssessments(text, file, [record]) }]);
}

function fromSheet(run: Run, options: AssessOptions, loaded: Loaded, by: string, sheet: string): Promise<Output> {
  const { io } = run;
  const asOf = asOfOption(run, options.asOf, ratedBy(loaded.roadmaps, by), true);
  // Read as a roadmap is: size limit, UTF-8 checked (a sheet saved in a legacy encoding is named as such).
  const read = readRoadmapText(path.resolve(io.cwd, sheet), sheet);
  if ('problem' in read) throw new UserError(formatProblem(read.problem).replace(/: error: /, ': '));
  const result = readSheet(read.text, sheet, loaded.roadmaps, { by, asOf });
  if (!result.ok) {
    io.err(problemLines(result.problems).join('\n') + '\n');
    throw new UserError(`${problemSummary(result.problems)}; nothing was written`);
  }
  if (result.records.length === 0) {
    return Promise.resolve({ stderr: run.quiet ? undefined : `roadmap: ${inert(sheet)} has no row with a level; nothing to record\n`, exit: EXIT.ok });
  }
  const byFile = new Map<string, AssessmentRecord[]>();
  for (const r of result.records) {
    const file = find(loaded, r.activity).roadmap.file;
    byFile.set(file, [...(byFile.get(file) ?? []), r]);
  }
  return runPlannedEdits(
    run,
    options,
    [...byFile].map(([file, records]) => ({ file, plan: (text: string) => planAssessments(text, file, records) })),
  );
}
