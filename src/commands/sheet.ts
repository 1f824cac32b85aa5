/** `roadmap sheet --by A --as-of D`: a CSV rating sheet for assessor A to fill in (see sheet.ts). */
import { renderSheet, sheetRows, ratedBy } from '../sheet.js';
import { load, type GlobalOptions } from '../shell/context.js';
import { UserError, type Io } from '../shell/io.js';
import { writeOutput } from '../shell/write.js';
import { inert } from '../render/inert.js';
import { asOfOption, assessorOption } from './assess.js';

export interface SheetOptions extends GlobalOptions {
  readonly by?: string;
  readonly asOf?: string;
  readonly output?: string;
}

export async function run(options: SheetOptions, io: Io): Promise<number> {
  const loaded = await load(options, io);
  const by = assessorOption(options.by, loaded.roadmaps);
  const asOf = asOfOption(options, io, ratedBy(loaded.roadmaps, by), false);
  const rows = sheetRows(loaded.roadmaps, by, asOf);
  const text = renderSheet(rows);
  if (options.output === undefined || options.output === '-') {
    io.out(text);
    return 0;
  }
  if (options.output.trim() === '') throw new UserError('--output expects a file name');
  const written = await writeOutput(io, options.output, text, loaded.files);
  if (!options.quiet) io.err(`roadmap: ${written === 'replaced' ? 'replaced' : 'wrote'} ${inert(options.output)} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'} for ${inert(by)} as of ${asOf})\n`);
  return 0;
}
