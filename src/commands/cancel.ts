/** `roadmap cancel <id> --reason TEXT`: withdraws an activity (never overdue after). */
import { runEdit, type EditOptions } from '../shell/edit.js';
import { UserError, type Io } from '../shell/io.js';

export async function run(options: EditOptions & { readonly reason?: string }, io: Io, id: string): Promise<number> {
  const reason = options.reason?.trim() ?? '';
  if (reason === '') throw new UserError('cancel needs a reason: --reason <text>');
  return runEdit(options, io, id, () => ({ kind: 'cancel', reason }));
}
