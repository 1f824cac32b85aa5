/** Words shared by the renderers: how a window, a day count or a set of counts is said. */
import type { ActivityReport, Counts, DeadlineReport, Group, Report, WindowReport } from '../evaluate.js';
import { STATES, type Activity, type Window } from '../model.js';
import type { Paint } from './paint.js';
import { inert, span } from '../text/inert.js';

export { span };

export function windowText(w: Window): string {
  const when = span(w.start, w.end);
  return w.label ? `${inert(w.label)}: ${when}` : when;
}

/** "overdue 76d", "ends in 3d", "starts in 12d", "done 2019-04-20 (5d late)". */
export function when(r: ActivityReport | WindowReport, done: string | null, cancelled: string | null): string {
  switch (r.state) {
    case 'overdue':
      return `overdue ${r.daysOverdue}d`;
    case 'due-soon':
      return r.daysLeft === 0 ? 'due today' : `due in ${r.daysLeft}d`;
    case 'active':
      return `ends in ${r.daysLeft}d`;
    case 'upcoming':
    case 'later':
      return `${singleDay(r) ? 'due' : 'starts'} in ${r.daysUntilStart}d`;
    case 'done':
      return `done ${done ?? ''}${r.daysLate ? ` (${r.daysLate}d late)` : ''}`;
    case 'cancelled':
      return cancelled ? `cancelled: ${inert(cancelled)}` : 'cancelled';
  }
}

/** A deadline: it is due on its day, it does not "start". */
function singleDay(r: ActivityReport | WindowReport): boolean {
  const w = 'deciding' in r ? r.deciding.window : r.window;
  return w.start === w.end;
}

/** "OGP-AZ, NGOS (+ STATE-BODIES)": who leads, and who supports in brackets. */
export function whoText(a: Activity): string {
  const lead = a.responsible.map(inert).join(', ');
  if (a.support.length === 0) return lead;
  const support = `(+ ${a.support.map(inert).join(', ')})`;
  return lead ? `${lead} ${support}` : support;
}

/** "overdue 1d", "due in 3d", "done 2019-06-01 (2d late)": a stage deadline's state. */
export function deadlineWhen(d: DeadlineReport): string {
  return when(d.deadline, d.deadline.window.done, null);
}

/**
 * A stage's deadlines for its header: "· deadline 2019-06-01 overdue 1d" inline (each
 * distinct date and state once), and a line per labelled one (unpainted, to be fitted).
 */
export function deadlinesText(deadlines: readonly DeadlineReport[], paint: Paint): { inline: string; lines: string[] } {
  if (deadlines.length === 0) return { inline: '', lines: [] };
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const d of deadlines) {
    const text = `${d.deadline.window.end} ${deadlineWhen(d)}`;
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(`${d.deadline.window.end} ${paint.state(d.deadline.state, deadlineWhen(d))}`);
  }
  const inline = ` · ${parts.length > 1 ? 'deadlines' : 'deadline'} ${parts.join(', ')}`;
  const lines = deadlines.filter((d) => d.deadline.window.label).map((d) => `  ◆ ${d.deadline.window.end} ${inert(d.deadline.window.label!)}`);
  return { inline, lines };
}

/** States of work in progress, where the start of the work is worth saying. */
const UNDER_WAY = new Set(['overdue', 'due-soon', 'active']);

/** "started 2025-02-03 · ends in 12d", "done 2019-04-20 (5d late)", "cancelled: reason". */
export function activityWhen(r: ActivityReport): string {
  const cancelled = r.windows.find((w) => w.window.cancelled)?.window.cancelled ?? null;
  const text = when(r, r.done ?? r.deciding.window.done, cancelled);
  const started = r.deciding.window.started;
  return started !== null && UNDER_WAY.has(r.state) ? `started ${started} · ${text}` : text;
}

/** What is on record beyond the table's columns: of the activity, or of one of its windows. */
export interface Recorded {
  readonly activity: ActivityReport;
  /** The window, for an activity with several; null for the activity itself. */
  readonly window: WindowReport | null;
  readonly support: readonly string[];
  readonly started: string | null;
  readonly cancelled: string | null;
  readonly evidence: readonly string[];
  readonly notes: string | null;
}

/**
 * The activity's own records, then each window's where it has its own (an activity
 * written with windows:), leaving out what the "when" column already says. As of today.
 */
export function recorded(r: ActivityReport): Recorded[] {
  const a = r.activity;
  const own = a.started !== null && a.started <= r.today ? a.started : null;
  const inWhen = UNDER_WAY.has(r.state) ? r.deciding.window.started : null;
  const out: Recorded[] = [];
  const mine: Recorded = { activity: r, window: null, support: a.support, started: own !== inWhen ? own : null, cancelled: null, evidence: a.evidence, notes: a.notes };
  if (hasAny(mine)) out.push(mine);
  if (r.windows.length < 2) return out;
  for (const w of r.windows) {
    const started = w.window.started !== own && !(w === r.deciding && w.window.started === inWhen) ? w.window.started : null;
    const cancelled = w.window.cancelled !== a.cancelled ? w.window.cancelled : null;
    const item: Recorded = { activity: r, window: w, support: [], started, cancelled, evidence: w.window.evidence, notes: w.window.notes };
    if (hasAny(item)) out.push(item);
  }
  return out;
}

function hasAny(x: Recorded): boolean {
  return x.support.length > 0 || x.started !== null || x.cancelled !== null || x.evidence.length > 0 || x.notes !== null;
}

/** "6 overdue, 3 active, 10 later" — states with a count, in urgency order. */
export function countsText(counts: Counts, paint?: (state: (typeof STATES)[number], text: string) => string): string {
  const parts = STATES.filter((s) => counts[s] > 0).map((s) => {
    const t = `${counts[s]} ${s}`;
    return paint ? paint(s, t) : t;
  });
  return parts.length ? parts.join(', ') : 'nothing';
}

export function total(counts: Counts): number {
  return STATES.reduce((n, s) => n + counts[s], 0);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Every roadmap text a report may show, for measuring before drawing. */
export function* shownTexts(report: Report): Generator<string> {
  for (const { roadmap } of report.roadmaps) {
    yield roadmap.title;
    for (const e of roadmap.entities.values()) yield e.name;
    for (const s of roadmap.stages) yield s.title;
  }
  for (const a of report.activities) {
    yield a.activity.id;
    yield a.activity.title;
    for (const w of a.activity.windows) {
      if (w.label) yield w.label;
      if (w.cancelled) yield w.cancelled;
      if (w.period) yield w.period;
    }
    if (a.activity.period) yield a.activity.period;
  }
  for (const d of report.deadlines) if (d.deadline.window.label) yield d.deadline.window.label;
}

/**
 * An entity's counts: those of what it leads, then what it only supports, counted apart
 * ("2 led: 1 overdue, 1 active · 1 supported"; "0 led · 1 supported").
 */
export function roleText(g: Group, counts: string): string {
  if (!g.supported) return counts;
  const led = g.activities.length - g.supported;
  return `${led} led${led ? `: ${counts}` : ''} · ${g.supported} supported`;
}
