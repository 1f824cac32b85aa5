/** `roadmap reopen <id>`: removes `done` and `cancelled`. */
import { runEdit, type EditOptions } from '../shell/edit.js';
import type { Io } from '../shell/io.js';

export async function run(options: EditOptions, io: Io, id: string): Promise<number> {
  return runEdit(options, io, id, () => ({ kind: 'reopen' }));
}
