/** `roadmap cancel <id> --reason TEXT`: withdraws an activity (never overdue after). */
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runEdit, type EditOptions } from '../shell/edit.js';
import { UserError } from '../shell/io.js';
import type { Run } from '../shell/run.js';

export interface CancelOptions extends EditOptions {
  readonly reason?: string;
}

export async function plan(run: Run, options: CancelOptions, id: string): Promise<Output> {
  const reason = options.reason?.trim() ?? '';
  if (reason === '') throw new UserError('cancel needs a reason: --reason <text>');
  return runEdit(run, options, id, () => ({ kind: 'cancel', reason }));
}

export const run = command<CancelOptions, [string]>(plan);
