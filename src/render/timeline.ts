/**
 * `roadmap timeline`: a Gantt chart for a terminal. One row per activity window,
 * grouped by stage or entity, on a month / quarter / year axis with a marker at today.
 * Pure: the report, the width, the range and the paint come in; a string goes out.
 */
import { fromDays, fromParts, lastOfMonth, parts, toDays, type CalendarDate } from '../calendar/date.js';
import { supportsOnly, type ActivityReport, type Group, type Report } from '../evaluate.js';
import type { State } from '../model.js';
import { fit, width as cellWidth, wrapCells } from './cells.js';
import { inert } from '../text/inert.js';
import type { Paint } from './paint.js';

export interface TimelineOptions {
  readonly width: number;
  readonly by: 'stage' | 'entity';
  readonly paint: Paint;
  /** First and last day shown; default: the months the shown windows span. */
  readonly from?: CalendarDate | undefined;
  readonly to?: CalendarDate | undefined;
}

/** The narrowest chart that still says something. */
export const MIN_WIDTH = 20;
const MAX_LABEL = 60;

/** Fill characters tell states apart without colour. */
export const FILL: Readonly<Record<State, string>> = {
  done: '█',
  overdue: '▓',
  'due-soon': '▒',
  active: '▒',
  upcoming: '░',
  later: '░',
  cancelled: '╌',
};
export const MILESTONE = '◆';
export const TODAY = '│';
const SPAN = '─';
const SPAN_TODAY = '┼';

const LEGEND: ReadonlyArray<{ states: readonly State[]; text: string }> = [
  { states: ['done'], text: 'done' },
  { states: ['overdue'], text: 'overdue' },
  { states: ['due-soon', 'active'], text: 'active / due soon' },
  { states: ['upcoming', 'later'], text: 'planned' },
  { states: ['cancelled'], text: 'cancelled' },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Bar {
  readonly label: string;
  readonly start: number; // day numbers
  readonly end: number;
  readonly state: State;
}

interface Section {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly bars: readonly Bar[];
  readonly roadmap: string;
  /** The stage's own deadlines (spec revision 2), drawn as ◆ on its row. */
  readonly deadlines: ReadonlyArray<{ readonly day: number; readonly state: State }>;
}

/** Day numbers [from, from + days) onto cells [0, cells). */
interface Scale {
  readonly from: number;
  readonly days: number;
  readonly cells: number;
}

const cellOf = (s: Scale, day: number) => Math.floor(((day - s.from) * s.cells) / s.days);

/** First and last cell a day range covers, clipped to the scale; at least one cell. */
function cellsOf(s: Scale, start: number, end: number): [number, number] {
  const a = cellOf(s, Math.max(start, s.from));
  const b = cellOf(s, Math.min(end, s.from + s.days - 1) + 1) - 1;
  return [a, Math.max(a, b)];
}

function barsOf(a: ActivityReport, g: Group): Bar[] {
  const many = a.windows.length > 1;
  // Under an entity that only supports the activity, the bar says so first (labels are cut at the right).
  const role = g.supported && supportsOnly(a.activity, g.key) ? '(support) ' : '';
  return a.windows.map((w, i) => {
    const label = many ? `${w.window.label ?? `#${i + 1}`} · ` : '';
    return {
      label: `${a.activity.id} ${role}${label}${a.activity.title}`,
      start: toDays(w.window.start),
      end: toDays(w.window.end),
      state: w.state,
    };
  });
}

function sectionsOf(report: Report, by: 'stage' | 'entity', from: number, to: number): Section[] {
  const groups: readonly Group[] = by === 'stage' ? report.stages : report.entities;
  return groups.flatMap((g) => {
    const bars = g.activities.flatMap((a) => barsOf(a, g)).filter((b) => b.end >= from && b.start <= to);
    const deadlines = g.deadlines.map((d) => ({ day: toDays(d.deadline.window.end), state: d.deadline.state })).filter((d) => d.day >= from && d.day <= to);
    if (bars.length === 0 && deadlines.length === 0) return [];
    const title = by === 'stage' ? `Stage ${g.key} · ${g.title}` : `${g.key} · ${g.title}`;
    const start = g.start ? toDays(g.start) : bars.reduce((m, b) => Math.min(m, b.start), Infinity);
    const end = g.end ? toDays(g.end) : bars.reduce((m, b) => Math.max(m, b.end), -Infinity);
    return [{ title, start, end, bars, roadmap: g.roadmap.id, deadlines }];
  });
}

/** The months the report's windows span: from the first of the earliest month to the end of the latest. */
export function defaultRange(report: Report): [CalendarDate, CalendarDate] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of report.activities) {
    for (const w of a.windows) {
      lo = Math.min(lo, toDays(w.window.start));
      hi = Math.max(hi, toDays(w.window.end));
    }
  }
  // A stage's deadline may lie past its activities (Stage I's is the day after).
  for (const d of report.deadlines ?? []) {
    lo = Math.min(lo, toDays(d.deadline.window.end));
    hi = Math.max(hi, toDays(d.deadline.window.end));
  }
  if (lo > hi) return null;
  const [y0, m0] = parts(fromDays(lo));
  const [y1, m1] = parts(fromDays(hi));
  return [fromParts(y0, m0, 1), lastOfMonth(y1, m1)];
}

/** The most years a chart spans unless --from and --to both say otherwise: a far date (9999-12-31) would squeeze the rest into a cell. */
export const MAX_CHART_YEARS = 100;

export interface ChartRange {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** Set when the chart shows less than the windows span: why, for a note. */
  readonly clipped?: { readonly first: CalendarDate; readonly last: CalendarDate; readonly around: 'today' | '--from' | '--to' };
}

/**
 * The days a chart shows: `from` and `to` when both are given; else the months the windows
 * span, at most MAX_CHART_YEARS whole years of them: counted from --from or back from --to when
 * one is given, else around today (half before, as the windows allow).
 */
export function chartRange(report: Report, from?: CalendarDate, to?: CalendarDate): ChartRange | null {
  const range = from && to ? null : defaultRange(report);
  const first = from ?? range?.[0];
  const last = to ?? range?.[1];
  if (!first || !last) return null;
  const [y0] = parts(first);
  const [y1] = parts(last);
  if ((from && to) || y1 - y0 < MAX_CHART_YEARS) return { from: first, to: last };
  const [ty] = parts(report.today);
  const around = from ? '--from' : to ? '--to' : 'today';
  const start = from ? y0 : to ? y1 - MAX_CHART_YEARS + 1 : Math.min(Math.max(ty - MAX_CHART_YEARS / 2, y0), y1 - MAX_CHART_YEARS + 1);
  const end = start + MAX_CHART_YEARS - 1;
  return {
    from: start === y0 ? first : fromParts(start, 1, 1),
    to: end === y1 ? last : fromParts(end, 12, 31),
    clipped: { first, last, around },
  };
}

/** What a clipped chart leaves out, for stderr or the page; null when it shows every window. */
export function clipNote(range: ChartRange | null): string | null {
  if (!range?.clipped) return null;
  const { first, last, around } = range.clipped;
  const why = around === 'today' ? 'around today' : `from ${around}`;
  return `the chart shows ${range.from} to ${range.to} (at most ${MAX_CHART_YEARS} years, ${why}); the windows run from ${first} to ${last}: give --from and --to to choose`;
}

interface Tick {
  readonly day: number;
  readonly text: string;
}

/** The first day of every month (step 1), quarter (3) or year (12) that begins inside the range, plus the range's own start. */
function ticks(s: Scale, step: 1 | 3 | 12, text: (y: number, m: number) => string): Tick[] {
  const [y0, m0] = parts(fromDays(s.from));
  const [y1, m1] = parts(fromDays(s.from + s.days - 1));
  const out: Tick[] = [{ day: s.from, text: text(y0, m0 - ((m0 - 1) % step)) }];
  // Months counted, not dates compared: the month after 9999-12 has no date.
  const last = y1 * 12 + (m1 - 1);
  for (let index = y0 * 12 + (m0 - 1) - ((m0 - 1) % step) + step; index <= last; index += step) {
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    out.push({ day: toDays(fromParts(y, m, 1)), text: text(y, m) });
  }
  return out;
}

/**
 * Labels placed at their tick's cell, left to right, each followed by a space. The range's
 * first (partial) tick gives way when it would crowd the next. Null when `strict` and a
 * later label does not fit: the caller then tries a coarser unit.
 */
function placeLabels(s: Scale, all: readonly Tick[], strict: boolean): string | null {
  const line: string[] = new Array<string>(s.cells).fill(' ');
  const second = all[1];
  const ticksShown = second && cellOf(s, second.day) - cellOf(s, all[0]!.day) < all[0]!.text.length + 1 ? all.slice(1) : all;
  let free = 0;
  for (const [i, t] of ticksShown.entries()) {
    const at = cellOf(s, t.day);
    const last = i === ticksShown.length - 1;
    const fits = at >= free && at + t.text.length <= s.cells;
    if (!fits) {
      if (strict && !last) return null;
      continue;
    }
    for (let k = 0; k < t.text.length; k++) line[at + k] = t.text[k]!;
    free = at + t.text.length + 1;
  }
  return line.join('').trimEnd();
}

/** The range's start, then every k-th year (a multiple of k) that begins inside the range. */
function yearTicks(s: Scale, k: number): Tick[] {
  const [y0] = parts(fromDays(s.from));
  const [y1] = parts(fromDays(s.from + s.days - 1));
  const out: Tick[] = [{ day: s.from, text: String(y0) }];
  for (let y = (Math.floor(y0 / k) + 1) * k; y <= y1; y += k) out.push({ day: toDays(fromParts(y, 1, 1)), text: String(y) });
  return out;
}

const YEAR_STEPS = [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/** Every year when the labels fit, else every 2nd, 5th, 10th … year, so that long spans read 2020 2030 2040. */
function yearLine(s: Scale): string {
  const every = placeLabels(
    s,
    ticks(s, 12, (y) => String(y)),
    true,
  );
  if (every !== null) return every;
  for (const k of YEAR_STEPS) {
    const line = placeLabels(s, yearTicks(s, k), true);
    if (line !== null) return line;
  }
  return placeLabels(s, yearTicks(s, 10_000), false) ?? '';
}

/** One or two axis lines: years, and below them months (Jan, else J) or quarters when those fit. */
function axis(s: Scale): string[] {
  const months =
    placeLabels(
      s,
      ticks(s, 1, (_y, m) => MONTHS[m - 1]!),
      true,
    ) ??
    placeLabels(
      s,
      ticks(s, 1, (_y, m) => MONTHS[m - 1]![0]!),
      true,
    );
  if (months !== null) return [yearLine(s), months];
  const quarters = placeLabels(
    s,
    ticks(s, 3, (_y, m) => `Q${(m + 2) / 3}`),
    true,
  );
  if (quarters !== null) return [yearLine(s), quarters];
  return [yearLine(s)];
}

/** Cells of one chart row as runs of equal style, painted run by run (not cell by cell). */
function paintRow(chars: readonly string[], styles: readonly (State | 'today' | 'span' | null)[], paint: Paint): string {
  if (!paint.enabled) return chars.join('').trimEnd();
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const style = styles[i] ?? null;
    let j = i + 1;
    while (j < chars.length && styles[j] === style) j++;
    const text = chars.slice(i, j).join('');
    out.push(style === null ? text : style === 'today' ? paint.bold(text) : style === 'span' ? paint.dim(text) : paint.state(style, text));
    i = j;
  }
  return out.join('').trimEnd();
}

function barRow(s: Scale, bar: Bar, today: number | null, paint: Paint): string {
  const chars = new Array<string>(s.cells).fill(' ');
  const styles = new Array<State | 'today' | 'span' | null>(s.cells).fill(null);
  if (today !== null) [chars[today], styles[today]] = [TODAY, 'today'];
  const [a, b] = cellsOf(s, bar.start, bar.end);
  const fill = bar.start === bar.end ? MILESTONE : FILL[bar.state];
  for (let c = a; c <= b; c++) [chars[c], styles[c]] = [fill, bar.state];
  return paintRow(chars, styles, paint);
}

function spanRow(s: Scale, section: Section, today: number | null, paint: Paint): string {
  const { start, end } = section;
  const chars = new Array<string>(s.cells).fill(' ');
  const styles = new Array<State | 'today' | 'span' | null>(s.cells).fill(null);
  const [a, b] = start <= s.from + s.days - 1 && end >= s.from ? cellsOf(s, start, end) : [0, -1];
  for (let c = a; c <= b; c++) [chars[c], styles[c]] = [SPAN, 'span'];
  if (today !== null) [chars[today], styles[today]] = [today >= a && today <= b ? SPAN_TODAY : TODAY, 'today'];
  // Deadlines over the today marker: on the day itself, the deadline is the news.
  for (const d of section.deadlines) {
    const c = cellOf(s, d.day);
    [chars[c], styles[c]] = [MILESTONE, d.state];
  }
  return paintRow(chars, styles, paint);
}

function legend(sections: readonly Section[], todayText: string, width: number, paint: Paint): string[] {
  const present = new Set(sections.flatMap((x) => x.bars.map((b) => b.state)));
  const milestones = sections.some((x) => x.deadlines.length > 0 || x.bars.some((b) => b.start === b.end));
  for (const x of sections) for (const d of x.deadlines) present.add(d.state);
  const items = LEGEND.filter((l) => l.states.some((st) => present.has(st))).map((l) => {
    const shown = l.states.find((st) => present.has(st))!;
    return `${paint.state(shown, FILL[shown])} ${l.text}`;
  });
  if (milestones) items.push(`${MILESTONE} milestone`);
  items.push(todayText);
  return wrapCells(items, width, '  ');
}

export function renderTimeline(report: Report, options: TimelineOptions): string {
  const { paint } = options;
  const range = chartRange(report, options.from, options.to);
  if (!range) return 'Nothing to show: no activity matches.\n';
  const { from: first, to: last } = range;
  const from = toDays(first);
  const to = toDays(last);
  const sections = sectionsOf(report, options.by, from, to);
  if (sections.length === 0) return `Nothing to show: no activity window falls between ${first} and ${last}.\n`;

  const total = Math.max(MIN_WIDTH, options.width);
  let widest = 8;
  for (const x of sections) for (const b of x.bars) widest = Math.max(widest, cellWidth(inert(b.label)) + 2);
  const labelWidth = Math.min(widest, MAX_LABEL, Math.floor(total * 0.4));
  const scale: Scale = { from, days: to - from + 1, cells: total - labelWidth - 1 };
  const t = toDays(report.today);
  const today = t >= from && t <= to ? cellOf(scale, t) : null;
  const todayText = today !== null ? `${paint.bold(TODAY)} today ${report.today}` : `today ${report.today} (${t < from ? 'before' : 'after'} the chart)`;

  const pad = ' '.repeat(labelWidth + 1);
  const out: string[] = axis(scale).map((line) => (line ? pad + line : ''));
  let roadmap: string | null = null;
  for (const section of sections) {
    if (report.roadmaps.length > 1 && section.roadmap !== roadmap) {
      roadmap = section.roadmap;
      out.push(paint.bold(fit(inert(report.roadmaps.find((r) => r.roadmap.id === roadmap)?.roadmap.title ?? roadmap), total).trimEnd()));
    }
    out.push(`${paint.bold(fit(inert(section.title), labelWidth))} ${spanRow(scale, section, today, paint)}`.trimEnd());
    for (const bar of section.bars) {
      out.push(`${fit(`  ${inert(bar.label)}`, labelWidth)} ${barRow(scale, bar, today, paint)}`.trimEnd());
    }
  }
  out.push('', ...legend(sections, todayText, total, paint));
  return `${out.join('\n')}\n`;
}
