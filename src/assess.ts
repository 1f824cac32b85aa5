/**
 * Assessments at today T (SPEC §1, Assessments): each assessor's latest visible
 * rating, the disagreements between ratings and the tracker, and level counts per
 * assessor. Pure. Assessments never change an activity's state: this only reads a Report.
 */
import type { CalendarDate } from './calendar/date.js';
import type { ActivityReport, Report, WindowReport } from './evaluate.js';
import { COMPLETION, COMPLETION_LEVELS, NO_EVIDENCE, type Assessment, type Assessor, type Position, type Roadmap, type State } from './model.js';

/** An assessor's latest rating of one target (a scale, and the whole activity or one window) at T. */
export interface Latest {
  readonly assessor: Assessor;
  readonly assessment: Assessment;
}

export type Disagreement =
  /** Two assessors' latest ratings of one target, two or more steps apart. */
  | { readonly kind: 'apart'; readonly scale: string; readonly window: string | null; readonly low: Latest; readonly high: Latest; readonly steps: number; readonly at: Position }
  /** Done at T, yet an alternative or independent assessor rates it not-started or limited. */
  | { readonly kind: 'done-but-rated-low'; readonly window: string | null; readonly rating: Latest; readonly done: CalendarDate; readonly at: Position }
  /** Rated complete while the tracker shows it overdue at T. */
  | { readonly kind: 'complete-but-overdue'; readonly window: string | null; readonly rating: Latest; readonly daysOverdue: number; readonly at: Position };

export interface ActivityAssessment {
  readonly report: ActivityReport;
  /** Every assessment, visible at T or not, in file order. */
  readonly all: readonly Assessment[];
  /** The latest visible rating per assessor, scale and window, in file order of those ratings. */
  readonly latest: readonly Latest[];
  readonly disagreements: readonly Disagreement[];
}

export interface AssessorSummary {
  readonly roadmap: Roadmap;
  readonly assessor: Assessor;
  /** The activities this assessor rates at T, with their latest ratings. */
  readonly activities: ReadonlyArray<{ readonly report: ActivityReport; readonly latest: readonly Latest[] }>;
  /** Latest ratings per level, per scale (levels in scale order, then no-evidence; only those that occur). */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface Assessments {
  /** Activities with assessments, in report order. */
  readonly activities: readonly ActivityAssessment[];
  readonly byActivity: ReadonlyMap<ActivityReport, ActivityAssessment>;
  readonly assessors: readonly AssessorSummary[];
  readonly disagreements: ReadonlyArray<{ readonly report: ActivityReport; readonly disagreement: Disagreement }>;
}

const NONE: readonly never[] = Object.freeze([]);
const EMPTY: Assessments = Object.freeze({ activities: NONE, byActivity: new Map(), assessors: NONE, disagreements: NONE });

const rated = new WeakMap<Roadmap, boolean>();

/**
 * Whether the roadmap records any assessment. The views with ratings show only then:
 * declaring assessors, before any rating is recorded, changes no output.
 */
export function isRated(roadmap: Roadmap): boolean {
  if (roadmap.assessors === undefined) return false;
  let known = rated.get(roadmap);
  if (known === undefined) {
    known = roadmap.stages.some((s) => s.activities.some((a) => a.assessments !== undefined && a.assessments.length > 0));
    rated.set(roadmap, known);
  }
  return known;
}

/** Whether some roadmap of the report records assessments. */
export function hasAssessments(report: Report): boolean {
  return report.roadmaps.some(({ roadmap }) => isRated(roadmap));
}

/** A scale's ordered levels; a declared scale's from the roadmap. */
export function levelsOf(roadmap: Roadmap, scale: string): readonly string[] {
  return scale === COMPLETION ? COMPLETION_LEVELS : (roadmap.scales?.get(scale)?.levels ?? NONE);
}

function target(x: Assessment): string {
  return `${x.scale}\u0000${x.window ?? ''}`;
}

/** The assessments visible at T, the latest per assessor and target. */
export function latestRatings(roadmap: Roadmap, assessments: readonly Assessment[], today: CalendarDate): Latest[] {
  const best = new Map<string, Assessment>();
  for (const x of assessments) {
    if (x.asOf > today) continue;
    const key = `${x.by}\u0000${target(x)}`;
    const had = best.get(key);
    if (had === undefined || x.asOf > had.asOf) best.set(key, x);
  }
  const out: Latest[] = [];
  for (const x of assessments) {
    const assessor = roadmap.assessors?.get(x.by);
    if (assessor && best.get(`${x.by}\u0000${target(x)}`) === x) out.push({ assessor, assessment: x });
  }
  return out;
}

/** The state of what a rating rates: one labelled window, else the whole activity. */
function stateOf(a: ActivityReport, window: string | null): { state: State; done: CalendarDate | null; daysOverdue: number } {
  const w: WindowReport | undefined = window === null ? undefined : a.windows.find((x) => x.window.label === window);
  if (w) return { state: w.state, done: w.window.done, daysOverdue: w.daysOverdue ?? 0 };
  return { state: a.state, done: a.done, daysOverdue: a.daysOverdue ?? 0 };
}

const LOW = new Set<string>(['not-started', 'limited']);

export function disagreementsOf(a: ActivityReport, latest: readonly Latest[]): Disagreement[] {
  const out: Disagreement[] = [];
  const rank = (l: Latest) => levelsOf(a.roadmap, l.assessment.scale).indexOf(l.assessment.level);
  for (let i = 0; i < latest.length; i++) {
    for (let j = i + 1; j < latest.length; j++) {
      const x = latest[i]!;
      const y = latest[j]!;
      if (target(x.assessment) !== target(y.assessment) || x.assessor.id === y.assessor.id) continue;
      if (x.assessment.level === NO_EVIDENCE || y.assessment.level === NO_EVIDENCE) continue;
      const steps = Math.abs(rank(x) - rank(y));
      if (steps < 2) continue;
      const [low, high] = rank(x) < rank(y) ? [x, y] : [y, x];
      // Pointed at the more recent rating: the one that opened the gap.
      const at = (y.assessment.asOf >= x.assessment.asOf ? y : x).assessment.at;
      out.push({ kind: 'apart', scale: x.assessment.scale, window: x.assessment.window, low, high, steps, at });
    }
  }
  for (const l of latest) {
    const x = l.assessment;
    if (x.scale !== COMPLETION) continue;
    const { state, done, daysOverdue } = stateOf(a, x.window);
    if (state === 'done' && done !== null && l.assessor.kind !== 'self' && LOW.has(x.level)) {
      out.push({ kind: 'done-but-rated-low', window: x.window, rating: l, done, at: x.at });
    }
    if (state === 'overdue' && x.level === 'complete') {
      out.push({ kind: 'complete-but-overdue', window: x.window, rating: l, daysOverdue, at: x.at });
    }
  }
  return out;
}

export function assessActivity(a: ActivityReport): ActivityAssessment | null {
  const all = a.activity.assessments;
  if (all === undefined || all.length === 0) return null;
  const latest = latestRatings(a.roadmap, all, a.today);
  return { report: a, all, latest, disagreements: disagreementsOf(a, latest) };
}

const cache = new WeakMap<Report, Assessments>();

/** Everything the views with ratings need, once per report (renderers of one report share it). */
export function assess(report: Report): Assessments {
  if (!hasAssessments(report)) return EMPTY;
  const known = cache.get(report);
  if (known) return known;
  const activities: ActivityAssessment[] = [];
  const byActivity = new Map<ActivityReport, ActivityAssessment>();
  for (const a of report.activities) {
    const x = assessActivity(a);
    if (x === null) continue;
    activities.push(x);
    byActivity.set(a, x);
  }
  const made: Assessments = {
    activities,
    byActivity,
    assessors: summaries(report, activities),
    disagreements: activities.flatMap((x) => x.disagreements.map((disagreement) => ({ report: x.report, disagreement }))),
  };
  cache.set(report, made);
  return made;
}

function summaries(report: Report, activities: readonly ActivityAssessment[]): AssessorSummary[] {
  const out: AssessorSummary[] = [];
  for (const { roadmap } of report.roadmaps) {
    if (!isRated(roadmap)) continue;
    for (const assessor of roadmap.assessors?.values() ?? []) {
      const rated: Array<{ report: ActivityReport; latest: Latest[] }> = [];
      const tally = new Map<string, Map<string, number>>();
      for (const x of activities) {
        if (x.report.roadmap !== roadmap) continue;
        const mine = x.latest.filter((l) => l.assessor === assessor);
        if (mine.length === 0) continue;
        rated.push({ report: x.report, latest: mine });
        for (const l of mine) {
          const levels = tally.get(l.assessment.scale) ?? new Map<string, number>();
          levels.set(l.assessment.level, (levels.get(l.assessment.level) ?? 0) + 1);
          tally.set(l.assessment.scale, levels);
        }
      }
      const counts: Record<string, Record<string, number>> = {};
      for (const [scale, levels] of tally) {
        const ordered: Record<string, number> = {};
        for (const level of [...levelsOf(roadmap, scale), NO_EVIDENCE]) if (levels.has(level)) ordered[level] = levels.get(level)!;
        counts[scale] = ordered;
      }
      out.push({ roadmap, assessor, activities: rated, counts });
    }
  }
  return out;
}

/** "NGOS limited", "GOV complete (6th month)", "PANEL major on impact". */
export function ratingText(l: Latest, esc: (s: string) => string = (s) => s): string {
  const x = l.assessment;
  return `${esc(x.by)} ${esc(x.level)}${x.scale === COMPLETION ? '' : ` on ${esc(x.scale)}`}`;
}

/** The disagreement in words, with which assessors and levels: the same in every output. */
export function disagreementText(d: Disagreement, esc: (s: string) => string = (s) => s): string {
  const of = d.window === null ? '' : ` (${esc(d.window)})`;
  switch (d.kind) {
    case 'apart':
      return `${ratingText(d.high, esc)} vs ${ratingText(d.low, esc)}${of}: ${d.steps} steps apart`;
    case 'done-but-rated-low':
      return `done ${d.done}${of}, but ${d.rating.assessor.kind} assessor ${ratingText(d.rating, esc)} (as of ${d.rating.assessment.asOf})`;
    case 'complete-but-overdue':
      return `${ratingText(d.rating, esc)} (as of ${d.rating.assessment.asOf}), but overdue ${d.daysOverdue}d${of}`;
  }
}

/** The assessors and levels a disagreement names, for machine-readable output. */
export function disagreementJson(d: Disagreement, esc: (s: string) => string = (s) => s) {
  const rating = (l: Latest) => ({ by: l.assessment.by, kind: l.assessor.kind, level: l.assessment.level, asOf: l.assessment.asOf, line: l.assessment.at.line });
  const common = { kind: d.kind, window: d.window, message: disagreementText(d, esc), line: d.at.line };
  switch (d.kind) {
    case 'apart':
      return { ...common, scale: d.scale, steps: d.steps, ratings: [rating(d.high), rating(d.low)] };
    case 'done-but-rated-low':
      return { ...common, scale: COMPLETION, done: d.done, ratings: [rating(d.rating)] };
    case 'complete-but-overdue':
      return { ...common, scale: COMPLETION, daysOverdue: d.daysOverdue, ratings: [rating(d.rating)] };
  }
}
