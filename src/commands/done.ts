/** `roadmap done <id>`: marks an activity (or one of its windows) complete. */
import { dateOption, runEdit, type EditOptions } from '../shell/edit.js';
import type { Io } from '../shell/io.js';

export interface DoneOptions extends EditOptions {
  readonly on?: string;
  readonly evidence?: string[];
}

export async function run(options: DoneOptions, io: Io, id: string): Promise<number> {
  return runEdit(options, io, id, (roadmap) => ({
    kind: 'done',
    on: dateOption('--on', options.on, options, io, roadmap, 'completion'),
    evidence: (options.evidence ?? []).map((e) => e.trim()).filter(Boolean),
  }));
}
