/**
 * The one effect step: performs a command's Output. Files are written first
 * (atomically, with writeOutput's checks), then stdout (a big one in pieces, with
 * backpressure), the job summary and stderr; the exit code is the Output's.
 */
import path from 'node:path';
import { isUserError, type Io } from './io.js';
import { outPieces } from './output.js';
import type { WriteFs, Written } from './write.js';

/** A file a command writes (its --output). */
export interface FileOutput {
  readonly path: string;
  readonly text: string;
  /** The roadmaps read, which it must not overwrite. */
  readonly inputs: readonly string[];
  /** A new file (init, import without --force): refused when one is there, its directory made first. */
  readonly create?: { readonly shown: string; readonly fs?: WriteFs };
  /** What to say on stderr once written, if anything. */
  readonly said?: (written: Written) => string | undefined;
  /** What a refused write becomes instead (init keeps the answers in a draft). */
  readonly refused?: (error: Error) => Promise<Error>;
}

/** Text for stdout: whole, or in pieces printed as they come (a big JSON document). */
export type Stdout = string | Iterable<string>;

export interface Output {
  readonly stdout?: Stdout;
  readonly stderr?: string;
  readonly files?: readonly FileOutput[];
  /** Markdown for $GITHUB_STEP_SUMMARY, given the room left in it (GitHub takes 1 MiB per step). */
  readonly summary?: (room: number) => string;
  readonly exit: number;
}

export async function perform(output: Output, io: Io): Promise<number> {
  // The writer is loaded only by a command that writes: status and check print, and start-up counts.
  if (output.files?.length) {
    const { createFile, writeOutput } = await import('./write.js');
    for (const file of output.files) {
      const write = () => (file.create ? createFile(io, file.path, file.text, file.create) : writeOutput(io, file.path, file.text, file.inputs));
      const written = await write().catch(async (error: unknown) => {
        throw file.refused && isUserError(error) ? await file.refused(error) : error;
      });
      const said = file.said?.(written);
      if (said) io.err(said);
    }
  }
  if (typeof output.stdout === 'string') io.out(output.stdout);
  else if (output.stdout) await outPieces(io, output.stdout);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (output.summary && summaryFile) await stepSummary(path.resolve(io.cwd, summaryFile), output.summary, io);
  if (output.stderr) io.err(output.stderr);
  return output.exit;
}

/** Appends to the job summary within GitHub's size limit; a failure here only warns. */
async function stepSummary(target: string, render: (room: number) => string, io: Io): Promise<void> {
  try {
    const { appendText, summaryRoom } = await import('./files.js');
    const room = await summaryRoom(target);
    const text = render(room);
    if (Buffer.byteLength(text) > room) {
      io.err(`roadmap: not adding to the job summary: it is nearly full (GitHub takes 1 MiB per step)\n`);
      return;
    }
    await appendText(target, text);
  } catch (error) {
    io.err(`roadmap: could not add to the job summary ($GITHUB_STEP_SUMMARY): ${(error as Error).message}\n`);
  }
}
