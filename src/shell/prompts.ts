/**
 * Every question the tool asks goes through a Prompter, so the interactive flows
 * (update, init) can be driven by a script in tests. The one implementation over
 * @inquirer/prompts is loaded lazily, only by the commands that ask.
 */
import type { Output } from './effects.js';
import { UserError, type Io } from './io.js';

export interface Choice<T> {
  readonly name: string;
  readonly value: T;
  readonly description?: string;
  /** Shown once chosen, instead of the name. */
  readonly short?: string;
  /** Shown but not selectable; a string says why. */
  readonly disabled?: boolean | string;
}

export interface Prompter {
  select<T>(question: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  /** A list filtered as the user types. */
  search<T>(question: { message: string; source: (term: string) => readonly Choice<T>[] }): Promise<T>;
  /** `validate` returns true, or the message to show. */
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

/** The user ended the questions (Ctrl+C): nothing is written. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Exit code after Ctrl+C, as a shell reports a command ended by SIGINT. */
export const CANCELLED_EXIT = 130;

/** Plans an interactive flow; Ctrl+C ends it with one line and exit 130, nothing written. */
export async function planCancellable(flow: () => Promise<Output>): Promise<Output> {
  try {
    return await flow();
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    return { stderr: 'roadmap: cancelled; nothing was written\n', exit: CANCELLED_EXIT };
  }
}

/** Prompts need a terminal on both ends; otherwise say which command to use instead. */
export function requireTerminal(io: Io, command: string, instead: string): void {
  if (io.stdinTTY && io.stdoutTTY) return;
  throw new UserError(`roadmap ${command} asks questions and needs a terminal (stdin and stdout); without one, use ${instead}`);
}

export interface PromptStreams {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

export async function inquirerPrompter(streams: PromptStreams = {}): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const context = { ...streams, clearPromptOnDone: false };
  const ask = async <T>(question: Promise<T>): Promise<T> => {
    try {
      return await question;
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new Cancelled();
      throw error;
    }
  };
  return {
    select: (q) => ask(inquirer.select({ message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, pageSize: 12 }, context)),
    search: (q) => ask(inquirer.search({ message: q.message, source: (term) => q.source(term ?? '').map((c) => ({ ...c })), pageSize: 12 }, context)),
    input: (q) => ask(inquirer.input({ message: q.message, default: q.default, validate: q.validate }, context)),
    confirm: (q) => ask(inquirer.confirm({ message: q.message, default: q.default }, context)),
  };
}
