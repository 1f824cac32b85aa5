/** `roadmap assign <id> --responsible A,B [--support C,D]`: who leads an activity and who supports it. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runActivityEdit, type EditOptions } from '../shell/edit.js';
import { idList } from '../shell/lists.js';
import type { Run } from '../shell/run.js';

export interface AssignOptions extends EditOptions {
  readonly responsible?: string;
  /** Repeatable, each comma-separated; `--support ""` removes it. */
  readonly support?: string[];
}

export function plan(run: Run, options: AssignOptions, id: string): Promise<Output> {
  const responsible = options.responsible === undefined ? undefined : idList([options.responsible]);
  const support = options.support === undefined ? undefined : idList(options.support);
  return runActivityEdit(run, options, id, (activity) => ({ kind: 'assign', activity, responsible, support }));
}

export const run = command<AssignOptions, [string]>(plan);
