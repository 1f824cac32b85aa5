/** How each change is said, shared by the text and Markdown renderers of `roadmap diff`. */
import type { Change, Dates, WindowRef } from '../diff/changes.js';
import { plural, span } from './words.js';

/** Escapes roadmap text for the output at hand (inert for a terminal, md for Markdown). */
export type Escape = (text: string) => string;

export type Tone = 'bad' | 'good' | 'plain';

export interface Said {
  /** Which item: `2.7`, `3.3 · 6th month`, `stage II`, `timezone`, an entity id. */
  readonly subject: string;
  readonly what: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly note: string | null;
  readonly tone: Tone;
}

const days = (n: number) => plural(Math.abs(n), 'day');

/** "deadline extended by 31 days, starts 30 days later"; a one-day window just has a deadline. */
export function shiftWords(startShift: number, endShift: number, oneDay = false): string {
  const parts: string[] = [];
  if (endShift > 0) parts.push(`deadline extended by ${days(endShift)}`);
  if (endShift < 0) parts.push(`deadline brought forward by ${days(endShift)}`);
  if (!oneDay && startShift > 0) parts.push(`starts ${days(startShift)} later`);
  if (!oneDay && startShift < 0) parts.push(`starts ${days(startShift)} earlier`);
  return parts.join(', ');
}

const dates = (d: Dates) => span(d.start, d.end);
const written = (d: Dates, esc: Escape) => esc(d.startText === d.endText ? (d.startText ?? '') : `${d.startText}..${d.endText}`);
const list = (ids: readonly string[], esc: Escape) => (ids.length ? ids.map(esc).join(', ') : 'nobody');
const and = (ids: readonly string[], esc: Escape) => ids.map(esc).join(', ');

function windowSuffix(w: WindowRef | null, esc: Escape): string {
  if (!w) return '';
  return w.label ? ` · ${esc(w.label)}` : ` · window ${w.index}`;
}

function subjectOf(c: Change, esc: Escape): string {
  if ('deadline' in c) return `stage ${esc(c.stage ?? '')} deadline${c.deadline.label === null ? '' : ` "${esc(c.deadline.label)}"`}`;
  if (c.activity !== null) return esc(c.activity) + ('window' in c ? windowSuffix(c.window, esc) : '');
  if (c.stage !== null) return `stage ${esc(c.stage)}`;
  switch (c.kind) {
    case 'roadmap-changed':
      return c.field;
    case 'entity-added':
    case 'entity-removed':
    case 'entity-renamed':
      return esc(c.entity);
    case 'assessor-added':
    case 'assessor-removed':
      return esc(c.assessor);
    default:
      return 'roadmap';
  }
}

export function describe(c: Change, esc: Escape): Said {
  const said = (what: string, before: string | null, after: string | null, tone: Tone = 'plain', note: string | null = null): Said => ({ subject: subjectOf(c, esc), what, before, after, note, tone });
  switch (c.kind) {
    case 'roadmap-added':
      return said('roadmap added', null, `${esc(c.title)}, revision ${c.revision}`, 'good');
    case 'roadmap-removed':
      return said('roadmap removed', `${esc(c.title)}, revision ${c.revision}`, null, 'bad');
    case 'roadmap-changed': {
      const v = (x: string | number | null) => (x === null ? 'none' : esc(String(x)));
      return said(`${c.field} changed`, v(c.old), v(c.new));
    }
    case 'entity-added':
      return said('entity added', null, esc(c.name));
    case 'entity-removed':
      return said('entity removed', esc(c.name), null);
    case 'entity-renamed':
      return said('entity renamed', esc(c.old), esc(c.new));
    case 'stage-added':
      return said('stage added', null, esc(c.title), 'good');
    case 'stage-removed':
      return said('stage removed', esc(c.title), null, 'bad');
    case 'stage-retitled':
      return said('stage retitled', esc(c.old), esc(c.new));
    case 'stage-moved':
    case 'window-moved': {
      const notes = [c.movedWith.length ? `moved with ${and(c.movedWith, esc)}` : '', c.dependants.length ? `${and(c.dependants, esc)} moved with it` : ''].filter(Boolean);
      const oneDay = c.old.start === c.old.end && c.new.start === c.new.end;
      return said(shiftWords(c.startShift, c.endShift, oneDay), dates(c.old), dates(c.new), c.endShift > 0 ? 'bad' : c.endShift < 0 ? 'good' : 'plain', notes.join('; ') || null);
    }
    case 'window-rewritten':
      return said('window rewritten, same dates', written(c.old, esc), written(c.new, esc));
    case 'window-added':
      return said('window added', null, dates(c.dates));
    case 'window-removed':
      return said('window removed', dates(c.dates), null, 'bad');
    case 'activity-added': {
      const when = c.windows.map((w) => (w.label ? `${esc(w.label)}: ` : '') + dates(w)).join('; ');
      return said('added', null, `${when} · ${list(c.responsible, esc)}`, 'good');
    }
    case 'activity-removed': {
      const when = c.windows.map((w) => (w.label ? `${esc(w.label)}: ` : '') + dates(w)).join('; ');
      return said('removed', `${when} · ${list(c.responsible, esc)}`, null, 'bad');
    }
    case 'activity-retitled':
      return said('retitled', esc(c.old), esc(c.new));
    case 'activity-restaged':
      return said(`moved to stage ${esc(c.new)}`, `stage ${esc(c.old)}`, `stage ${esc(c.new)}`);
    case 'reassigned':
      return said('reassigned', list(c.old, esc), list(c.new, esc));
    case 'support-changed':
      return said('support changed', list(c.old, esc), list(c.new, esc));
    case 'marked-done': {
      const how = c.daysLate > 0 ? `${days(c.daysLate)} late` : 'on time';
      return said(c.old ? `completion date changed, ${how}` : `marked done, ${how}`, c.old, c.new, 'good');
    }
    case 'started':
      return said(c.new ? (c.old ? 'start date changed' : 'started') : 'start date removed', c.old, c.new);
    case 'cancelled':
      return said('cancelled', c.old === null ? null : esc(c.old), esc(c.new));
    case 'reopened': {
      const was = c.old.done ? `done ${c.old.done}` : `cancelled: ${esc(c.old.cancelled ?? '')}`;
      return said('reopened', was, 'open', 'bad');
    }
    case 'evidence-changed': {
      const what = c.removed.length === 0 ? 'evidence added' : c.added.length === 0 ? 'evidence removed' : 'evidence changed';
      return said(what, c.removed.length ? and(c.removed, esc) : null, c.added.length ? and(c.added, esc) : null);
    }
    case 'period-changed': {
      const q = (x: string | null) => (x === null ? null : `"${esc(x)}"`);
      return said(c.old === null ? 'period added' : c.new === null ? 'period removed' : 'period', q(c.old), q(c.new));
    }
    case 'deadline-moved':
      return said(shiftWords(0, c.shift, true), c.old, c.new, c.shift > 0 ? 'bad' : 'good');
    case 'deadline-done': {
      const how = c.daysLate > 0 ? `${days(c.daysLate)} late` : 'on time';
      return said(c.old ? `completion date changed, ${how}` : `marked done, ${how}`, c.old, c.new, 'good');
    }
    case 'deadline-reopened':
      return said('reopened', `done ${c.old}`, 'open', 'bad');
    case 'deadline-added':
      return said('deadline added', null, c.done ? `${c.due}, done ${c.done}` : c.due, 'good');
    case 'deadline-removed':
      return said('deadline removed', c.done ? `${c.due}, done ${c.done}` : c.due, null, 'bad');
    case 'assessor-added':
      return said('assessor added', null, `${esc(c.name)} (${c.assessorKind})`);
    case 'assessor-removed':
      return said('assessor removed', `${esc(c.name)} (${c.assessorKind})`, null);
    case 'rating-added':
      return said(`${rater(c, esc)} rated`, null, esc(c.level), 'plain', `as of ${c.asOf}`);
    case 'rating-changed':
      return said(rater(c, esc), esc(c.old), esc(c.new), 'plain', `as of ${c.asOf}`);
    case 'rating-withdrawn':
      return said(`${rater(c, esc)} rating withdrawn`, esc(c.level), null, 'bad', `as of ${c.asOf}`);
  }
}

/** "NGOS", "NGOS · 6th month", "NGOS on impact". */
function rater(c: { by: string; scale: string; rated: string | null }, esc: Escape): string {
  return `${esc(c.by)}${c.rated === null ? '' : ` · ${esc(c.rated)}`}${c.scale === 'completion' ? '' : ` on ${esc(c.scale)}`}`;
}

/** Summary buckets, in the order a reviewer reads them. */
const BUCKETS = [
  'deadline extended',
  'brought forward',
  'moved',
  'removed',
  'added',
  'reassigned',
  'support changed',
  'marked done',
  'started',
  'cancelled',
  'reopened',
  'evidence changed',
  'retitled',
  'rewritten',
  'periods changed',
  'moved stage',
  'entities changed',
  'ratings changed',
  'assessors changed',
  'details changed',
] as const;

function bucket(c: Change): (typeof BUCKETS)[number] {
  switch (c.kind) {
    case 'window-moved':
    case 'stage-moved':
      return c.endShift > 0 ? 'deadline extended' : c.endShift < 0 ? 'brought forward' : 'moved';
    case 'deadline-moved':
      return c.shift > 0 ? 'deadline extended' : 'brought forward';
    case 'deadline-removed':
    case 'roadmap-removed':
    case 'stage-removed':
    case 'activity-removed':
    case 'window-removed':
      return 'removed';
    case 'deadline-added':
    case 'roadmap-added':
    case 'stage-added':
    case 'activity-added':
    case 'window-added':
      return 'added';
    case 'reassigned':
      return 'reassigned';
    case 'support-changed':
      return 'support changed';
    case 'marked-done':
    case 'deadline-done':
      return 'marked done';
    case 'started':
      return 'started';
    case 'cancelled':
      return 'cancelled';
    case 'reopened':
    case 'deadline-reopened':
      return 'reopened';
    case 'period-changed':
      return 'periods changed';
    case 'evidence-changed':
      return 'evidence changed';
    case 'activity-retitled':
    case 'stage-retitled':
      return 'retitled';
    case 'window-rewritten':
      return 'rewritten';
    case 'activity-restaged':
      return 'moved stage';
    case 'entity-added':
    case 'entity-removed':
    case 'entity-renamed':
      return 'entities changed';
    case 'roadmap-changed':
      return c.field === 'title' ? 'retitled' : 'details changed';
    case 'rating-added':
    case 'rating-changed':
    case 'rating-withdrawn':
      return 'ratings changed';
    case 'assessor-added':
    case 'assessor-removed':
      return 'assessors changed';
  }
}

/** "1 deadline extended, 1 reassigned, 1 marked done". */
export function summaryWords(changes: readonly Change[]): string {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(bucket(c), (counts.get(bucket(c)) ?? 0) + 1);
  return BUCKETS.filter((b) => counts.has(b))
    .map((b) => {
      const n = counts.get(b)!;
      if (b === 'deadline extended') return `${plural(n, 'deadline')} extended`;
      if (b === 'periods changed') return `${plural(n, 'period')} changed`;
      if (b === 'ratings changed') return `${plural(n, 'rating')} changed`;
      if (b === 'assessors changed') return `${plural(n, 'assessor')} changed`;
      return `${n} ${b}`;
    })
    .join(', ');
}

/** "3 changes to az-ogp-2019-21: 1 deadline extended, …". */
export function headline(changes: readonly Change[], roadmaps: readonly string[], esc: Escape): string {
  const ids = roadmaps.map(esc);
  const where = ids.length > 3 ? plural(ids.length, 'roadmap') : ids.join(', ');
  return `${plural(changes.length, 'change')} to ${where}: ${summaryWords(changes)}`;
}
