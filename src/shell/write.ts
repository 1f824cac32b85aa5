/**
 * Every file roadmap writes (edits, new roadmaps, reports) is written here: a
 * temporary file in the same directory, fsync, then rename over the original,
 * keeping its mode, so a reader sees the old file or the new one, never half. An
 * edit also refuses to write when the file changed on disk since it was read. The
 * fs functions are injectable so tests can make any step fail.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describeIoError } from '../load/index.js';
import { UserError } from './io.js';

export type WriteFs = Pick<typeof fsp, 'open' | 'readFile' | 'realpath' | 'rename' | 'stat' | 'unlink'>;

export interface WriteOptions {
  /**
   * The text an edit started from (nothing is written if the file no longer holds it);
   * null for a new file that must not exist yet; undefined to replace whatever is there.
   */
  readonly expected?: string | null | undefined;
  /** The file as shown to the user. */
  readonly shown: string;
  readonly fs?: WriteFs;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

export async function writeAtomic(file: string, text: string, options: WriteOptions): Promise<void> {
  const fs = options.fs ?? fsp;
  const { shown, expected } = options;
  const exists = expected !== null && (typeof expected === 'string' || (await fs.stat(file).then(() => true, () => false)));
  const fail = (what: string, error?: unknown): never => {
    throw new UserError(`cannot write ${shown}: ${what}${error === undefined ? '' : describeIoError(error)}; ${exists ? 'the file is unchanged' : 'no file was created'}`);
  };
  // Write through a symbolic link to its target, not over the link.
  const real = exists ? await fs.realpath(file).catch((e: unknown) => fail('', e)) : file;
  let mode = 0o666;
  if (exists) {
    const info = await fs.stat(real).catch((e: unknown) => fail('', e));
    if ((info.mode & 0o222) === 0) fail('the file is read-only (make it writable to replace it)');
    mode = info.mode & 0o7777;
  }
  const dir = path.dirname(real);
  const temp = path.join(dir, `.${path.basename(real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx', mode).catch((e: unknown) => fail(`cannot create a file in ${path.basename(dir) || dir}/: `, e));
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      if (exists) await handle.chmod(mode); // the umask may have narrowed it
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (expected !== undefined) await checkUnchanged(fs, real, shown, expected);
    await fs.rename(temp, real);
    created = false;
    await syncDirectory(fs, dir);
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof UserError) throw error;
    fail('', error);
  }
}

/** The stale-file check, as late as possible: right before the rename. */
async function checkUnchanged(fs: WriteFs, real: string, shown: string, expected: string | null): Promise<void> {
  let now: string | null;
  try {
    now = await fs.readFile(real, 'utf8');
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
    now = null;
  }
  if (now === expected) return;
  if (expected === null) throw new UserError(`${shown} was created by someone else meanwhile; nothing was written`);
  throw new UserError(`${shown} changed on disk since it was read (edited or removed meanwhile); nothing was written: run the command again`);
}

/** Makes the rename itself durable; best effort (not every system can open a directory). */
async function syncDirectory(fs: WriteFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
