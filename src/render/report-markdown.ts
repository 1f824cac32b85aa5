/** The status report as a Markdown document (`report --format markdown`), for a wiki or a pull request. */
import type { Report } from '../evaluate.js';
import { STATES } from '../model.js';
import { badge, groupSections, link, md, table } from './markdown.js';
import { mermaidBlock } from './mermaid.js';
import { total } from './words.js';
import { assess, disagreementText, hasAssessments, levelsOf } from '../assess.js';
import { COMPLETION, NO_EVIDENCE } from '../model.js';

/** Per assessor, how many activities at each level (latest ratings), then the disagreements. */
function ratings(report: Report): string[] {
  if (!hasAssessments(report)) return [];
  const all = assess(report);
  const rows = all.assessors.map((s) => {
    const levels = Object.entries(s.counts).map(([scale, counts]) => {
      const parts = [...levelsOf(s.roadmap, scale), NO_EVIDENCE].filter((l) => counts[l]).map((l) => `${counts[l]} ${md(l)}`);
      return `${scale === COMPLETION ? '' : `${md(scale)}: `}${parts.join(', ')}`;
    });
    return [md(s.assessor.id), md(s.assessor.name), s.assessor.kind, String(s.activities.length), levels.join('<br>') || '—'];
  });
  const split = all.disagreements.map(({ report: a, disagreement }) => `- ⚠️ ${md(a.activity.id)}: ${md(disagreementText(disagreement))}`);
  return [
    '',
    '## Ratings by assessor',
    '',
    table(['Assessor', 'Name', 'Kind', 'Activities rated', 'Latest levels'], rows),
    '',
    split.length ? `**Disagreements between ratings** (${split.length}):` : 'No disagreements between ratings.',
    ...(split.length ? ['', ...split] : []),
  ];
}

function summary(report: Report): string {
  const rows = STATES.filter((s) => report.summary[s] > 0).map((s) => [badge(s), String(report.summary[s])]);
  return table(['State', 'Activities'], [...rows, ['**total**', `**${total(report.summary)}**`]]);
}

function editions(report: Report): string {
  return report.roadmaps.map(({ roadmap: r }) => `${md(r.id)}, revision ${r.revision}${r.published ? `, published ${r.published}` : ''} (${md(r.file)})`).join('; ');
}

export function renderReportMarkdown(report: Report): string {
  const titles = report.roadmaps.map(({ roadmap }) => md(roadmap.title)).join('; ');
  const out = [`# Roadmap status: ${titles}`, '', `Status on **${report.today}** (horizon ${report.horizonDays} days) · ${editions(report)}`];
  if (report.activities.length === 0 && report.deadlines.length === 0) {
    out.push('', 'Nothing to show: no activity matches.');
  } else {
    // Only stage deadlines may match (e.g. `--state overdue`): they are shown with their stages.
    if (report.activities.length) out.push('', '## Summary', '', summary(report));
    out.push(...ratings(report));
    out.push('', '## Timeline', '', mermaidBlock(report).trimEnd());
    out.push('', '## By stage');
    for (const s of groupSections(report, 'stage')) out.push('', s);
    if (report.entities.length) out.push('', '## By responsible entity');
    for (const s of groupSections(report, 'entity')) out.push('', s);
  }
  const sources = report.roadmaps.flatMap(({ roadmap }) => roadmap.sources);
  if (sources.length) out.push('', '## Sources', '', ...sources.map((s) => `- ${link(s)}`));
  return `${out.join('\n')}\n`;
}
