/** `roadmap set <id> --title … --period … --notes … --tags a,b`: changes an activity's text fields. */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runActivityEdit, type EditOptions } from '../shell/edit.js';
import { idList } from '../shell/lists.js';
import type { Run } from '../shell/run.js';

export interface SetOptions extends EditOptions {
  readonly title?: string;
  readonly period?: string;
  readonly notes?: string;
  readonly tags?: string;
}

export function plan(run: Run, options: SetOptions, id: string): Promise<Output> {
  const fields = { title: options.title, period: options.period, notes: options.notes, tags: options.tags === undefined ? undefined : idList([options.tags]) };
  return runActivityEdit(run, options, id, (activity) => ({ kind: 'set', activity, fields }));
}

export const run = command<SetOptions, [string]>(plan);
