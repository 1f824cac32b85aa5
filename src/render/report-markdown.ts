/** The status report as a Markdown document (`report --format markdown`), for a wiki or a pull request. */
import type { Report } from '../evaluate.js';
import { STATES } from '../model.js';
import { badge, groupSections, link, md, table } from './markdown.js';
import { mermaidBlock } from './mermaid.js';
import { total } from './words.js';

function summary(report: Report): string {
  const rows = STATES.filter((s) => report.summary[s] > 0).map((s) => [badge(s), String(report.summary[s])]);
  return table(['State', 'Activities'], [...rows, ['**total**', `**${total(report.summary)}**`]]);
}

function editions(report: Report): string {
  return report.roadmaps
    .map(({ roadmap: r }) => `${md(r.id)}, revision ${r.revision}${r.published ? `, published ${r.published}` : ''} (${md(r.file)})`)
    .join('; ');
}

function evidence(report: Report): string[] {
  const items = report.activities.flatMap((a) => {
    const all = [...new Set([...a.activity.evidence, ...a.windows.flatMap((w) => w.window.evidence)])];
    return all.map((e) => `- ${md(a.activity.id)}: ${link(e)}`);
  });
  return items.length ? ['', '## Evidence', '', ...items] : [];
}

export function renderReportMarkdown(report: Report): string {
  const titles = report.roadmaps.map(({ roadmap }) => md(roadmap.title)).join('; ');
  const out = [`# Roadmap status: ${titles}`, '', `Status on **${report.today}** (horizon ${report.horizonDays} days) · ${editions(report)}`];
  if (report.activities.length === 0) {
    out.push('', 'Nothing to show: no activity matches.');
  } else {
    out.push('', '## Summary', '', summary(report));
    out.push('', '## Timeline', '', mermaidBlock(report).trimEnd());
    out.push('', '## By stage');
    for (const s of groupSections(report, 'stage')) out.push('', s);
    out.push('', '## By responsible entity');
    for (const s of groupSections(report, 'entity')) out.push('', s);
    out.push(...evidence(report));
  }
  const sources = report.roadmaps.flatMap(({ roadmap }) => roadmap.sources);
  if (sources.length) out.push('', '## Sources', '', ...sources.map((s) => `- ${link(s)}`));
  return `${out.join('\n')}\n`;
}
