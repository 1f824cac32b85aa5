/** `roadmap timeline`: a Gantt chart of the activity windows, with a marker at today. */
import type { CalendarDate } from '../calendar/date.js';
import { parseFixed } from '../calendar/window.js';
import type { Report } from '../evaluate.js';
import type { TimelineGrouping } from '../formats.js';
import { loadWidths } from '../render/cells.js';
import { inert } from '../text/inert.js';
import { chartRange, clipNote, MIN_WIDTH, renderTimeline } from '../render/timeline.js';
import { shownTexts } from '../render/words.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { EXIT, UserError } from '../shell/io.js';
import { DEFAULT_WIDTH, loadReport, MAX_WIDTH, wholeNumber, type Run } from '../shell/run.js';

export interface TimelineOptions {
  readonly by?: TimelineGrouping;
  readonly width?: string;
  readonly from?: string;
  readonly to?: string;
}

/** `--from 2019-10` starts on its first day, `--to 2019` ends on its last. */
export function rangeEnd(flag: '--from' | '--to', value: string | undefined): CalendarDate | undefined {
  if (value === undefined) return undefined;
  const parsed = parseFixed(value);
  if (!parsed.ok || parsed.value.kind !== 'fixed') {
    throw new UserError(`${flag} expects a day (2019-10-01), a month (2019-10) or a year (2019), not ${JSON.stringify(value)}`);
  }
  return flag === '--from' ? parsed.value.first : parsed.value.last;
}

function widthFor(options: TimelineOptions, run: Run): number {
  const given = wholeNumber('--width', options.width, MIN_WIDTH, MAX_WIDTH);
  if (given !== undefined) return given;
  if (run.columns !== undefined && (run.terminal || run.columns >= MIN_WIDTH)) return run.columns;
  return DEFAULT_WIDTH.chart;
}

/** With only one end given, a range wholly past the data says where the data is (not an empty range). */
function beyondTheData(report: Report, options: TimelineOptions, from: CalendarDate | undefined, to: CalendarDate | undefined): string | null {
  if ((from === undefined) === (to === undefined)) return null;
  const windows = report.activities.flatMap((a) => a.windows.map((w) => w.window));
  if (windows.length === 0) return null;
  if (from !== undefined) {
    const last = windows.reduce((m, w) => (w.end > m ? w.end : m), windows[0]!.end);
    return last < from ? `the last activity window ends on ${last}, before --from ${inert(options.from!)} (${from})` : null;
  }
  const first = windows.reduce((m, w) => (w.start < m ? w.start : m), windows[0]!.start);
  return to! < first ? `the first activity window starts on ${first}, after --to ${inert(options.to!)} (${to})` : null;
}

export async function plan(run: Run, options: TimelineOptions): Promise<Output> {
  const width = widthFor(options, run);
  const from = rangeEnd('--from', options.from);
  const to = rangeEnd('--to', options.to);
  if (from && to && from > to) throw new UserError(`--from ${options.from} is after --to ${options.to}`);
  const { report } = await loadReport(run);
  const beyond = beyondTheData(report, options, from, to);
  if (beyond) return { stdout: `Nothing to show: ${beyond}.\n`, exit: EXIT.ok };
  await loadWidths(shownTexts(report));
  const note = clipNote(chartRange(report, from, to));
  return {
    stdout: renderTimeline(report, { width, by: options.by ?? 'stage', paint: run.paint, from, to }),
    stderr: note && !run.quiet ? `roadmap: ${note}\n` : undefined,
    exit: EXIT.ok,
  };
}

export const run = command(plan);
