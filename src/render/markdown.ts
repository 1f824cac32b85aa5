/** GitHub-flavoured Markdown: `status --format markdown`, and the escaping every Markdown output uses. */
import type { ActivityReport, Group, Report } from '../evaluate.js';
import { inert } from './inert.js';
import { activityWhen, countsText, plural, span, total, windowText } from './words.js';

/** Text that renders as itself inside a Markdown table cell: no markup, links, HTML or line breaks. */
export function md(text: string): string {
  return inert(text)
    .replace(/[\\`*_{}[\]#|<>~&@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '@' ? '@\u200b' : `\\${c}`))
    .replace(/^([-=])/, '\\$1');
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const BADGE: Record<string, string> = {
  overdue: '🔴 overdue', 'due-soon': '🟠 due-soon', active: '🔵 active', upcoming: '⚪ upcoming',
  later: '⚪ later', done: '🟢 done', cancelled: '⚫ cancelled',
};

export function badge(state: string): string {
  return BADGE[state] ?? state;
}

function rows(activities: readonly ActivityReport[], withWho: boolean): string[][] {
  return activities.map((a) => [
    md(a.activity.id),
    md(a.activity.title),
    a.windows.map((w) => md(windowText(w.window))).join('<br>'),
    ...(withWho ? [a.activity.responsible.map(md).join(', ')] : []),
    badge(a.state),
    md(activityWhen(a)),
  ]);
}

function section(g: Group, by: 'stage' | 'entity'): string {
  const when = span(g.start, g.end);
  const title = by === 'stage' ? `Stage ${md(g.key)} — ${md(g.title)}` : `${md(g.key)} — ${md(g.title)}`;
  const head = by === 'stage' ? ['ID', 'Activity', 'Window', 'Responsible', 'State', 'When'] : ['ID', 'Activity', 'Window', 'State', 'When'];
  return [`### ${title}`, '', `${when ? `${md(when)} · ` : ''}${countsText(g.counts)}`, '', table(head, rows(g.activities, by === 'stage'))].join('\n');
}

export function renderMarkdown(report: Report, by: 'stage' | 'entity' = 'stage'): string {
  const titles = report.roadmaps.map(({ roadmap }) => md(roadmap.title)).join('; ');
  const out = [
    `## Roadmap status: ${titles}`,
    '',
    `**${plural(total(report.summary), 'activity', 'activities')}**: ${countsText(report.summary)} (today ${report.today}, horizon ${report.horizonDays} days)`,
  ];
  const groups = by === 'stage' ? report.stages : report.entities;
  if (groups.length === 0) out.push('', 'Nothing to show: no activity matches.');
  for (const g of groups) out.push('', section(g, by));
  return `${out.join('\n')}\n`;
}
