/** `roadmap report`: the status published as an HTML page, an iCalendar file, a Mermaid chart or Markdown. */
import { formatByExtension, REPORT_EXTENSIONS, type ReportFormat } from '../formats.js';
import { inert } from '../render/inert.js';
import path from 'node:path';
import type { Report } from '../evaluate.js';
import { UserError, type Io } from '../shell/io.js';
import { loadReport, type FilterOptions, type GlobalOptions } from '../shell/context.js';
import { writeOutput } from '../shell/write.js';
import { VERSION } from '../version.js';


export interface ReportOptions extends GlobalOptions, FilterOptions {
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

async function render(format: ReportFormat, report: Report, options: ReportOptions): Promise<string> {
  switch (format) {
    case 'html': {
      const [{ renderHtml }, { loadWidths }, { shownTexts }] = await Promise.all([import('../render/html.js'), import('../render/cells.js'), import('../render/words.js')]);
      await loadWidths(shownTexts(report));
      return renderHtml(report, { version: VERSION });
    }
    case 'ics': {
      const entities = options.entity?.flatMap((e) => e.split(',')).filter(Boolean) ?? [];
      const titles = report.roadmaps.map(({ roadmap }) => roadmap.title).join('; ');
      const name = entities.length ? `${titles} — ${entities.join(', ')}` : undefined;
      return (await import('../render/ics.js')).renderIcs(report, { version: VERSION, name });
    }
    case 'mermaid': return (await import('../render/mermaid.js')).renderMermaid(report);
    case 'markdown': return (await import('../render/report-markdown.js')).renderReportMarkdown(report);
  }
}

export async function run(options: ReportOptions, io: Io): Promise<number> {
  const format = formatOf(options);
  const { loaded, report } = await loadReport(options, io);
  // A calendar or a chart with nothing in it is no use (and an empty VCALENDAR is not valid iCalendar).
  if (report.activities.length === 0 && (format === 'ics' || format === 'mermaid')) {
    io.err(`roadmap: nothing to show: no activity matches; no ${format === 'ics' ? 'calendar' : 'chart'} written\n`);
    return 0;
  }
  const text = await render(format, report, options);
  if (options.output === undefined || options.output === '-') {
    io.out(text);
    return 0;
  }
  if (options.output.trim() === '') throw new UserError('--output expects a file name');
  const written = await writeOutput(io, options.output, text, loaded.files);
  if (!options.quiet) io.err(`roadmap: ${written === 'replaced' ? 'replaced' : 'wrote'} ${options.output} (${format}, ${report.activities.length} ${report.activities.length === 1 ? 'activity' : 'activities'})\n`);
  return 0;
}
