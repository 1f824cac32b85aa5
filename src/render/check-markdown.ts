/**
 * `roadmap check --format markdown`, also appended to GitHub's job summary: the
 * verdict, counts per stage, and the failing (and due-soon) windows. Pure.
 */
import { disagreementText } from '../assess.js';
import { failed, type CheckResult, type DisagreementFinding, type Finding } from '../check.js';
import { STATES, type State } from '../model.js';
import { dateLine, disagreementName, disagreementWhere, findingName, findingState, findingTitle, findingWhere, findingWho, verdict } from './finding.js';
import { md, table } from './markdown.js';
import { plural, span } from './words.js';

const EMOJI: Record<State, string> = {
  overdue: '🔴',
  'due-soon': '🟠',
  active: '🔵',
  upcoming: '⚪',
  later: '⚪',
  done: '🟢',
  cancelled: '⚫',
};

export interface CheckMarkdownOptions {
  /** Keep the document within this many UTF-8 bytes, leaving rows off the end (GitHub's job summary takes 1 MiB). */
  readonly maxBytes?: number;
}

function row(f: Finding): string[] {
  const w = f.window.window;
  return [md(findingName(f)), md(findingTitle(f)), md(span(w.start, w.end)), `${EMOJI[f.window.state]} ${md(findingState(f))}`, md(findingWho(f)), md(findingWhere(f))];
}

const HEAD = ['Activity', 'Title', 'Window', 'State', 'Responsible', 'Where'];
const DISAGREEMENT_HEAD = ['Activity', 'Title', 'Disagreement', 'Where'];

function disagreementRow(f: DisagreementFinding): string[] {
  return [md(disagreementName(f)), md(f.activity.activity.title), `⚠️ ${md(disagreementText(f.disagreement))}`, md(disagreementWhere(f))];
}
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function stageTable(result: CheckResult): string {
  const many = result.report.roadmaps.length > 1;
  const rows = result.report.stages.map((g) => [md(`${many ? `${g.roadmap.id} ` : ''}${g.key} — ${g.title}`), ...STATES.map((s) => (g.counts[s] ? String(g.counts[s]) : ''))]);
  return table(['Stage', ...STATES], rows);
}

export function renderCheckMarkdown(result: CheckResult, options: CheckMarkdownOptions = {}): string {
  const head = [
    `## ${failed(result) ? '❌' : '✅'} Roadmap check: ${md(verdict(result))}`,
    '',
    `${md(result.report.roadmaps.map(({ roadmap }) => `${roadmap.title} (${roadmap.id}, revision ${roadmap.revision})`).join('; '))} · ${dateLine(result)}`,
    '',
    stageTable(result),
  ].join('\n');
  const sections = [
    { title: `### Failing (${result.failOn.join(', ')})`, findings: result.failing, head: HEAD, row },
    { title: '### Disagreements between ratings', findings: result.disagreements, head: DISAGREEMENT_HEAD, row: disagreementRow },
    { title: '### Due soon', findings: result.dueSoon, head: HEAD, row },
  ].filter((s) => s.findings.length > 0) as Array<{ title: string; findings: readonly unknown[]; head: string[]; row: (f: never) => string[] }>;

  const budget = (options.maxBytes ?? Infinity) - 400; // room for the note on what was left off
  let size = bytes(head);
  let left = 0;
  const parts = [head];
  for (const s of sections) {
    const rows: string[][] = [];
    for (const f of s.findings) {
      const r = s.row(f as never);
      const cost = bytes(r.join(' | ')) + 5;
      if (left > 0 || size + cost > budget) left++;
      else {
        rows.push(r);
        size += cost;
      }
    }
    if (rows.length) {
      const part = `${s.title}\n\n${table(s.head, rows)}`;
      size += bytes(s.title) + 200;
      parts.push(part);
    }
  }
  if (left > 0) parts.push(`… and ${plural(left, 'more window')} not shown here (a job summary is limited in size); \`roadmap check\` lists them all.`);
  return `${parts.join('\n\n')}\n`;
}
