/** `roadmap diff` for a terminal: changes grouped by roadmap and stage, one line each. */
import type { Change } from '../diff/changes.js';
import type { DiffReport } from '../diff/report.js';
import { describe, headline, type Said, type Tone } from './diff-words.js';
import { inert, inertPath } from '../text/inert.js';
import { plain, type Paint } from './paint.js';

function tone(paint: Paint, t: Tone, text: string): string {
  if (t === 'bad') return paint.state('overdue', text);
  if (t === 'good') return paint.state('done', text);
  return text;
}

function line(s: Said, width: number, title: string | null, paint: Paint): string {
  const value = s.before !== null && s.after !== null ? `${s.before} ⇒ ${s.after}` : (s.after ?? s.before);
  const body = `${tone(paint, s.tone, s.what)}${value !== null ? `: ${value}` : ''}${s.note ? paint.dim(` (${s.note})`) : ''}`;
  return `${paint.bold(s.subject.padEnd(width))}  ${title ? `${inert(title)} — ` : ''}${body}`;
}

function lines(changes: readonly Change[], titles: ReadonlyMap<string, string>, indent: string, paint: Paint): string[] {
  const said = changes.map((c) => describe(c, inert));
  const width = Math.max(0, ...said.map((s) => s.subject.length));
  return changes.map((c, i) => {
    const title = (c.kind === 'activity-added' || c.kind === 'activity-removed') && c.activity ? (titles.get(c.activity) ?? null) : null;
    return indent + line(said[i]!, width, title, paint);
  });
}

export function renderDiffText(report: DiffReport, paint: Paint = plain): string {
  const from = `${inertPath(report.old.label)} ⇒ ${inert(report.new.label)}`;
  if (report.changes.length === 0) return `${from}: no changes to ${report.common.map(inert).join(', ')}\n`;
  const out = [
    `${from}: ${headline(
      report.changes,
      report.groups.map((g) => g.id),
      inert,
    )}`,
  ];
  for (const g of report.groups) {
    out.push('', paint.bold(`${inert(g.id)} — ${inert(g.title)}`));
    out.push(...lines(g.changes, g.titles, '  ', paint));
    for (const s of g.stages) {
      out.push(`  Stage ${inert(s.id)}${s.title ? ` — ${inert(s.title)}` : ''}`);
      out.push(...lines(s.changes, g.titles, '    ', paint));
    }
  }
  return `${out.join('\n')}\n`;
}
