import { isatty } from 'node:tty';
import { writePiece } from './output.js';

export { isUserError, UserError } from '../errors.js';

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
/** The first failure to write to stdout other than a closed pipe (a full disk, say). */
let outputFailure: NodeJS.ErrnoException | undefined;

export function processIo(): Io {
  if (!pipeWatched) {
    pipeWatched = true;
    // `roadmap status | head` closes the pipe early: that is the reader's choice, not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exitCode = 0;
      else outputFailure ??= error;
      process.stdout.destroy();
    });
    // Nothing can be told when stderr itself fails; the exit code still tells what happened.
    process.stderr.on('error', () => process.stderr.destroy());
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

export const EXIT = { ok: 0, failing: 1, unusable: 2, output: 4 } as const;

/** Words for the errors writing can meet (Node's messages carry the syscall and the code). */
export function writeErrorWords(code: string | undefined): string | undefined {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EIO':
      return 'input/output error';
    case 'EFBIG':
      return 'file too large';
    default:
      return undefined;
  }
}

/**
 * The exit code once all written to stdout is out: a failure to write it is not a
 * verdict (CI reads 1 as "deadlines missed"), so it has its own code, 4.
 */
export function settleOutput(code: number): Promise<number> {
  return new Promise((resolve) => {
    // After the write callback, so that the 'error' handler above has run.
    const settle = () => setImmediate(() => resolve(outputFailure ? failed(outputFailure) : code));
    // Nothing pending: no empty write, which a full device refuses too.
    if (process.stdout.destroyed || process.stdout.writableLength === 0) settle();
    else process.stdout.write('', settle);
  });
}

function failed(error: NodeJS.ErrnoException): number {
  process.stderr.write(`roadmap: cannot write to standard output: ${writeErrorWords(error.code) ?? error.code ?? error.message}\n`);
  return EXIT.output;
}
