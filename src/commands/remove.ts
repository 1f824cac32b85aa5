/** `roadmap remove <id>`: removes an activity, unless another one's relative date refers to it. */
import { planStructureEdit } from '../edit/structure.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { find, runRoadmapEdit, type EditOptions } from '../shell/edit.js';
import type { Run } from '../shell/run.js';

export function plan(run: Run, options: EditOptions, id: string): Promise<Output> {
  let activity = id;
  return runRoadmapEdit(
    run,
    options,
    (loaded) => {
      const found = find(loaded, id);
      activity = found.activity.id;
      return found.roadmap;
    },
    (text, file) => planStructureEdit(text, file, { kind: 'remove', activity }),
  );
}

export const run = command<EditOptions, [string]>(plan);
