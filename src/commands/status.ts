/** `roadmap status`: the state of every activity, per stage or per entity. */
import type { Grouping, StatusFormat } from '../formats.js';
import { renderJsonChunks } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { loadReport, paintFor, terminalWidth, type FilterOptions, type GlobalOptions } from '../shell/context.js';
import { UserError, type Io } from '../shell/io.js';
import { outPieces } from '../shell/output.js';


export interface StatusOptions extends GlobalOptions, FilterOptions {
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

function limitOf(value: string | undefined): { limit?: number; rows?: number } {
  if (value === undefined) return { limit: DEFAULT_LIMIT, rows: DEFAULT_ROWS };
  if (!/^\d+$/.test(value)) throw new UserError(`--limit expects a whole number (0 for no limit), not ${JSON.stringify(value)}`);
  return Number(value) === 0 ? {} : { limit: Number(value) };
}

export async function run(options: StatusOptions, io: Io): Promise<number> {
  const { limit, rows } = limitOf(options.limit);
  const { report } = await loadReport(options, io);
  const by = options.by ?? 'stage';
  switch (options.format ?? 'table') {
    case 'json':
      await outPieces(io, renderJsonChunks(report));
      break;
    case 'markdown':
      io.out(renderMarkdown(report, by));
      break;
    case 'table': {
      const [{ renderTable }, { loadWidths }, { shownTexts }] = await Promise.all([import('../render/table.js'), import('../render/cells.js'), import('../render/words.js')]);
      await loadWidths(shownTexts(report));
      io.out(renderTable(report, { by, width: terminalWidth(io), paint: await paintFor(options, io), limit, rows }));
    }
  }
  return 0;
}
