/** `roadmap status` for a terminal: a table per stage (or per entity), fitted to the width. */
import { supportsOnly, type ActivityReport, type Group, type Report, type WindowReport } from '../evaluate.js';
import { truncate, width as cellWidth, wrapCells } from './cells.js';
import { grid, type Cell } from './grid.js';
import { inert } from '../text/inert.js';
import type { Paint } from './paint.js';
import { activityWhen, countsText, deadlinesText, plural, roleText, span, total, whoText, windowText } from './words.js';
import { assess, hasAssessments, type Assessments } from '../assess.js';
import { ratingLines, SHORT_LEGEND } from './ratings.js';

export interface TableOptions {
  readonly by: 'stage' | 'entity';
  readonly width: number;
  readonly paint: Paint;
  /** Rows shown per group at most; the rest are counted in a "more" line. */
  readonly limit?: number | undefined;
  /** Rows shown in all at most; groups past it show their header and counts only. */
  readonly rows?: number | undefined;
}

const MIN_TITLE = 16;
const GOOD_TITLE = 30;
/** Below this width a table cannot hold a readable title column: each activity becomes a short block. */
export const NARROW = 80;

/** The ratings column's text of an activity (empty without ratings). */
type Ratings = (a: ActivityReport) => string;

function columns(rows: readonly ActivityReport[], by: 'stage' | 'entity', width: number, ratings?: Ratings) {
  const longest = (f: (a: ActivityReport) => number, floor: number, cap: number) =>
    Math.min(
      cap,
      rows.reduce((m, a) => Math.max(m, f(a)), floor),
    );
  const id = longest((a) => cellWidth(inert(a.activity.id)), 2, 12) + 2;
  const win = longest((a) => Math.max(...windowLines(a).map((l) => cellWidth(l))), 6, 25) + 2;
  const who = by === 'stage' ? longest((a) => whoText(a.activity).length, 11, 30) + 2 : 0;
  const state = longest((a) => a.state.length, 5, 9) + 2;
  // 34 holds "started 2019-07-01 · overdue 1234d" on one line.
  const when = longest((a) => activityWhen(a).length, 4, 34) + 2;
  const rate = ratings ? longest((a) => Math.max(...ratings(a).split('\n').map(cellWidth)), 7, 30) + 2 : 0;
  const borders = (by === 'stage' ? 6 : 5) + 1 + (ratings ? 1 : 0);
  // Columns that may wrap give way to the title, the widest first, down to their minimums.
  const flex = [
    { w: win, min: 14 },
    { w: who, min: by === 'stage' ? 8 : 0 },
    { w: when, min: 12 },
  ];
  let deficit = GOOD_TITLE - (width - (id + win + who + state + when + rate) - borders);
  while (deficit > 0) {
    const widest = flex.filter((c) => c.w > c.min).sort((a, b) => b.w - b.min - (a.w - a.min))[0];
    if (!widest) break;
    widest.w--;
    deficit--;
  }
  const [w, r, n] = flex.map((c) => c.w) as [number, number, number];
  const title = Math.max(MIN_TITLE, width - (id + w + r + state + n + rate) - borders);
  const cols = by === 'stage' ? [id, title, w, r, state, n] : [id, title, w, state, n];
  return ratings ? [...cols, rate] : cols;
}

/** A window, with its own state when it differs from the activity's. */
function windowCell(w: WindowReport, a: ActivityReport): string {
  return windowText(w.window) + (a.windows.length > 1 && w.state !== a.state ? ` (${w.state})` : '');
}

/** Each window, with the source's wording of its period under it (spec revision 2). */
function windowLines(a: ActivityReport): string[] {
  const lines: string[] = [];
  for (const w of a.windows) {
    lines.push(windowCell(w, a));
    if (w.window.period) lines.push(inert(w.window.period));
  }
  if (a.windows.length > 1 && a.activity.period) lines.push(inert(a.activity.period));
  return lines;
}

/** Which lines of windowLines() are periods: they are dimmed. */
function windowPaints(a: ActivityReport, paint: Paint): Array<((line: string) => string) | undefined> {
  const dim = (line: string) => paint.dim(line);
  const out: Array<((line: string) => string) | undefined> = [];
  for (const w of a.windows) {
    out.push(undefined);
    if (w.window.period) out.push(dim);
  }
  if (a.windows.length > 1 && a.activity.period) out.push(dim);
  return out;
}

/** The title, marked when the group's entity only supports the activity. */
function titleOf(a: ActivityReport, g: Group | null): string {
  return g?.supported && supportsOnly(a.activity, g.key) ? `${inert(a.activity.title)} (support)` : inert(a.activity.title);
}

function row(a: ActivityReport, by: 'stage' | 'entity', paint: Paint, g: Group | null = null, ratings?: Ratings): Cell[] {
  const state = (line: string) => paint.state(a.state, line);
  const rated = ratings ? [{ text: ratings(a) }] : [];
  return [
    { text: inert(a.activity.id) },
    { text: titleOf(a, g) },
    { text: windowLines(a).join('\n'), ...(paint.enabled ? { partPaint: windowPaints(a, paint) } : {}) },
    ...(by === 'stage' ? [{ text: whoText(a.activity) }] : []),
    { text: a.state, paint: state },
    { text: activityWhen(a), paint: state },
    ...rated,
  ];
}

/** Ratings in short levels, one line per target; only when some roadmap declares assessors. */
function ratingsOf(report: Report): Ratings | undefined {
  if (!hasAssessments(report)) return undefined;
  const all: Assessments = assess(report);
  return (a) => {
    const x = all.byActivity.get(a);
    return x ? ratingLines(x, inert, true).join('\n') : '';
  };
}

function header(g: Group, by: 'stage' | 'entity', paint: Paint, width: number): string {
  const what = by === 'stage' ? `Stage ${inert(g.key)}` : inert(g.key);
  const when = span(g.start, g.end);
  const { inline, lines } = deadlinesText(g.deadlines, paint);
  const counts = countsText(g.counts, paint.state);
  // An entity's counts are of what it leads; what it supports is counted apart.
  const roles = roleText(g, counts);
  const labels = lines.map((l) => paint.dim(truncate(l, width)));
  return [`${paint.bold(`${what} · ${inert(g.title)}`)}${when ? paint.dim(`  ${when}`) : ''}${inline}`, ...labels, roles].join('\n');
}

export function renderTable(report: Report, options: TableOptions): string {
  const { by, paint } = options;
  const groups = by === 'stage' ? report.stages : report.entities;
  if (groups.length === 0) return 'Nothing to show: no activity matches.\n';
  let budget = options.rows ?? Infinity;
  const shownOf = (g: Group) => {
    const shown = g.activities.slice(0, Math.min(options.limit ?? Infinity, budget));
    budget -= shown.length;
    return shown;
  };
  const shown = groups.map(shownOf);
  const ratings = ratingsOf(report);
  const widths = columns(shown.flat(), by, options.width, ratings);
  const plainHead = by === 'stage' ? ['ID', 'Activity', 'Window', 'Responsible', 'State', 'When'] : ['ID', 'Activity', 'Window', 'State', 'When'];
  const head = ratings ? [...plainHead, 'Ratings'] : plainHead;
  const out: string[] = [];
  let roadmap: string | null = null;
  groups.forEach((g, i) => {
    if (report.roadmaps.length > 1 && g.roadmap.id !== roadmap) {
      roadmap = g.roadmap.id;
      out.push(paint.bold(`${inert(g.roadmap.title)} (${inert(g.roadmap.id)}, revision ${g.roadmap.revision})`), '');
    }
    out.push(header(g, by, paint, options.width));
    const rows = shown[i] ?? [];
    // Past the total budget a group shows only its header.
    if (rows.length > 0 && options.width < NARROW) out.push(...rows.flatMap((a) => block(a, by, options.width, paint, g, ratings)));
    else if (rows.length > 0) out.push(tableOf(rows, head, widths, by, paint, g, ratings));
    const hidden = g.activities.length - rows.length;
    if (hidden > 0) out.push(paint.dim(`… ${plural(hidden, 'more activity', 'more activities')} (raise --limit to see them; --limit 0 shows all)`));
    out.push('');
  });
  if (ratings) out.push(paint.dim(SHORT_LEGEND));
  out.push(summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

function tableOf(activities: readonly ActivityReport[], head: string[], widths: number[], by: 'stage' | 'entity', paint: Paint, g: Group, ratings?: Ratings): string {
  return grid(
    head.map((text) => ({ text, paint: paint.bold })),
    activities.map((a) => row(a, by, paint, g, ratings)),
    widths,
  );
}

function words(text: string, cells: number): string[] {
  return wrapCells(
    text.split(' ').filter((w) => w !== ''),
    cells,
  );
}

/** One activity as a few short lines, for narrow terminals. */
function block(a: ActivityReport, by: 'stage' | 'entity', width: number, paint: Paint, g: Group, ratings?: Ratings): string[] {
  const indent = '    ';
  const inner = Math.max(10, width - indent.length);
  const who = by === 'stage' && (a.activity.responsible.length || a.activity.support.length) ? [`${indent}${whoText(a.activity)}`] : [];
  return [
    `${paint.bold(inert(a.activity.id))}  ${paint.state(a.state, a.state)}  ${paint.state(a.state, activityWhen(a))}`,
    ...words(titleOf(a, g), inner).map((l) => indent + l),
    ...windowLines(a).flatMap((w) => words(w, inner).map((l) => indent + paint.dim(l))),
    ...who,
    ...(ratings
      ? ratings(a)
          .split('\n')
          .filter(Boolean)
          .flatMap((l) => words(l, inner).map((w) => indent + w))
      : []),
  ];
}

export function summaryLine(report: Report, paint: Paint): string {
  const n = total(report.summary);
  return `${paint.bold(plural(n, 'activity', 'activities'))}: ${countsText(report.summary, paint.state)}  ${paint.dim(`(today ${report.today}, horizon ${report.horizonDays} days)`)}`;
}
