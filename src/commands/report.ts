/** `roadmap report`: the status published as an HTML page, an iCalendar file, a Mermaid chart or Markdown. */
import type { Report } from '../evaluate.js';
import { formatByExtension, REPORT_EXTENSIONS, type ReportFormat } from '../formats.js';
import { inert } from '../text/inert.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { EXIT, UserError } from '../shell/io.js';
import { loadReport, type Run } from '../shell/run.js';
import { VERSION } from '../version.js';

export interface ReportOptions {
  readonly format?: ReportFormat;
  readonly output?: string;
}

/** --format, else what the --output file's extension says (an unknown one is refused), else Markdown. */
export function formatOf(options: ReportOptions): ReportFormat {
  if (options.format) return options.format;
  const output = options.output;
  if (output === undefined || output === '-' || output.trim() === '') return 'markdown';
  const by = formatByExtension(output, REPORT_EXTENSIONS);
  if ('error' in by) throw new UserError(`--output ${inert(output)}: ${by.error}`);
  return by.format;
}

type ReportRenderer = (report: Report, run: Run) => Promise<string>;

/** One renderer per format, each loaded only when asked for. */
export const reportFormats = {
  html: async (report) => {
    const [{ renderHtml }, { loadWidths }, { shownTexts }] = await Promise.all([import('../render/html.js'), import('../render/cells.js'), import('../render/words.js')]);
    await loadWidths(shownTexts(report));
    return renderHtml(report, { version: VERSION });
  },
  ics: async (report, run) => {
    const entities = run.filter.entity?.flatMap((e) => e.split(',')).filter(Boolean) ?? [];
    const titles = report.roadmaps.map(({ roadmap }) => roadmap.title).join('; ');
    const name = entities.length ? `${titles} — ${entities.join(', ')}` : undefined;
    return (await import('../render/ics.js')).renderIcs(report, { version: VERSION, name });
  },
  mermaid: async (report) => (await import('../render/mermaid.js')).renderMermaid(report),
  markdown: async (report) => (await import('../render/report-markdown.js')).renderReportMarkdown(report),
} satisfies Record<ReportFormat, ReportRenderer>;

export async function plan(run: Run, options: ReportOptions): Promise<Output> {
  const format = formatOf(options);
  const { loaded, report } = await loadReport(run);
  // A calendar or a chart with nothing in it is no use (and an empty VCALENDAR is not valid iCalendar).
  if (report.activities.length === 0 && report.deadlines.length === 0 && (format === 'ics' || format === 'mermaid')) {
    return { stderr: `roadmap: nothing to show: no activity matches; no ${format === 'ics' ? 'calendar' : 'chart'} written\n`, exit: EXIT.ok };
  }
  const text = await reportFormats[format](report, run);
  const output = options.output;
  if (output === undefined || output === '-') return { stdout: text, exit: EXIT.ok };
  if (output.trim() === '') throw new UserError('--output expects a file name');
  const n = report.activities.length;
  const said = (written: string) => (run.quiet ? undefined : `roadmap: ${written === 'replaced' ? 'replaced' : 'wrote'} ${output} (${format}, ${n} ${n === 1 ? 'activity' : 'activities'})\n`);
  return { files: [{ path: output, text, inputs: loaded.files, said }], exit: EXIT.ok };
}

export const run = command(plan);
