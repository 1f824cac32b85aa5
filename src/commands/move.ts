/** `roadmap move <id> --to WINDOW`: reschedules, in any window syntax of the format. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runEdit, type EditOptions } from '../shell/edit.js';
import { UserError } from '../shell/io.js';
import type { Run } from '../shell/run.js';

export interface MoveOptions extends EditOptions {
  readonly to?: string;
}

export async function plan(run: Run, options: MoveOptions, id: string): Promise<Output> {
  const to = options.to?.trim() ?? '';
  if (to === '') throw new UserError('move needs the new window: --to <window>, e.g. --to 2019-05..2019-06');
  return runEdit(run, options, id, () => ({ kind: 'move', to }));
}

export const run = command<MoveOptions, [string]>(plan);
