/**
 * Every file roadmap writes (edits, new roadmaps, reports) is written here: a
 * temporary file in the same directory, fsync, then rename over the original,
 * keeping its owner, group and mode, so a reader sees the old file or the new
 * one, never half. An edit also refuses to write when the file changed on disk
 * since it was read. The fs functions are injectable so tests can make any step fail.
 */
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describeIoError } from '../load/index.js';
import { isUserError, UserError, writeErrorWords, type Io } from './io.js';
import { alive } from './lock.js';

export type WriteFs = Pick<typeof fsp, 'access' | 'lstat' | 'open' | 'readdir' | 'readFile' | 'realpath' | 'rename' | 'stat' | 'unlink'>;

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

const describeWriteError = (error: unknown) => writeErrorWords(code(error)) ?? describeIoError(error);

export async function writeAtomic(file: string, text: string, options: WriteOptions): Promise<void> {
  const fs = options.fs ?? fsp;
  const { shown, expected } = options;
  const exists =
    expected !== null &&
    (typeof expected === 'string' ||
      (await fs.stat(file).then(
        () => true,
        () => false,
      )));
  const fail = (what: string, error?: unknown): never => {
    throw new UserError(`cannot write ${shown}: ${what}${error === undefined ? '' : describeWriteError(error)}; ${exists ? 'the file is unchanged' : 'no file was created'}`);
  };
  // Write through a symbolic link to its target, not over the link.
  const real = exists ? await fs.realpath(file).catch((e: unknown) => fail('', e)) : file;
  const { mode, owner } = exists ? await replaceable(fs, real, fail) : { mode: 0o666, owner: undefined };
  const dir = path.dirname(real);
  await removeLeftovers(fs, real);
  let staged: string | undefined; // a temporary file not yet renamed, removed on failure
  /** A temporary file beside the original holding `content`, with its owner and mode. */
  const stage = async (content: string): Promise<string> => {
    const temp = path.join(dir, `.${path.basename(real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    const handle = await fs.open(temp, 'wx', mode).catch((e: unknown) => fail(`cannot create a file in ${path.basename(dir) || dir}/: `, e));
    staged = temp;
    try {
      await handle.writeFile(content, 'utf8');
      if (owner) await keepOwner(handle, owner);
      if (exists) await handle.chmod(mode); // the umask may have narrowed it; chown clears set-id bits
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  };
  let original: fsp.FileHandle | undefined;
  try {
    const temp = await stage(text);
    if (typeof expected === 'string') original = await openUnchanged(fs, real, shown, expected);
    else if (expected === null) await checkAbsent(fs, real, shown);
    await fs.rename(temp, real);
    staged = undefined;
    await syncDirectory(fs, dir);
    // A program that opened the file before the rename may have written into it since the check.
    const theirs = original && (await readAll(original));
    if (theirs !== undefined && theirs !== expected) {
      await fs.rename(await stage(theirs), real);
      staged = undefined;
      throw new UserError(`${shown}: the file changed while writing; nothing was written (what the other program wrote is kept): run the command again`);
    }
  } catch (error) {
    if (staged) await fs.unlink(staged).catch(() => undefined);
    if (isUserError(error)) throw error;
    fail('', error);
  } finally {
    await original?.close().catch(() => undefined);
  }
}

interface Kept {
  readonly mode: number;
  readonly owner: { readonly uid: number; readonly gid: number } | undefined;
}

/** What the new file keeps of the one it replaces; refuses a file that may not be replaced. */
async function replaceable(fs: WriteFs, real: string, fail: (what: string, error?: unknown) => never): Promise<Kept> {
  const info = await fs.stat(real).catch((e: unknown) => fail('', e));
  // Mode bits too: root may write anything, but a file marked read-only is meant to stay as it is.
  if ((info.mode & 0o222) === 0) fail('the file is read-only (make it writable to replace it)');
  await fs.access(real, constants.W_OK).catch((e: unknown) => fail('you may not write this file: ', e));
  // A rename would leave the other names with the old text.
  if (info.nlink > 1) fail(`the file has ${info.nlink - 1} other hard link${info.nlink > 2 ? 's' : ''}, which replacing it would cut off (copy it to a file of its own first)`);
  return { mode: info.mode & 0o7777, owner: { uid: info.uid, gid: info.gid } };
}

/** A new file, refused when one is there already (or appears meanwhile); its directory is made first. */
export async function createFile(io: Io, file: string, text: string, options: { shown: string; fs?: WriteFs }): Promise<Written> {
  const abs = path.resolve(io.cwd, file);
  await fsp.mkdir(path.dirname(abs), { recursive: true }).catch((error: unknown) => {
    throw new UserError(`cannot create the directory ${path.relative(io.cwd, path.dirname(abs)).split(path.sep).join('/')}: ${describeIoError(error)}`);
  });
  await writeAtomic(abs, text, { expected: null, ...options });
  return 'created';
}

/** What `writeOutput` did. */
export type Written = 'created' | 'replaced' | 'in place' | 'stdout';

/** This process's own standard output and error, by the names users give them. */
const STANDARD: Record<string, 'out' | 'err'> = { '/dev/stdout': 'out', '/dev/fd/1': 'out', '/proc/self/fd/1': 'out', '/dev/stderr': 'err', '/dev/fd/2': 'err', '/proc/self/fd/2': 'err' };

/**
 * Writes a command's --output. A new or regular file is replaced atomically; a
 * character device or a FIFO (/dev/null, a named pipe) is written to as it is,
 * never replaced; /dev/stdout is standard output. Refused: a symbolic link onto a
 * file (it could be anything; give the file itself) and a roadmap the command
 * read (`inputs`, relative to io.cwd), under any name.
 */
export async function writeOutput(io: Io, output: string, text: string, inputs: readonly string[]): Promise<Written> {
  const file = path.resolve(io.cwd, output);
  const refuse = (why: string): never => {
    throw new UserError(`--output ${output} ${why}; nothing was written`);
  };
  const standard = STANDARD[file];
  if (standard) {
    io[standard](text);
    return 'stdout';
  }
  const link = await fsp.lstat(file).catch((e: unknown) => (code(e) === 'ENOENT' ? undefined : refuse(`cannot be read: ${describeIoError(e)}`)));
  if (!link) {
    await writeAtomic(file, text, { shown: output });
    return 'created';
  }
  const info = link.isSymbolicLink() ? await fsp.stat(file).catch(() => undefined) : link;
  if (info && (info.isCharacterDevice() || info.isFIFO())) {
    await writeInPlace(file, text, output);
    return 'in place';
  }
  if (link.isSymbolicLink()) refuse(`is a symbolic link (to ${await fsp.readlink(file)}): give the file itself`);
  if (!info?.isFile()) refuse(info?.isDirectory() ? 'is a directory' : 'is not a regular file, a character device or a FIFO');
  if (
    await isInput(
      info!,
      inputs.map((f) => path.resolve(io.cwd, f)),
    )
  )
    refuse('is a roadmap this command reads');
  await writeAtomic(file, text, { shown: output });
  return 'replaced';
}

async function isInput(info: { dev: number; ino: number }, inputs: readonly string[]): Promise<boolean> {
  for (const input of inputs) {
    const s = await fsp.stat(input).catch(() => undefined);
    if (s && s.dev === info.dev && s.ino === info.ino) return true;
  }
  return false;
}

/** Writes into a device or FIFO as it is: never created, never truncated, never replaced. */
async function writeInPlace(file: string, text: string, shown: string): Promise<void> {
  const fail = (error: unknown): never => {
    throw new UserError(`cannot write ${shown}: ${isUserError(error) ? error.message : describeWriteError(error)}`);
  };
  const handle = await fsp.open(file, constants.O_WRONLY | constants.O_NOCTTY).catch(fail);
  try {
    const info = await handle.stat();
    // It may have been swapped for a regular file since it was looked at.
    if (!info.isCharacterDevice() && !info.isFIFO()) fail(new UserError('it is no longer a device or a FIFO; nothing was written'));
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    fail(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The original's owner and group where we may set them (root may); else its group if we belong to it. */
async function keepOwner(handle: fsp.FileHandle, { uid, gid }: { uid: number; gid: number }): Promise<void> {
  try {
    await handle.chown(uid, gid);
  } catch (error) {
    if (code(error) !== 'EPERM') throw error;
    await handle.chown(-1, gid).catch((e: unknown) => {
      if (code(e) !== 'EPERM') throw e;
    });
  }
}

/** Temporary files of this file left by a writer killed before its rename (its pid is gone). */
async function removeLeftovers(fs: WriteFs, real: string): Promise<void> {
  const base = path.basename(real);
  const names = await fs.readdir(path.dirname(real)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`.${base}.`)) continue;
    const pid = /^\.(.+)\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name);
    if (pid?.[1] === base && Number(pid[2]) !== process.pid && !alive(Number(pid[2]))) {
      await fs.unlink(path.join(path.dirname(real), name)).catch(() => undefined);
    }
  }
}

/**
 * The stale-file check, as late as possible: right before the rename. The file
 * stays open, so that what is written into it after the check can be seen.
 */
async function openUnchanged(fs: WriteFs, real: string, shown: string, expected: string): Promise<fsp.FileHandle> {
  const handle = await fs.open(real, 'r').catch((error: unknown) => {
    if (code(error) !== 'ENOENT') throw error;
    return undefined;
  });
  if (handle && (await readAll(handle).catch(async (error: unknown) => (await handle.close(), Promise.reject(error)))) === expected) return handle;
  await handle?.close();
  throw new UserError(`${shown} changed on disk since it was read (edited or removed meanwhile); nothing was written: run the command again`);
}

async function checkAbsent(fs: WriteFs, real: string, shown: string): Promise<void> {
  const there = await fs.stat(real).then(
    () => true,
    (error: unknown) => (code(error) === 'ENOENT' ? false : Promise.reject(error)),
  );
  if (there) throw new UserError(`${shown} was created by someone else meanwhile; nothing was written`);
}

/** The whole file from its start, wherever the handle's position is. */
async function readAll(handle: fsp.FileHandle): Promise<string> {
  const { size } = await handle.stat();
  const buffer = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return buffer.subarray(0, at).toString('utf8');
}

/** Makes the rename itself durable; best effort (not every system can open a directory). */
async function syncDirectory(fs: WriteFs, dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
