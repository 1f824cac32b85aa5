/** `roadmap diff --format markdown`: a review comment for a pull request or a CI step summary. */
import type { Change } from '../diff/changes.js';
import type { DiffReport } from '../diff/report.js';
import { describe, headline } from './diff-words.js';
import { md, table } from './markdown.js';
import { plural } from './words.js';

function rows(changes: readonly Change[], report: DiffReport, titles: ReadonlyMap<string, string> | null): string[][] {
  return changes.map((c) => {
    const s = describe(c, md);
    const flag = report.failing.includes(c) ? '⚠️ ' : '';
    const what = `${flag}${s.what}${s.note ? `; ${s.note}` : ''}`;
    const cells = [s.subject, what, s.before ?? '—', s.after ?? '—'];
    if (!titles) return cells;
    const title = c.activity !== null ? md(titles.get(c.activity) ?? '') : '';
    return [cells[0]!, title, ...cells.slice(1)];
  });
}

export function renderDiffMarkdown(report: DiffReport): string {
  const out = [`## Roadmap changes: ${md(report.old.label)} ⇒ ${md(report.new.label)}`, ''];
  if (report.changes.length === 0) {
    out.push(`No changes to ${report.common.map(md).join(', ')}.`);
    return `${out.join('\n')}\n`;
  }
  out.push(
    `**${headline(
      report.changes,
      report.groups.map((g) => g.id),
      md,
    ).replace(/^(\d+ changes?)/, '$1**')}`,
  );
  if (report.failOn.length > 0 && report.failing.length > 0) {
    out.push('', `⚠️ **${plural(report.failing.length, 'change')} ${report.failing.length === 1 ? 'needs' : 'need'} sign-off** (${report.failOn.join(', ')}).`);
  }
  for (const g of report.groups) {
    out.push('', `### ${md(g.title)} (${md(g.id)})`);
    if (g.changes.length) out.push('', table(['Item', 'Change', 'Before', 'After'], rows(g.changes, report, null)));
    for (const s of g.stages) {
      out.push('', `#### Stage ${md(s.id)}${s.title ? ` — ${md(s.title)}` : ''}`, '');
      out.push(table(['ID', 'Activity', 'Change', 'Before', 'After'], rows(s.changes, report, g.titles)));
    }
  }
  return `${out.join('\n')}\n`;
}
