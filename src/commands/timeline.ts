/** `roadmap timeline`: a Gantt chart of the activity windows, with a marker at today. */
import type { Grouping } from '../formats.js';
import type { CalendarDate } from '../calendar/date.js';
import type { Report } from '../evaluate.js';
import { inert } from '../render/inert.js';
import { parseFixed } from '../calendar/window.js';
import { loadWidths } from '../render/cells.js';
import { chartRange, clipNote, MIN_WIDTH, renderTimeline } from '../render/timeline.js';
import { shownTexts } from '../render/words.js';
import { loadReport, MAX_WIDTH, paintFor, type FilterOptions, type GlobalOptions } from '../shell/context.js';
import { UserError, type Io } from '../shell/io.js';

/** Output that is not a terminal has no width of its own. */
export const DEFAULT_WIDTH = 100;

export interface TimelineCommandOptions extends GlobalOptions, FilterOptions {
  readonly by?: Grouping;
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

export function widthFor(options: TimelineCommandOptions, io: Io): number {
  if (options.width !== undefined) {
    const n = Number(options.width);
    if (!/^\d+$/.test(options.width.trim()) || n < MIN_WIDTH || n > MAX_WIDTH) {
      throw new UserError(`--width expects a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}, not ${JSON.stringify(options.width)}`);
    }
    return n;
  }
  if (io.stdoutTTY && io.columns) return Math.min(io.columns, MAX_WIDTH);
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv >= MIN_WIDTH ? Math.min(fromEnv, MAX_WIDTH) : DEFAULT_WIDTH;
}

/** With only one end given, a range wholly past the data says where the data is (not an empty range). */
function beyondTheData(report: Report, options: TimelineCommandOptions, from: CalendarDate | undefined, to: CalendarDate | undefined): string | null {
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

export async function run(options: TimelineCommandOptions, io: Io): Promise<number> {
  const width = widthFor(options, io);
  const from = rangeEnd('--from', options.from);
  const to = rangeEnd('--to', options.to);
  if (from && to && from > to) throw new UserError(`--from ${options.from} is after --to ${options.to}`);
  const { report } = await loadReport(options, io);
  const beyond = beyondTheData(report, options, from, to);
  if (beyond) {
    io.out(`Nothing to show: ${beyond}.\n`);
    return 0;
  }
  await loadWidths(shownTexts(report));
  io.out(renderTimeline(report, { width, by: options.by ?? 'stage', paint: await paintFor(options, io), from, to }));
  const note = clipNote(chartRange(report, from, to));
  if (note && !options.quiet) io.err(`roadmap: ${note}\n`);
  return 0;
}
