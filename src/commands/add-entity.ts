/** `roadmap add-entity ID --name … [--alias …]`: a new responsible or supporting entity. */
import { pickRoadmap } from '../edit/pick.js';
import { planStructureEdit } from '../edit/structure.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runRoadmapEdit, type EditOptions } from '../shell/edit.js';
import { UserError } from '../shell/io.js';
import type { Run } from '../shell/run.js';

export interface AddEntityOptions extends EditOptions {
  readonly name?: string;
  readonly alias?: string[];
}

export function plan(run: Run, options: AddEntityOptions, query: string): Promise<Output> {
  const name = options.name?.trim() ?? '';
  if (name === '') throw new UserError('add-entity needs --name, e.g. --name "Ministry of Justice"');
  const aliases = (options.alias ?? []).map((a) => a.trim()).filter(Boolean);
  let id = query;
  return runRoadmapEdit(
    run,
    options,
    (loaded) => {
      const picked = pickRoadmap(loaded.roadmaps, query);
      if (!picked.ok) throw new UserError(picked.message);
      id = picked.id;
      return picked.roadmap;
    },
    (text, file) => planStructureEdit(text, file, { kind: 'add-entity', id, name, aliases }),
  );
}

export const run = command<AddEntityOptions, [string]>(plan);
