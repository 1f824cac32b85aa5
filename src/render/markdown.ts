/** GitHub-flavoured Markdown: `status --format markdown`, and the escaping every Markdown output uses. */
import { supportsOnly, type ActivityReport, type DeadlineReport, type Group, type Report, type WindowReport } from '../evaluate.js';
import { inert } from '../text/inert.js';
import { httpUrl } from './links.js';
import { activityWhen, countsText, deadlineWhen, plural, recorded, roleText, span, total, windowText, type Recorded } from './words.js';
import { assess, hasAssessments } from '../assess.js';
import { ratingLines } from './ratings.js';

/** Text that renders as itself inside a Markdown table cell: no markup, links, HTML or line breaks. */
export function md(text: string): string {
  return inert(text)
    .replace(/[\\`*_{}[\]#|<>~&@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '@' ? '@\u200b' : `\\${c}`))
    .replace(/^([-=])/, '\\$1');
}

/** An http(s) URL as an autolink, anything else as inert text. */
export function link(text: string): string {
  const href = httpUrl(text);
  return href ? `<${href}>` : md(text);
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const BADGE: Record<string, string> = {
  overdue: '🔴 overdue',
  'due-soon': '🟠 due-soon',
  active: '🔵 active',
  upcoming: '⚪ upcoming',
  later: '⚪ later',
  done: '🟢 done',
  cancelled: '⚫ cancelled',
};

export function badge(state: string): string {
  return BADGE[state] ?? state;
}

/** The Ratings cell of an activity: every latest rating, one target a line. */
type Ratings = (a: ActivityReport) => string;

function ratingsOf(report: Report): Ratings | undefined {
  if (!hasAssessments(report)) return undefined;
  const all = assess(report);
  return (a) => {
    const x = all.byActivity.get(a);
    return x ? ratingLines(x, md).join('<br>').replace(/⚠/g, '⚠️') : '';
  };
}

/** A window with the source's wording of its period beside it (spec revision 2). */
function windowCell(a: ActivityReport, w: WindowReport): string {
  const period = w.window.period ?? (a.windows.length > 1 && w.index === a.windows.length - 1 ? a.activity.period : null);
  return `${md(windowText(w.window))}${period ? ` (_${md(period)}_)` : ''}`;
}

/** "OGP-AZ, NGOS (+ STATE-BODIES)". */
function who(a: ActivityReport): string {
  const lead = a.activity.responsible.map(md).join(', ');
  return a.activity.support.length ? `${lead} (+ ${a.activity.support.map(md).join(', ')})`.trimStart() : lead;
}

function rows(activities: readonly ActivityReport[], withWho: boolean, g: Group, ratings?: Ratings): string[][] {
  return activities.map((a) => [
    md(a.activity.id),
    g.supported && supportsOnly(a.activity, g.key) ? `${md(a.activity.title)} (support)` : md(a.activity.title),
    a.windows.map((w) => windowCell(a, w)).join('<br>'),
    ...(withWho ? [who(a)] : []),
    badge(a.state),
    md(activityWhen(a)),
    ...(ratings ? [ratings(a)] : []),
  ]);
}

/** "- r3 [second] — cancelled: merged into r1": one line of what is on record beyond the table. */
function recordLine(x: Recorded): string {
  const { activity: a, window: w } = x;
  const which = w ? ` ${md(`[${w.window.label ?? `#${w.index + 1}`}]`)}` : '';
  const parts = [
    ...(x.support.length ? [`support: ${x.support.map(md).join(', ')}`] : []),
    ...(x.started ? [`started ${x.started}`] : []),
    ...(x.cancelled ? [`cancelled: ${md(x.cancelled)}`] : []),
    ...(x.evidence.length ? [`evidence: ${x.evidence.map(link).join(', ')}`] : []),
    ...(x.notes ? [`notes: ${md(x.notes)}`] : []),
  ];
  return `- ${md(a.activity.id)}${which} — ${parts.join(' · ')}`;
}

/** "- ◆ Deadline 2019-06-01: label — 🔴 overdue · overdue 1d". */
function deadlineLine(d: DeadlineReport): string {
  const w = d.deadline.window;
  return `- ◆ Deadline ${w.end}${w.label ? `: ${md(w.label)}` : ''} — ${badge(d.deadline.state)} · ${md(deadlineWhen(d))}`;
}

function section(g: Group, by: 'stage' | 'entity', level: number, ratings?: Ratings): string {
  const when = span(g.start, g.end);
  const title = by === 'stage' ? `Stage ${md(g.key)} — ${md(g.title)}` : `${md(g.key)} — ${md(g.title)}`;
  const plainHead = by === 'stage' ? ['ID', 'Activity', 'Window', 'Responsible', 'State', 'When'] : ['ID', 'Activity', 'Window', 'State', 'When'];
  const head = ratings ? [...plainHead, 'Ratings'] : plainHead;
  const records = g.activities.flatMap(recorded).map(recordLine);
  const counts = roleText(g, countsText(g.counts));
  return [
    `${'#'.repeat(level)} ${title}`,
    '',
    `${when ? `${md(when)} · ` : ''}${counts}`,
    ...(g.deadlines.length ? ['', ...g.deadlines.map(deadlineLine)] : []),
    ...(g.activities.length ? ['', table(head, rows(g.activities, by === 'stage', g, ratings))] : []),
    ...(records.length ? ['', ...records] : []),
  ].join('\n');
}

/** A heading, a counts line, a table and what else is on record, for each stage (or entity); shared with the published report. */
export function groupSections(report: Report, by: 'stage' | 'entity', level = 3): string[] {
  const ratings = ratingsOf(report);
  return (by === 'stage' ? report.stages : report.entities).map((g) => section(g, by, level, ratings));
}

export function renderMarkdown(report: Report, by: 'stage' | 'entity' = 'stage'): string {
  const titles = report.roadmaps.map(({ roadmap }) => md(roadmap.title)).join('; ');
  const out = [
    `## Roadmap status: ${titles}`,
    '',
    `**${plural(total(report.summary), 'activity', 'activities')}**: ${countsText(report.summary)} (today ${report.today}, horizon ${report.horizonDays} days)`,
  ];
  const sections = groupSections(report, by);
  if (sections.length === 0) out.push('', 'Nothing to show: no activity matches.');
  for (const text of sections) out.push('', text);
  return `${out.join('\n')}\n`;
}
