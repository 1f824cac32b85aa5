/** `roadmap remove <id>`: removes an activity, unless another one's relative date refers to it. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runActivityEdit, type EditOptions } from '../shell/edit.js';
import type { Run } from '../shell/run.js';

export function plan(run: Run, options: EditOptions, id: string): Promise<Output> {
  return runActivityEdit(run, options, id, (activity) => ({ kind: 'remove', activity }));
}

export const run = command<EditOptions, [string]>(plan);
