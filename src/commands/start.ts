/** `roadmap start <id>`: records the date work started. */
import { dateOption, runEdit, type EditOptions } from '../shell/edit.js';
import type { Io } from '../shell/io.js';

export async function run(options: EditOptions & { readonly on?: string }, io: Io, id: string): Promise<number> {
  return runEdit(options, io, id, (roadmap) => ({ kind: 'start', on: dateOption('--on', options.on, options, io, roadmap, 'start') }));
}
