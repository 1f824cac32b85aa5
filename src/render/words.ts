/** Words shared by the renderers: how a window, a day count or a set of counts is said. */
import type { ActivityReport, Counts, Report, WindowReport } from '../evaluate.js';
import { STATES, type Window } from '../model.js';
import { inert } from './inert.js';

export function span(start: string | null, end: string | null): string {
  if (!start || !end) return '';
  return start === end ? start : `${start} → ${end}`;
}

export function windowText(w: Window): string {
  const when = span(w.start, w.end);
  return w.label ? `${inert(w.label)}: ${when}` : when;
}

/** "overdue 76d", "ends in 3d", "starts in 12d", "done 2019-04-20 (5d late)". */
export function when(r: ActivityReport | WindowReport, done: string | null, cancelled: string | null): string {
  switch (r.state) {
    case 'overdue': return `overdue ${r.daysOverdue}d`;
    case 'due-soon': return r.daysLeft === 0 ? 'due today' : `due in ${r.daysLeft}d`;
    case 'active': return `ends in ${r.daysLeft}d`;
    case 'upcoming':
    case 'later': return `${singleDay(r) ? 'due' : 'starts'} in ${r.daysUntilStart}d`;
    case 'done': return `done ${done ?? ''}${r.daysLate ? ` (${r.daysLate}d late)` : ''}`;
    case 'cancelled': return cancelled ? `cancelled: ${inert(cancelled)}` : 'cancelled';
  }
}

/** A deadline: it is due on its day, it does not "start". */
function singleDay(r: ActivityReport | WindowReport): boolean {
  const w = 'deciding' in r ? r.deciding.window : r.window;
  return w.start === w.end;
}

export function activityWhen(r: ActivityReport): string {
  const cancelled = r.windows.find((w) => w.window.cancelled)?.window.cancelled ?? null;
  return when(r, r.done ?? r.deciding.window.done, cancelled);
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
    }
  }
}
