/**
 * Writing an edited file safely: a temporary file in the same directory, fsync,
 * then rename over the original, keeping its mode; nothing is written when the
 * file changed on disk since it was read. The fs functions are injectable so
 * tests can make any step fail.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describeIoError } from '../load/index.js';
import { EditError } from './source.js';

export type WriteFs = Pick<typeof fsp, 'open' | 'readFile' | 'realpath' | 'rename' | 'stat' | 'unlink'>;

export interface WriteOptions {
  /** The text the edit started from; null for a new file that must not exist yet. */
  readonly expected: string | null;
  /** The file as shown to the user. */
  readonly shown: string;
  readonly fs?: WriteFs;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

export async function writeAtomic(file: string, text: string, options: WriteOptions): Promise<void> {
  const fs = options.fs ?? fsp;
  const { shown, expected } = options;
  const fail = (what: string, error?: unknown): never => {
    throw new EditError(`cannot write ${shown}: ${what}${error === undefined ? '' : describeIoError(error)}; ${expected === null ? 'no file was created' : 'the file is unchanged'}`);
  };
  // Write through a symbolic link to its target, not over the link.
  const real = expected === null ? file : await fs.realpath(file).catch((e: unknown) => fail('', e));
  let mode = 0o666;
  if (expected !== null) {
    const info = await fs.stat(real).catch((e: unknown) => fail('', e));
    if ((info.mode & 0o222) === 0) fail('the file is read-only (make it writable to edit it)');
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
      if (expected !== null) await handle.chmod(mode); // the umask may have narrowed it
      await handle.sync();
    } finally {
      await handle.close();
    }
    await checkUnchanged(fs, real, shown, expected);
    await fs.rename(temp, real);
    created = false;
    await syncDirectory(fs, dir);
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof EditError) throw error;
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
  if (expected === null) throw new EditError(`${shown} was created by someone else meanwhile; nothing was written`);
  throw new EditError(`${shown} changed on disk since it was read (edited or removed meanwhile); nothing was written: run the command again`);
}

/** Makes the rename itself durable; best effort (not every system can open a directory). */
async function syncDirectory(fs: WriteFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
