/** `roadmap status`: the state of every activity, per stage or per entity. */
import type { Grouping, StatusFormat } from '../formats.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { loadReport, paintFor, terminalWidth, type FilterOptions, type GlobalOptions } from '../shell/context.js';
import { UserError, type Io } from '../shell/io.js';


export interface StatusOptions extends GlobalOptions, FilterOptions {
  readonly format?: StatusFormat;
  readonly by?: Grouping;
  readonly limit?: string;
}

function limitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(`--limit expects a whole number >= 1, not ${JSON.stringify(value)}`);
  return Number(value);
}

export async function run(options: StatusOptions, io: Io): Promise<number> {
  const limit = limitOf(options.limit);
  const { report } = await loadReport(options, io);
  const by = options.by ?? 'stage';
  switch (options.format ?? 'table') {
    case 'json':
      io.out(renderJson(report));
      break;
    case 'markdown':
      io.out(renderMarkdown(report, by));
      break;
    case 'table': {
      const { renderTable } = await import('../render/table.js');
      io.out(renderTable(report, { by, width: terminalWidth(io), paint: await paintFor(options, io), limit }));
    }
  }
  return 0;
}
