/** `roadmap start <id>`: records the date work started. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { dateOption, runEdit, type EditOptions } from '../shell/edit.js';
import type { Run } from '../shell/run.js';

export interface StartOptions extends EditOptions {
  readonly on?: string;
}

export function plan(run: Run, options: StartOptions, id: string): Promise<Output> {
  return runEdit(run, options, id, (_roadmap, today) => ({ kind: 'start', on: dateOption('--on', options.on, today, 'start') }));
}

export const run = command<StartOptions, [string]>(plan);
