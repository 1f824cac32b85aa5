/** `roadmap sheet --by A --as-of D`: a CSV rating sheet for assessor A to fill in (see sheet.ts). */
import { ratedBy, renderSheet, sheetRows } from '../sheet.js';
import { command } from '../shell/command.js';
import { load } from '../shell/context.js';
import type { Output } from '../shell/effects.js';
import { EXIT, UserError } from '../shell/io.js';
import type { Run } from '../shell/run.js';
import { inert } from '../text/inert.js';
import { asOfOption, assessorOption } from './assess.js';

export interface SheetOptions {
  readonly by?: string;
  readonly asOf?: string;
  readonly output?: string;
}

export async function plan(run: Run, options: SheetOptions): Promise<Output> {
  const loaded = await load(run);
  const by = assessorOption(options.by, loaded.roadmaps);
  const asOf = asOfOption(run, options.asOf, ratedBy(loaded.roadmaps, by), false);
  const rows = sheetRows(loaded.roadmaps, by, asOf);
  const text = renderSheet(rows);
  const output = options.output;
  if (output === undefined || output === '-') return { stdout: text, exit: EXIT.ok };
  if (output.trim() === '') throw new UserError('--output expects a file name');
  const said = (written: string) =>
    run.quiet ? undefined : `roadmap: ${written === 'replaced' ? 'replaced' : 'wrote'} ${inert(output)} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'} for ${inert(by)} as of ${asOf})\n`;
  return { files: [{ path: output, text, inputs: loaded.files, said }], exit: EXIT.ok };
}

export const run = command<SheetOptions>(plan);
