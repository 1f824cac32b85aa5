/** `roadmap done <id>`: marks an activity (or one of its windows) complete. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { dateOption, runEdit, type EditOptions } from '../shell/edit.js';
import type { Run } from '../shell/run.js';

export interface DoneOptions extends EditOptions {
  readonly on?: string;
  readonly evidence?: string[];
}

export function plan(run: Run, options: DoneOptions, id: string): Promise<Output> {
  return runEdit(run, options, id, (_roadmap, today) => ({
    kind: 'done',
    on: dateOption('--on', options.on, today, 'completion'),
    evidence: (options.evidence ?? []).map((e) => e.trim()).filter(Boolean),
  }));
}

export const run = command<DoneOptions, [string]>(plan);
