/** `roadmap move <id> --to WINDOW`: reschedules, in any window syntax of the format. */
import { runEdit, type EditOptions } from '../shell/edit.js';
import { UserError, type Io } from '../shell/io.js';

export async function run(options: EditOptions & { readonly to?: string }, io: Io, id: string): Promise<number> {
  const to = options.to?.trim() ?? '';
  if (to === '') throw new UserError('move needs the new window: --to <window>, e.g. --to 2019-05..2019-06');
  return runEdit(options, io, id, () => ({ kind: 'move', to }));
}
