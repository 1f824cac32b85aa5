/** `roadmap add-stage --id IV --title … [--window …] [--after III]`: a new stage (its activities come with `add`). */
import { pickRoadmap } from '../edit/pick.js';
import { planStructureEdit } from '../edit/structure.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runRoadmapEdit, type EditOptions } from '../shell/edit.js';
import { UserError } from '../shell/io.js';
import type { Run } from '../shell/run.js';

export interface AddStageOptions extends EditOptions {
  readonly id?: string;
  readonly title?: string;
  readonly window?: string;
  readonly after?: string;
}

export function plan(run: Run, options: AddStageOptions): Promise<Output> {
  const query = options.id?.trim() ?? '';
  if (query === '') throw new UserError('add-stage needs --id, e.g. --id IV');
  const title = options.title?.trim() ?? '';
  if (title === '') throw new UserError('add-stage needs --title, e.g. --title "Evaluation"');
  let id = query;
  return runRoadmapEdit(
    run,
    { dryRun: options.dryRun },
    (loaded) => {
      const picked = pickRoadmap(loaded.roadmaps, query);
      if (!picked.ok) throw new UserError(picked.message);
      id = picked.id;
      return picked.roadmap;
    },
    (text, file) => planStructureEdit(text, file, { kind: 'add-stage', stage: { id, title, window: options.window?.trim() }, after: options.after?.trim() }),
  );
}

export const run = command<AddStageOptions, []>(plan);
