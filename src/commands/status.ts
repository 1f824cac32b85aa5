/** `roadmap status`: the state of every activity, per stage, per entity or per assessor. */
import type { Report } from '../evaluate.js';
import type { Grouping, StatusFormat } from '../formats.js';
import { renderJsonChunks } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { Paint } from '../render/paint.js';
import { command } from '../shell/command.js';
import type { Output, Stdout } from '../shell/effects.js';
import { EXIT } from '../shell/io.js';
import { DEFAULT_WIDTH, loadReport, wholeNumber, type Run } from '../shell/run.js';

export interface StatusOptions {
  readonly format?: StatusFormat;
  readonly by?: Grouping;
  readonly limit?: string;
}

/**
 * Tables stay readable for huge roadmaps: by default at most DEFAULT_LIMIT rows per
 * group and DEFAULT_ROWS rows in all (later groups keep their header and counts).
 * `--limit N` shows N per group with no total limit; `--limit 0` shows everything.
 */
export const DEFAULT_LIMIT = 25;
export const DEFAULT_ROWS = 1000;

interface StatusView {
  readonly by: Grouping;
  readonly paint: Paint;
  readonly width: number;
  readonly limit?: number | undefined;
  readonly rows?: number | undefined;
}

type StatusRenderer = (report: Report, view: StatusView) => Stdout | Promise<Stdout>;

async function table(report: Report, v: StatusView): Promise<string> {
  const [{ renderTable }, { loadWidths }, { shownTexts }] = await Promise.all([import('../render/table.js'), import('../render/cells.js'), import('../render/words.js')]);
  await loadWidths(shownTexts(report));
  return renderTable(report, { by: v.by === 'assessor' ? 'stage' : v.by, width: v.width, paint: v.paint, limit: v.limit, rows: v.rows });
}

const byAssessor = () => import('../render/by-assessor.js');

/** One renderer per format; `--by assessor` has views of its own. */
export const statusFormats = {
  table: async (r, v) => (v.by === 'assessor' ? (await byAssessor()).renderAssessorTable(r, v.paint) : table(r, v)),
  json: async (r, v) => (v.by === 'assessor' ? (await byAssessor()).renderAssessorJson(r) : renderJsonChunks(r)),
  markdown: async (r, v) => (v.by === 'assessor' ? (await byAssessor()).renderAssessorMarkdown(r) : renderMarkdown(r, v.by)),
} satisfies Record<StatusFormat, StatusRenderer>;

function limitOf(value: string | undefined): { limit?: number; rows?: number } {
  const n = wholeNumber('--limit', value, 0, undefined, 'a whole number (0 for no limit)');
  if (n === undefined) return { limit: DEFAULT_LIMIT, rows: DEFAULT_ROWS };
  return n === 0 ? {} : { limit: n };
}

export async function plan(run: Run, options: StatusOptions): Promise<Output> {
  const { limit, rows } = limitOf(options.limit);
  const { report } = await loadReport(run);
  const view = { by: options.by ?? 'stage', paint: run.paint, width: run.columns ?? DEFAULT_WIDTH.table, limit, rows };
  return { stdout: await statusFormats[options.format ?? 'table'](report, view), exit: EXIT.ok };
}

export const run = command(plan);
