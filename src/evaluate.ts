/**
 * The core: roadmaps, today and a horizon to a report of states and counts.
 * Pure — no file system, no clock, no colour.
 */
import { toDays, type CalendarDate } from './calendar/date.js';
import { STATES, type Activity, type Roadmap, type Stage, type State, type Window } from './model.js';

export type Counts = Record<State, number>;

export interface DayCounts {
  readonly daysOverdue?: number;
  readonly daysLeft?: number;
  readonly daysUntilStart?: number;
  readonly daysLate?: number;
}

export interface WindowReport extends DayCounts {
  /** The window as it stood at today: a `done` or `started` date after today is null here. */
  readonly window: Window;
  readonly index: number;
  readonly state: State;
  readonly late: boolean;
}

export interface ActivityReport extends DayCounts {
  readonly roadmap: Roadmap;
  readonly stage: Stage;
  readonly activity: Activity;
  readonly today: CalendarDate;
  readonly state: State;
  /** The most urgent window: the activity's start, end and state are its. */
  readonly deciding: WindowReport;
  readonly windows: readonly WindowReport[];
  /** The last completion date when every window is done or cancelled. */
  readonly done: CalendarDate | null;
  /** The activity's own start date, else its windows' earliest (as of today). */
  readonly started: CalendarDate | null;
  /** Some window was done after its end. */
  readonly late: boolean;
}

/** A stage's own deadline (spec revision 2), evaluated as a single-day window. */
export interface DeadlineReport {
  readonly roadmap: Roadmap;
  readonly stage: Stage;
  readonly deadline: WindowReport;
}

export interface Group {
  readonly roadmap: Roadmap;
  readonly key: string;
  readonly title: string;
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly counts: Counts;
  readonly activities: readonly ActivityReport[];
  /** The stage itself, for a stage's group. */
  readonly stage?: Stage;
  /** A stage's deadlines; none for an entity (a stage deadline belongs to no entity). */
  readonly deadlines: readonly DeadlineReport[];
  /** By entity: how many of `activities` it only supports (they come after the ones it leads). */
  readonly supported?: number;
}

export interface Report {
  readonly today: CalendarDate;
  readonly horizonDays: number;
  readonly roadmaps: ReadonlyArray<{ readonly roadmap: Roadmap; readonly today: CalendarDate }>;
  readonly summary: Counts;
  /** In file order. */
  readonly activities: readonly ActivityReport[];
  readonly stages: readonly Group[];
  readonly entities: readonly Group[];
  /** Every stage deadline, in file order. */
  readonly deadlines: readonly DeadlineReport[];
}

export interface EvaluateOptions {
  readonly today: CalendarDate;
  /** A roadmap's own today, where it differs (its time zone, when no date was given). */
  readonly todayOf?: (roadmap: Roadmap) => CalendarDate;
  readonly horizonDays: number;
}

export const RANK: Readonly<Record<State, number>> = Object.fromEntries(STATES.map((s, i) => [s, i])) as Record<State, number>;

export function emptyCounts(): Counts {
  return { overdue: 0, 'due-soon': 0, active: 0, upcoming: 0, later: 0, done: 0, cancelled: 0 };
}

/** SPEC §2 for one window [start, end] on day `today` (day numbers). */
export function stateOf(start: number, end: number, done: boolean, cancelled: boolean, today: number, horizon: number): State {
  if (cancelled) return 'cancelled';
  if (done) return 'done';
  if (end < today) return 'overdue';
  const limit = today + horizon;
  if (end <= limit) return 'due-soon';
  if (start <= today) return 'active';
  if (start <= limit) return 'upcoming';
  return 'later';
}

/** The window at `today`: a date recorded for later has not happened yet (SPEC §2, as of today). */
function asOf(w: Window, today: CalendarDate): Window {
  const done = w.done !== null && w.done > today;
  const started = w.started !== null && w.started > today;
  if (!done && !started) return w;
  return { ...w, done: done ? null : w.done, started: started ? null : w.started, doneAt: done ? undefined : w.doneAt, startedAt: started ? undefined : w.startedAt };
}

function windowReport(recorded: Window, index: number, todayDate: CalendarDate, today: number, horizon: number): WindowReport {
  const window = asOf(recorded, todayDate);
  const s = toDays(window.start);
  const e = toDays(window.end);
  const state = stateOf(s, e, window.done !== null, window.cancelled !== null, today, horizon);
  const lateBy = window.done === null ? 0 : toDays(window.done) - e;
  // One object shape for every state (absent counts are undefined): sorting and
  // rendering 100,000 of them stays monomorphic.
  return {
    window,
    index,
    state,
    late: state === 'done' && lateBy > 0,
    daysOverdue: state === 'overdue' ? today - e : undefined,
    daysLeft: state === 'due-soon' || state === 'active' ? e - today : undefined,
    daysUntilStart: state === 'upcoming' || state === 'later' ? s - today : undefined,
    daysLate: state === 'done' && lateBy > 0 ? lateBy : undefined,
  };
}

/** Among windows of one state, which decides: the oldest overdue, the nearest end, the nearest start, the last done. */
function moreUrgent(a: WindowReport, b: WindowReport): boolean {
  if (RANK[a.state] !== RANK[b.state]) return RANK[a.state] < RANK[b.state];
  switch (a.state) {
    case 'upcoming':
    case 'later':
      return a.window.start < b.window.start;
    case 'done':
      return (a.window.done ?? '') > (b.window.done ?? '');
    default:
      return a.window.end < b.window.end;
  }
}

export function evaluateActivity(roadmap: Roadmap, stage: Stage, activity: Activity, today: CalendarDate, horizon: number, t = toDays(today)): ActivityReport {
  // map(), not push(): an array grown by push() keeps room for 16, and there are 100,000 of these.
  const windows = activity.windows.map((w, i) => windowReport(w, i, today, t, horizon));
  let deciding = windows[0]!;
  let finished = true;
  let late = false;
  let done: CalendarDate | null = null;
  let daysLate = 0;
  let started: CalendarDate | null = null;
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i]!;
    if (moreUrgent(w, deciding)) deciding = w;
    if (w.state !== 'done' && w.state !== 'cancelled') finished = false;
    if (w.state === 'done' && w.window.done && (done === null || w.window.done > done)) done = w.window.done;
    if (w.late) late = true;
    if ((w.daysLate ?? 0) > daysLate) daysLate = w.daysLate ?? 0;
    if (w.window.started !== null && (started === null || w.window.started < started)) started = w.window.started;
  }
  if (activity.started !== null && activity.started <= today) started = activity.started;
  return {
    roadmap,
    stage,
    activity,
    today,
    state: deciding.state,
    deciding,
    windows,
    done: finished ? done : null,
    started,
    late,
    daysOverdue: deciding.daysOverdue,
    daysLeft: deciding.daysLeft,
    daysUntilStart: deciding.daysUntilStart,
    daysLate: deciding.state === 'done' && late ? daysLate : undefined,
  };
}

export function count(activities: readonly ActivityReport[]): Counts {
  const counts = emptyCounts();
  for (let i = 0; i < activities.length; i++) counts[activities[i]!.state]++;
  return counts;
}

/** Most urgent first: by state, then the most days overdue / fewest days left / soonest start. */
export function byUrgency(a: ActivityReport, b: ActivityReport): number {
  return RANK[a.state] - RANK[b.state] || urgencyKey(a) - urgencyKey(b);
}

/** Smaller is more urgent: days overdue count down, days left and days until the start count up. */
export function urgencyKey(a: DayCounts): number {
  return -(a.daysOverdue ?? 0) + (a.daysLeft ?? 0) + (a.daysUntilStart ?? 0);
}

const NO_DEADLINES: readonly DeadlineReport[] = Object.freeze([]);

export function evaluateDeadlines(roadmap: Roadmap, stage: Stage, today: CalendarDate, horizon: number): readonly DeadlineReport[] {
  if (stage.deadlines.length === 0) return NO_DEADLINES;
  const t = toDays(today);
  return stage.deadlines.map((w, i) => ({ roadmap, stage, deadline: windowReport(w, i, today, t, horizon) }));
}

/** Whether `activity` counts under entity `id` only as a supporter. */
export function supportsOnly(activity: Activity, id: string): boolean {
  return !activity.responsible.includes(id) && activity.support.includes(id);
}

export function evaluate(roadmaps: readonly Roadmap[], options: EvaluateOptions): Report {
  const activities: ActivityReport[] = [];
  const stages: Group[] = [];
  const entities: Group[] = [];
  const deadlines: DeadlineReport[] = [];
  const todays = roadmaps.map((roadmap) => ({ roadmap, today: options.todayOf?.(roadmap) ?? options.today }));
  for (const { roadmap, today } of todays) {
    const byEntity = new Map<string, ActivityReport[]>([...roadmap.entities.keys()].map((id) => [id, []]));
    const supportedBy = new Map<string, ActivityReport[]>();
    const t = toDays(today);
    for (const stage of roadmap.stages) {
      const reports: ActivityReport[] = [];
      for (let i = 0; i < stage.activities.length; i++) {
        const a = stage.activities[i]!;
        if (a.windows.length === 0) continue;
        const report = evaluateActivity(roadmap, stage, a, today, options.horizonDays, t);
        reports.push(report);
        activities.push(report);
      }
      const own = evaluateDeadlines(roadmap, stage, today, options.horizonDays);
      for (let i = 0; i < own.length; i++) deadlines.push(own[i]!);
      stages.push({ roadmap, stage, key: stage.id, title: stage.title, start: stage.start, end: stage.end, counts: count(reports), activities: reports, deadlines: own });
      for (let i = 0; i < reports.length; i++) {
        const { responsible, support } = reports[i]!.activity;
        for (let j = 0; j < responsible.length; j++) byEntity.get(responsible[j]!)?.push(reports[i]!);
        for (let j = 0; j < support.length; j++) {
          if (responsible.includes(support[j]!)) continue;
          let list = supportedBy.get(support[j]!);
          if (!list) supportedBy.set(support[j]!, (list = []));
          list.push(reports[i]!);
        }
      }
    }
    for (const [id, led] of byEntity) {
      const supported = supportedBy.get(id) ?? [];
      if (led.length === 0 && supported.length === 0) continue;
      const title = roadmap.entities.get(id)?.name ?? id;
      // State counts are of the activities it leads; the ones it supports follow them.
      entities.push({
        roadmap,
        key: id,
        title,
        start: null,
        end: null,
        counts: count(led),
        activities: supported.length ? [...led, ...supported] : led,
        deadlines: NO_DEADLINES,
        supported: supported.length,
      });
    }
  }
  return {
    today: options.today,
    horizonDays: options.horizonDays,
    roadmaps: todays,
    summary: count(activities),
    activities,
    stages,
    entities,
    deadlines,
  };
}
