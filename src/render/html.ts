/**
 * The published status page (`report --format html`): one self-contained file with inline
 * CSS and SVG, no scripts and nothing loaded from anywhere (a Content-Security-Policy says
 * so to the browser). Every value from a roadmap goes through esc(); only http(s) URLs
 * become links. Pure: the report comes in, the page goes out.
 */
import { parts, toDays } from '../calendar/date.js';
import { supportsOnly, type ActivityReport, type DeadlineReport, type Group, type Report, type WindowReport } from '../evaluate.js';
import { STATES, type Roadmap, type State } from '../model.js';
import { inert, inertLines } from '../text/inert.js';
import { truncate } from './cells.js';
import { httpUrl } from './links.js';
import { chartRange, clipNote } from './timeline.js';
import { activityWhen, deadlineWhen, plural, recorded, roleText, span, total, when, type Recorded } from './words.js';
import { assess, disagreementText, hasAssessments, levelsOf, type Assessments } from '../assess.js';
import { COMPLETION, NO_EVIDENCE } from '../model.js';

export interface HtmlOptions {
  /** Product version, named in the footer. */
  readonly version: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and (double- or single-quoted) attribute values: controls made visible, markup escaped. */
export function esc(text: string): string {
  return inert(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Like esc(), keeping line breaks (shown by CSS `white-space: pre-line`). */
function escLines(text: string): string {
  return inertLines(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An http(s) URL becomes a link; anything else (javascript:, data:, plain words) stays text. */
export function linkOrText(text: string): string {
  const href = httpUrl(text);
  return href ? `<a href="${esc(href)}" rel="noreferrer">${esc(text)}</a>` : `<span class="not-link">${esc(text)}</span>`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(date: string): string {
  const [y, m, d] = parts(date as never);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

const STATE_WORDS: Record<State, string> = {
  overdue: 'overdue',
  'due-soon': 'due soon',
  active: 'active',
  upcoming: 'upcoming',
  later: 'later',
  done: 'done',
  cancelled: 'cancelled',
};

/** A state in words; a completion after the window's end says so (colour alone would not). */
function badge(state: State, late = false): string {
  return late && state === 'done' ? '<span class="badge s-done late">done, late</span>' : `<span class="badge s-${state}">${STATE_WORDS[state]}</span>`;
}

function summary(report: Report): string {
  const items = STATES.filter((s) => report.summary[s] > 0).map((s) => `<li class="count s-${s}" data-state="${s}"><strong>${report.summary[s]}</strong> ${STATE_WORDS[s]}</li>`);
  return `<section aria-labelledby="h-summary">
<h2 id="h-summary">Summary</h2>
<p class="total" data-total="${total(report.summary)}">${plural(total(report.summary), 'activity', 'activities')}</p>
<ul class="counts">${items.join('')}</ul>
</section>`;
}

// ---- the timeline chart (SVG) ----

const CHART = { width: 1000, label: 250, right: 12, top: 46, row: 20, bar: 12 } as const;

interface ChartRow {
  readonly kind: 'group' | 'bar';
  readonly text: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly state?: State;
  readonly milestone?: boolean;
  /** A stage row's own deadlines, drawn as diamonds on it. */
  readonly deadlines?: ReadonlyArray<{ readonly day: number; readonly state: State; readonly title: string }>;
}

function chartRows(report: Report): ChartRow[] {
  const prefix = (g: Group) => (report.roadmaps.length > 1 ? `${g.roadmap.id} · ` : '');
  return report.stages.flatMap((g) => [
    {
      kind: 'group' as const,
      text: `${prefix(g)}Stage ${g.key} · ${g.title}`,
      title: `Stage ${g.key}: ${g.title}`,
      start: g.start ? toDays(g.start) : NaN,
      end: g.end ? toDays(g.end) : NaN,
      deadlines: g.deadlines.map((d) => ({
        day: toDays(d.deadline.window.end),
        state: d.deadline.state,
        title: `Stage ${g.key} deadline ${d.deadline.window.end}${d.deadline.window.label ? ` (${d.deadline.window.label})` : ''}: ${deadlineWhen(d)}`,
      })),
    },
    ...g.activities.flatMap((a) =>
      a.windows.map((w) => ({
        kind: 'bar' as const,
        text: `${a.activity.id} ${a.windows.length > 1 ? `${w.window.label ?? `#${w.index + 1}`} · ` : ''}${a.activity.title}`,
        title: `${a.activity.id} ${a.activity.title}${w.window.label ? ` (${w.window.label})` : ''}: ${span(w.window.start, w.window.end)}, ${when(w, w.window.done, w.window.cancelled)}`,
        start: toDays(w.window.start),
        end: toDays(w.window.end),
        state: w.state,
        milestone: w.window.start === w.window.end,
      })),
    ),
  ]);
}

const num = (n: number) => String(Math.round(n * 10) / 10);

function timeline(report: Report): string {
  const range = chartRange(report);
  if (!range) return '';
  const from = toDays(range.from);
  const days = toDays(range.to) - from + 1;
  const rows = chartRows(report);
  const x0 = CHART.label;
  const plot = CHART.width - CHART.label - CHART.right;
  // Clamped to the plot: a clipped chart's far windows run to its edge.
  const x = (day: number) => x0 + (Math.min(Math.max(day - from, 0), days) * plot) / days;
  const shown = (start: number, end: number) => end >= from && start < from + days;
  const height = CHART.top + rows.length * CHART.row + 8;
  const bottom = height - 4;

  // Months counted, not dates compared: the month after 9999-12 has no date.
  const [y0, m0] = parts(range.from);
  const [y1, m1] = parts(range.to);
  const months: { year: number; month: number; day: number }[] = [];
  for (let i = y0 * 12 + m0 - 1; i <= y1 * 12 + m1 - 1; i++) {
    const year = Math.floor(i / 12);
    const month = (i % 12) + 1;
    months.push({ year, month, day: toDays(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01` as never) });
  }
  const perMonth = plot / months.length;
  // Over decades, a line a year and a label every few years (at least 30 px apart).
  const everyYears = [1, 2, 5, 10, 20, 50].find((k) => perMonth * 12 * k >= 30) ?? 100;
  // The chart's first year is named at its start unless the next label is too close.
  const nextYear = (Math.floor(y0 / everyYears) + 1) * everyYears;
  const startLabel = nextYear > y1 || ((nextYear - y0) * 12 - (m0 - 1)) * perMonth >= 30 || everyYears === 1;
  const grid = months
    .filter(({ month, day }) => perMonth >= 2 || month === 1 || day === from)
    .map(({ year, month, day }) => {
      const cls = month === 1 ? 'tick year' : 'tick';
      const label = perMonth >= 22 ? MONTH_NAMES[month - 1]!.slice(0, 3) : perMonth >= 9 ? MONTH_NAMES[month - 1]![0]! : '';
      const yearLabel = (month === 1 && year % everyYears === 0) || (day === from && startLabel) ? `<text class="year-label" x="${num(x(day) + 2)}" y="14">${year}</text>` : '';
      const monthLabel = label ? `<text class="month-label" x="${num(x(day) + 2)}" y="32">${label}</text>` : '';
      return `<line class="${cls}" data-month="${year}-${String(month).padStart(2, '0')}" x1="${num(x(day))}" x2="${num(x(day))}" y1="18" y2="${bottom}"/>${yearLabel}${monthLabel}`;
    });

  const body = rows.map((r, i) => {
    const top = CHART.top + i * CHART.row;
    const mid = top + CHART.row / 2;
    if (r.kind === 'group') {
      const line = Number.isNaN(r.start) || !shown(r.start, r.end) ? '' : `<line class="stage-span" x1="${num(x(r.start))}" x2="${num(x(r.end + 1))}" y1="${num(mid)}" y2="${num(mid)}"/>`;
      const marks = (r.deadlines ?? [])
        .filter((d) => d.day >= from && d.day < from + days)
        .map((d) => `<path class="deadline bar s-${d.state}" data-state="${d.state}" d="M${num(x(d.day + 0.5))} ${num(mid - 7)} l7 7 l-7 7 l-7 -7 z"><title>${esc(d.title)}</title></path>`)
        .join('');
      return `<g class="group-row"><title>${esc(r.title)}</title><text class="group-label" x="4" y="${num(mid + 4)}" clip-path="url(#label-clip)">${esc(truncate(inert(r.text), 38))}</text>${line}${marks}</g>`;
    }
    const state = r.state!;
    const shape = !shown(r.start, r.end)
      ? ''
      : r.milestone
        ? `<path class="bar s-${state}" d="M${num(x(r.start + 0.5))} ${num(mid - 7)} l7 7 l-7 7 l-7 -7 z"/>`
        : `<rect class="bar s-${state}" x="${num(x(r.start))}" y="${num(mid - CHART.bar / 2)}" width="${num(Math.max(2, x(r.end + 1) - x(r.start)))}" height="${CHART.bar}" rx="2"/>`;
    return `<g class="bar-row" data-state="${state}"><title>${esc(r.title)}</title><text class="row-label" x="12" y="${num(mid + 4)}" clip-path="url(#label-clip)">${esc(truncate(inert(r.text), 38))}</text>${shape}</g>`;
  });

  const t = toDays(report.today);
  const today =
    t >= from && t < from + days
      ? `<g class="today"><line class="today-line" data-date="${report.today}" x1="${num(x(t + 0.5))}" x2="${num(x(t + 0.5))}" y1="36" y2="${bottom}"/><text class="today-label" x="${num(x(t + 0.5) + 3)}" y="${CHART.top - 2}">today</text></g>`
      : '';
  const clipped = clipNote(range);
  const note = clipped
    ? `<p class="chart-note">${esc(`${clipped[0]!.toUpperCase()}${clipped.slice(1).replace(': give --from and --to to choose', '')}; the tables below list every window.`)}</p>`
    : '';
  const legend = (
    [
      ['done', 'done'],
      ['overdue', 'overdue'],
      ['active', 'active'],
      ['due-soon', 'due soon'],
      ['upcoming', 'planned (upcoming, later)'],
      ['cancelled', 'cancelled'],
    ] as const
  )
    .map(([s, text]) => `<li><span class="swatch s-${s}" aria-hidden="true"></span>${text}</li>`)
    .join('');

  return `<section aria-labelledby="h-timeline">
<h2 id="h-timeline">Timeline</h2>
<figure class="timeline">
<div class="scroll">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART.width} ${height}" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">Timeline of activity windows, ${range.from} to ${range.to}</title>
<desc id="chart-desc">One bar per activity window, grouped by stage; the vertical line marks ${report.today}. The tables below give the same information.</desc>
<defs><clipPath id="label-clip"><rect x="0" y="0" width="${CHART.label - 8}" height="${height}"/></clipPath><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c62828"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>
${grid.join('\n')}
${body.join('\n')}
${today}
</svg>
</div>
<figcaption>${note}<ul class="legend">${legend}<li><span class="swatch today-swatch" aria-hidden="true"></span>today, ${report.today}</li></ul></figcaption>
</figure>
</section>`;
}

// ---- tables ----

function entityName(roadmap: Roadmap, id: string): string {
  const e = roadmap.entities.get(id);
  return e && e.name !== id ? `<abbr title="${esc(e.name)}">${esc(id)}</abbr>` : esc(id);
}

function windowsCell(a: ActivityReport): string {
  const records = new Map(
    recorded(a)
      .filter((x) => x.window)
      .map((x) => [x.window, x]),
  );
  const one = (w: WindowReport) => {
    const label = w.window.label ? `<bdi>${esc(w.window.label)}</bdi>: ` : '';
    const own = a.windows.length > 1 && w.state !== a.state ? ` ${badge(w.state, w.late)}` : '';
    const period = w.window.period ? ` <span class="period" dir="auto">${esc(w.window.period)}</span>` : '';
    return `<span class="window">${label}${esc(span(w.window.start, w.window.end))}${period}${own}${windowRecords(records.get(w))}</span>`;
  };
  // Several windows: the activity's own wording of its period comes after them.
  const period = a.windows.length > 1 && a.activity.period ? `<br><span class="period" dir="auto">${esc(a.activity.period)}</span>` : '';
  return a.windows.map(one).join('<br>') + period;
}

/** A window's own start, cancel reason and notes (its evidence is in the evidence column). */
function windowRecords(x: Recorded | undefined): string {
  if (!x) return '';
  return (
    (x.started ? ` <span class="window-started">started ${x.started}</span>` : '') +
    (x.cancelled ? ` <span class="reason">${esc(x.cancelled)}</span>` : '') +
    (x.notes ? ` <span class="window-notes" dir="auto">${escLines(x.notes)}</span>` : '')
  );
}

function evidenceOf(a: ActivityReport): string[] {
  return [...new Set([...a.activity.evidence, ...a.windows.flatMap((w) => w.window.evidence)])];
}

function evidenceCell(a: ActivityReport): string {
  const all = evidenceOf(a);
  return all.length ? `<ul class="evidence">${all.map((e) => `<li>${linkOrText(e)}</li>`).join('')}</ul>` : '';
}

function row(a: ActivityReport, withWho: boolean, withEvidence: boolean, g: Group, ratings?: Assessments): string {
  const role = g.supported && supportsOnly(a.activity, g.key) ? ' <span class="role">(support)</span>' : '';
  const notes = a.activity.notes ? `<div class="notes" dir="auto">${escLines(a.activity.notes)}</div>` : '';
  const support = a.activity.support.length ? `<div class="support">support: ${a.activity.support.map((id) => entityName(a.roadmap, id)).join(', ')}</div>` : '';
  const own = recorded(a).find((x) => x.window === null)?.started;
  const started = own ? `<div class="started">started ${own}</div>` : '';
  const who = withWho ? `<td>${a.activity.responsible.map((id) => entityName(a.roadmap, id)).join(', ')}</td>` : '';
  const rated = ratings ? ratingsCell(a, ratings) : '';
  const split = ratings?.byActivity.get(a)?.disagreements.length ? ' disagreed' : '';
  return (
    `<tr class="r-${a.state}${split}" data-state="${a.state}" data-activity="${esc(a.activity.id)}">` +
    `<th scope="row">${esc(a.activity.id)}</th>` +
    `<td class="title"><div dir="auto">${esc(a.activity.title)}${role}</div>${support}${started}${notes}</td>` +
    `<td class="when-cell">${windowsCell(a)}</td>` +
    who +
    `<td>${badge(a.state, a.late)}<span class="when">${esc(activityWhen(a))}</span></td>` +
    (withEvidence ? `<td class="evidence-cell">${evidenceCell(a)}</td>` : '') +
    rated +
    '</tr>'
  );
}

// ---- ratings (spec revision 2) ----

/** Each assessor's latest rating side by side, then the disagreements, highlighted. */
function ratingsCell(a: ActivityReport, ratings: Assessments): string {
  const x = ratings.byActivity.get(a);
  if (!x) return '<td class="ratings-cell"></td>';
  const items = x.latest.map(({ assessor, assessment: r }) => {
    const of = [r.window === null ? '' : `<bdi>${esc(r.window)}</bdi>`, r.scale === COMPLETION ? '' : esc(r.scale)].filter(Boolean).join(', ');
    const source = r.source ? ` ${linkOrText(r.source)}` : '';
    const note = r.note ? ` <span class="rating-note" dir="auto">${escLines(r.note)}</span>` : '';
    return `<li class="rating k-${assessor.kind}" data-by="${esc(r.by)}" data-level="${esc(r.level)}"><abbr title="${esc(`${assessor.name} (${assessor.kind})`)}">${esc(r.by)}</abbr>${of ? ` <span class="rating-of">${of}</span>` : ''} <span class="level l-${esc(r.level)}">${esc(r.level)}</span> <span class="rating-date">as of ${r.asOf}</span>${source}${note}</li>`;
  });
  const split = x.disagreements.map((d) => `<li class="disagreement" data-kind="${d.kind}">⚠ ${esc(disagreementText(d))}</li>`);
  return `<td class="ratings-cell">${items.length ? `<ul class="ratings">${items.join('')}</ul>` : ''}${split.length ? `<ul class="disagreements">${split.join('')}</ul>` : ''}</td>`;
}

/** How many activities each assessor rates at each level (latest ratings as of the report's day). */
function assessorSummary(ratings: Assessments): string {
  const rows = ratings.assessors.map((s) => {
    const scales = Object.entries(s.counts).map(([scale, levels]) => {
      const order = [...levelsOf(s.roadmap, scale), NO_EVIDENCE];
      const parts = order.filter((l) => levels[l]).map((l) => `<span class="level l-${esc(l)}" data-level="${esc(l)}">${levels[l]} ${esc(l)}</span>`);
      return `<div class="scale" data-scale="${esc(scale)}">${scale === COMPLETION ? '' : `${esc(scale)}: `}${parts.join(' ')}</div>`;
    });
    return `<tr data-assessor="${esc(s.assessor.id)}"><th scope="row">${esc(s.assessor.id)}</th><td dir="auto">${esc(s.assessor.name)}</td><td>${s.assessor.kind}</td><td>${s.activities.length}</td><td>${scales.join('') || '—'}</td></tr>`;
  });
  const split = ratings.disagreements.length;
  return `<section aria-labelledby="h-assessors">
<h2 id="h-assessors">Ratings by assessor</h2>
<p class="ratings-note">Each assessor's latest rating as of this day; ${split ? `<strong class="disagreement-count">${plural(split, 'disagreement')}</strong> between ratings (marked ⚠ in the tables)` : 'no disagreements between ratings'}.</p>
<div class="scroll"><table class="assessors">
<thead><tr><th scope="col">Assessor</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Activities rated</th><th scope="col">Latest levels</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function countsLine(g: Group): string {
  const counts = STATES.filter((s) => g.counts[s] > 0)
    .map((s) => `${g.counts[s]} ${STATE_WORDS[s]}`)
    .join(', ');
  return roleText(g, counts);
}

/** A stage's own deadlines (spec revision 2), under its table. */
function deadlinesList(g: Group): string {
  if (g.deadlines.length === 0) return '';
  const item = (d: DeadlineReport) => {
    const w = d.deadline.window;
    return `<li class="deadline r-${d.deadline.state}" data-state="${d.deadline.state}">◆ <time datetime="${w.end}">${esc(w.end)}</time>${w.label ? ` <bdi>${esc(w.label)}</bdi>` : ''} ${badge(d.deadline.state, d.deadline.late)}<span class="when">${esc(deadlineWhen(d))}</span></li>`;
  };
  return `\n<ul class="deadlines" aria-label="Deadlines of stage ${esc(g.key)}">${g.deadlines.map(item).join('')}</ul>`;
}

function groupTable(g: Group, by: 'stage' | 'entity', prefix: string, withEvidence: boolean, ratings?: Assessments): string {
  const name = by === 'stage' ? `Stage ${esc(g.key)}` : esc(g.key);
  const when = span(g.start, g.end);
  const head = ['ID', 'Activity', 'Window', ...(by === 'stage' ? ['Responsible'] : []), 'State', ...(withEvidence ? ['Evidence'] : []), ...(ratings ? ['Ratings'] : [])];
  return `<div class="scroll"><table class="group" data-group="${esc(g.key)}">
<caption><span class="group-name">${prefix}${name}</span> — <bdi class="group-title">${esc(g.title)}</bdi>${when ? ` <span class="group-when">${esc(when)}</span>` : ''} <span class="group-counts">${countsLine(g)}</span></caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${g.activities.map((a) => row(a, by === 'stage', withEvidence, g, ratings)).join('\n')}
</tbody>
</table>${deadlinesList(g)}</div>`;
}

function groups(report: Report, by: 'stage' | 'entity'): string {
  const list = by === 'stage' ? report.stages : report.entities;
  const heading = by === 'stage' ? 'By stage' : 'By responsible entity';
  const id = by === 'stage' ? 'h-stages' : 'h-entities';
  const prefix = (g: Group) => (report.roadmaps.length > 1 ? `${esc(g.roadmap.id)} · ` : '');
  const ratings = hasAssessments(report) ? assess(report) : undefined;
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${heading}</h2>
${list
  .map((g) =>
    groupTable(
      g,
      by,
      prefix(g),
      report.activities.some((a) => evidenceOf(a).length > 0),
      ratings,
    ),
  )
  .join('\n')}
</section>`;
}

function sources(report: Report): string {
  const items = report.roadmaps.flatMap(({ roadmap }) => roadmap.sources.map((s) => `<li>${linkOrText(s)}</li>`));
  if (items.length === 0) return '';
  return `<section aria-labelledby="h-sources">
<h2 id="h-sources">Sources</h2>
<ul class="sources">${items.join('')}</ul>
</section>`;
}

function header(report: Report): string {
  const r = report.roadmaps.map(({ roadmap }) => roadmap);
  const title = r.map((x) => esc(x.title)).join('; ');
  const editions = r.map((x) => `${esc(x.id)}, revision ${x.revision}${x.published ? `, published <time datetime="${x.published}">${longDate(x.published)}</time>` : ''}`).join('; ');
  const description = r.length === 1 && r[0]!.description ? `<p class="description" dir="auto">${esc(r[0]!.description)}</p>` : '';
  return `<header>
<p class="kicker">Roadmap status</p>
<h1 dir="auto">${title}</h1>
<p class="as-of">Status on <time datetime="${report.today}">${longDate(report.today)}</time> · due soon means within ${plural(report.horizonDays, 'day')} · ${editions}</p>
${description}
</header>`;
}

export function renderHtml(report: Report, options: HtmlOptions): string {
  const titles = report.roadmaps.map(({ roadmap }) => roadmap.title).join('; ');
  const main =
    report.activities.length === 0
      ? '<p class="nothing">Nothing to show: no activity matches.</p>'
      : [summary(report), ...(hasAssessments(report) ? [assessorSummary(assess(report))] : []), timeline(report), groups(report, 'stage'), groups(report, 'entity')].join('\n');
  const files = report.roadmaps.map(({ roadmap }) => esc(roadmap.file)).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roadmap ${esc(options.version)}">
<title>${esc(`Status ${report.today}: ${titles}`)}</title>
<style>${CSS}</style>
</head>
<body>
${header(report)}
<main>
${main}
${sources(report)}
</main>
<footer><p>Generated by roadmap ${esc(options.version)} from ${files} for ${report.today}.</p></footer>
</body>
</html>
`;
}

// Colours: text on badge backgrounds keeps a contrast of at least 4.5:1 (WCAG AA); the state is also written out.
const CSS = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4b5563;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#0b5cad}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:72rem;padding:1.5rem 1rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;color:var(--muted)}
.as-of{margin:.25rem 0;color:var(--muted)}
.description{max-width:48rem}
a{color:var(--accent)}
h1,td,caption,li,p{overflow-wrap:anywhere}
.total{margin:.25rem 0 .5rem;font-weight:600}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.count{padding:.35rem .7rem;border-radius:.4rem;border:1px solid}
.count strong{font-size:1.2rem;margin-right:.2rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.timeline{margin:0}
.timeline svg{display:block;width:100%;min-width:44rem;height:auto;font:11px system-ui,sans-serif}
.tick{stroke:#e3e7eb;stroke-width:1}.tick.year{stroke:#9aa4ae}
.year-label{font-weight:700;fill:var(--ink)}.month-label{fill:var(--muted)}
.group-label{font-weight:700;fill:var(--ink)}.row-label{fill:var(--ink)}
.stage-span{stroke:#6b7280;stroke-width:3;stroke-linecap:round}
.bar.s-done{fill:#2e7d32}.bar.s-overdue{fill:url(#hatch);stroke:#8e1b1b}
.bar.s-active{fill:#1d4ed8}.bar.s-due-soon{fill:#d97706;stroke:#7c4a03}
.bar.s-upcoming,.bar.s-later{fill:#fff;stroke:#4b5563;stroke-width:1.5}
.bar.s-cancelled{fill:#e5e7eb;stroke:#6b7280;stroke-dasharray:3 2}
.today-line{stroke:#b91c1c;stroke-width:2;stroke-dasharray:4 3}.today-label{fill:#b91c1c;font-weight:700}
.chart-note{margin:.5rem 0 0;font-size:.875rem;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.5rem 0 0;font-size:.875rem;color:var(--muted)}
.swatch{display:inline-block;width:1.4em;height:.8em;margin-right:.35em;vertical-align:middle;border:1px solid #4b5563;border-radius:2px}
.swatch.s-done{background:#2e7d32}.swatch.s-overdue{background:repeating-linear-gradient(45deg,#c62828 0 3px,#fff 3px 5px)}
.swatch.s-active{background:#1d4ed8}.swatch.s-due-soon{background:#d97706}.swatch.s-upcoming{background:#fff}
.swatch.s-cancelled{background:#e5e7eb;border-style:dashed}.today-swatch{width:0;border:0;border-left:2px dashed #b91c1c;height:1.1em}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem;font-size:.9rem}
caption{text-align:left;padding:.5rem 0;font-size:1rem;position:sticky;left:0}
.period{color:var(--muted);font-size:.875rem;font-style:italic;margin-left:.3rem}.deadlines{list-style:none;margin:.3rem 0;padding:0}.role{color:var(--muted)}
.group-name{font-weight:700}.group-title{font-weight:600}.group-when,.group-counts{color:var(--muted);font-size:.875rem;margin-left:.4rem}.group-when{white-space:nowrap}
th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);font-weight:600;border-bottom:2px solid var(--line);white-space:nowrap}
tbody th{font-weight:600;white-space:nowrap}
td.title{min-width:14rem}
.when-cell{white-space:nowrap}
.window{display:inline-block}
.notes{margin-top:.25rem;color:var(--muted);font-size:.85rem;white-space:pre-line}
.support,.started{margin-top:.25rem;color:var(--muted);font-size:.85rem}
.window-notes{display:block;color:var(--muted);font-size:.85rem;white-space:pre-line}
.window-started,.reason{color:var(--muted);font-size:.85rem}
.when{display:block;color:var(--muted);font-size:.8rem;white-space:nowrap}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:999px;border:1px solid;font-size:.8rem;font-weight:600;white-space:nowrap}
.s-overdue:is(.badge,.count){background:#fde8e8;color:#8e1b1b;border-color:#e9a3a3}
.s-due-soon:is(.badge,.count){background:#fdf0d5;color:#6b3d00;border-color:#e8c27a}
.s-active:is(.badge,.count){background:#e0ebff;color:#163d8f;border-color:#9fbcf0}
.s-upcoming:is(.badge,.count),.s-later:is(.badge,.count){background:#eef0f3;color:#374151;border-color:#c4cad2}
.s-done:is(.badge,.count){background:#e1f4e4;color:#1d5a24;border-color:#9fd3a8}
.s-cancelled:is(.badge,.count){background:#f1f1f1;color:#4b4b4b;border-color:#c9c9c9}.badge.s-cancelled{text-decoration:line-through}
tr.r-overdue th{box-shadow:inset 4px 0 #c62828}
.evidence,.sources{margin:0;padding-left:1.1rem}
.not-link{color:var(--muted)}
.nothing{font-size:1.1rem;padding:1rem;background:var(--soft);border-radius:.4rem}
footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
td.evidence-cell{min-width:12rem}
td.ratings-cell{min-width:14rem}
.ratings,.disagreements{list-style:none;margin:0;padding:0;font-size:.85rem}
.rating-of,.rating-date,.rating-note{color:var(--muted)}
.level{display:inline-block;padding:0 .35rem;border-radius:.3rem;border:1px solid #c4cad2;background:#eef0f3;font-weight:600}
.disagreement{margin-top:.25rem;padding:.15rem .35rem;border-left:4px solid #b45309;background:#fdf0d5;color:#6b3d00;font-weight:600}
tr.disagreed td.ratings-cell{box-shadow:inset 0 0 0 2px #d97706}
@media (max-width:40rem){body{padding:1rem .75rem 2rem;font-size:15px}h1{font-size:1.3rem}table{font-size:.85rem}td.title{min-width:11rem}caption{max-width:calc(100vw - 1.5rem)}}
@media print{
@page{margin:1.5cm}
body{max-width:none;padding:0;font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.scroll{overflow:visible}
.timeline svg{min-width:0}
h2{break-after:avoid}
table{font-size:8.5pt}
tr,figure{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
}
`;
