/**
 * A Mermaid `gantt` chart (GitHub renders it inside Markdown): a section per stage, a task
 * per activity window and a milestone per stage deadline, tagged done / active / crit (overdue), single days as milestones.
 */
import type { ActivityReport, DeadlineReport, Report, WindowReport } from '../evaluate.js';
import { inert } from '../text/inert.js';

/**
 * Text that Mermaid shows as written. The characters its gantt syntax gives a meaning
 * (`:` `;` `#`, and `<>&"` and backticks for the HTML and Markdown around it) become
 * Mermaid entity codes (`#58;`), which it turns back into the character when drawing.
 */
export function mermaidText(text: string): string {
  const safe = inert(text)
    .trim()
    .replace(/[:;#<>&"`%]/g, (c) => `#${c.codePointAt(0)};`);
  // A line that starts with a keyword (title, section, click, a date...) would be read as that statement.
  return KEYWORD.test(safe) ? `#8203;${safe}` : safe;
}

const KEYWORD =
  /^(?:accTitle|accDescr|call|click|href|gantt|dateFormat|inclusiveEndDates|topAxis|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|weekend|title|section|\d{4}-\d{2}-\d{2})/i;

/** Mermaid's tags for a window's state; overdue is "crit" (red) and never drawn as done. */
function tags(w: WindowReport): string[] {
  const milestone = w.window.start === w.window.end ? ['milestone'] : [];
  switch (w.state) {
    case 'done':
      return ['done', ...milestone];
    case 'overdue':
      return ['crit', ...milestone];
    case 'due-soon':
    case 'active':
      return ['active', ...milestone];
    default:
      return milestone;
  }
}

function task(a: ActivityReport, w: WindowReport, id: string): string {
  const label = w.window.label ? ` (${w.window.label})` : '';
  const cancelled = w.state === 'cancelled' ? 'Cancelled: ' : '';
  const name = mermaidText(`${cancelled}${a.activity.id} ${a.activity.title}${label}`);
  const end = w.window.start === w.window.end ? '0d' : w.window.end;
  return `    ${name} :${[...tags(w), id, w.window.start, end].join(', ')}`;
}

/** A stage deadline: a milestone in its stage's section. */
function deadlineTask(d: DeadlineReport, id: string): string {
  const w = d.deadline;
  const name = mermaidText(`Stage ${d.stage.id} deadline${w.window.label ? `: ${w.window.label}` : ''}`);
  return `    ${name} :${[...tags(w), id, w.window.end, '0d'].join(', ')}`;
}

/** The gantt source, without a Markdown fence. */
export function renderMermaid(report: Report): string {
  const titles = report.roadmaps.map(({ roadmap }) => roadmap.title).join('; ');
  const out = [
    'gantt',
    `    title ${mermaidText(`${titles} (status on ${report.today})`)}`,
    '    dateFormat YYYY-MM-DD',
    '    axisFormat %Y-%m',
    '    inclusiveEndDates',
    // Mermaid's own marker would show the viewer's date, not the report's.
    '    todayMarker off',
  ];
  let n = 0;
  let m = 0; // deadlines count apart, so that the windows' ids stay as they were
  for (const stage of report.stages) {
    const prefix = report.roadmaps.length > 1 ? `${stage.roadmap.id} · ` : '';
    out.push(`    section ${mermaidText(`${prefix}Stage ${stage.key} · ${stage.title}`)}`);
    for (const a of stage.activities) for (const w of a.windows) out.push(task(a, w, `w${++n}`));
    for (const d of stage.deadlines) out.push(deadlineTask(d, `d${++m}`));
  }
  return `${out.join('\n')}\n`;
}

/** Ready to paste into Markdown. */
export function mermaidBlock(report: Report): string {
  return `\`\`\`mermaid\n${renderMermaid(report)}\`\`\`\n`;
}
