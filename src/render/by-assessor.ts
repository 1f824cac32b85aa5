/**
 * `status --by assessor`: each assessor's latest ratings as of today, counted per
 * scale and level, then the activities it rates. Pure; table, markdown and json.
 */
import { assess, type AssessorSummary, type Latest } from '../assess.js';
import type { Report } from '../evaluate.js';
import { inert } from '../text/inert.js';
import { jsonText } from './json.js';
import { md, table } from './markdown.js';
import type { Paint } from './paint.js';
import { ratingLines, type Escape } from './ratings.js';

const NONE = 'No assessments recorded.\n';

/** "completion: limited 1 · no-evidence 1 · impact: major 1". */
function countsLine(s: AssessorSummary, esc: Escape): string {
  return Object.entries(s.counts)
    .map(
      ([scale, levels]) =>
        `${esc(scale)}: ${Object.entries(levels)
          .map(([level, n]) => `${esc(level)} ${n}`)
          .join(' · ')}`,
    )
    .join(' · ');
}

function heading(s: AssessorSummary, esc: Escape, several: boolean, entity: boolean): string {
  const a = s.assessor;
  return `${several ? `${esc(s.roadmap.id)}: ` : ''}${esc(a.id)} — ${esc(a.name)} (${a.kind}${entity && a.entity ? `, entity ${esc(a.entity)}` : ''})`;
}

/** One activity's ratings by this assessor, every target on one line. */
function ratings(latest: readonly Latest[], esc: Escape): string {
  return ratingLines({ latest, disagreements: [] }, esc).join(' · ');
}

export function renderAssessorTable(report: Report, paint: Paint): string {
  const { assessors } = assess(report);
  if (assessors.length === 0) return NONE;
  const several = report.roadmaps.length > 1;
  return assessors
    .map((s) => {
      const count = `${s.activities.length} ${s.activities.length === 1 ? 'activity' : 'activities'}`;
      const lines = [`${paint.bold(heading(s, inert, several, true))} · ${count}`];
      if (s.activities.length) lines.push(`  ${countsLine(s, inert)}`);
      for (const { report: a, latest } of s.activities) lines.push(`  ${inert(a.activity.id)}  ${inert(a.activity.title)}  ${ratings(latest, inert)}`);
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

export function renderAssessorMarkdown(report: Report): string {
  const { assessors } = assess(report);
  if (assessors.length === 0) return NONE;
  const several = report.roadmaps.length > 1;
  const sections = assessors.map((s) => {
    const counts = Object.entries(s.counts).map(([scale, levels]) => [
      md(scale),
      Object.entries(levels)
        .map(([l, n]) => `${md(l)} ${n}`)
        .join(', '),
    ]);
    const rated = s.activities.map(({ report: a, latest }) => [md(a.activity.id), md(a.activity.title), ratings(latest, md)]);
    return [
      `### ${heading(s, md, several, false)}`,
      '',
      counts.length ? table(['Scale', 'Latest ratings'], counts) : '_No ratings as of today._',
      ...(rated.length ? ['', table(['Activity', 'Title', 'Ratings'], rated)] : []),
    ].join('\n');
  });
  return `## Ratings by assessor (as of ${report.today})\n\n${sections.join('\n\n')}\n`;
}

export function renderAssessorJson(report: Report): string {
  return jsonText({
    today: report.today,
    assessors: assess(report).assessors.map((s) => ({
      roadmap: s.roadmap.id,
      id: s.assessor.id,
      name: s.assessor.name,
      kind: s.assessor.kind,
      entity: s.assessor.entity,
      counts: s.counts,
      activities: s.activities.map(({ report: a }) => a.activity.id),
    })),
  });
}
