/** `roadmap reopen <id>`: removes `done` and `cancelled`. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runEdit, type EditOptions } from '../shell/edit.js';
import type { Run } from '../shell/run.js';

export function plan(run: Run, options: EditOptions, id: string): Promise<Output> {
  return runEdit(run, options, id, () => ({ kind: 'reopen' }));
}

export const run = command<EditOptions, [string]>(plan);
