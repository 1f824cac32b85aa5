import { isatty } from 'node:tty';
import { writePiece } from './output.js';

export { UserError } from '../errors.js';

/** What a command may touch of the outside world, injectable for tests. */
export interface Io {
  readonly out: (text: string) => void;
  /**
   * Writes one piece of a large output and resolves when stdout can take more: into a pipe
   * to a slow reader, out() would queue the whole output in memory. Without it, out().
   */
  readonly outPiece?: (text: string) => Promise<void>;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => Date;
  /** stdout is a terminal (and its width), stdin is a terminal. */
  readonly stdoutTTY: boolean;
  readonly columns: number | undefined;
  readonly stdinTTY: boolean;
}

let pipeWatched = false;

export function processIo(): Io {
  if (!pipeWatched) {
    pipeWatched = true;
    // `roadmap status | head` closes the pipe early: that is the reader's choice, not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exitCode = 0;
      process.stdout.destroy();
    });
  }
  return {
    out: (t) => void process.stdout.write(t),
    outPiece: (t) => writePiece(process.stdout, t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    stdoutTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    // Not process.stdin.isTTY: touching process.stdin builds a stream, which costs start-up time.
    stdinTTY: isatty(0),
  };
}

export const EXIT = { ok: 0, failing: 1, unusable: 2 } as const;
