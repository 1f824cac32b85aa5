/**
 * Makes an edit's read-modify-write exclusive among roadmap processes: a lock
 * file beside the roadmap (`.NAME.lock`), created with O_EXCL and holding the
 * holder's pid and host. A lock whose holder is gone (killed with -9, say) or
 * that is older than any edit takes is broken, so it never blocks for good.
 * Programs other than roadmap do not take it; for them the stale-file check in
 * write.ts remains.
 */
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describeIoError } from '../load/index.js';
import { UserError } from './io.js';

/** How long an edit waits for another one to finish. */
const WAIT_MS = 10_000;
/** No edit holds the lock this long; an older lock is left over, whatever its pid says (pids are reused). */
const STALE_MS = 60_000;
const POLL_MS = 20;

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
const HOST = hostname();

/** Whether process `pid` of this machine is alive (EPERM: alive, someone else's). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === 'EPERM';
  }
}

interface Holder {
  readonly pid: number | undefined;
  readonly host: string | undefined;
  readonly ino: number;
  readonly ageMs: number;
}

async function holderOf(lock: string): Promise<Holder | undefined> {
  const handle = await fsp.open(lock, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const [text, info] = await Promise.all([handle.readFile('utf8'), handle.stat()]);
    const [pid, host] = text.trim().split(' ');
    return { pid: /^\d+$/.test(pid ?? '') ? Number(pid) : undefined, host, ino: info.ino, ageMs: Date.now() - info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** A lock still empty after this was left by a holder killed between creating and filling it. */
const EMPTY_STALE_MS = 5_000;

const stale = (h: Holder) => h.ageMs > STALE_MS || (h.pid === undefined ? h.ageMs > EMPTY_STALE_MS : h.host === HOST && !alive(h.pid));

/**
 * Removes a stale lock. It is moved aside first and checked to be the one found
 * stale: another process may have broken it and taken a fresh one meanwhile,
 * which is then put back.
 */
async function breakLock(lock: string, holder: Holder): Promise<void> {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    await fsp.rename(lock, aside);
  } catch {
    return; // already broken by someone else
  }
  const moved = await fsp.stat(aside).catch(() => undefined);
  if (moved && moved.ino !== holder.ino) await fsp.link(aside, lock).catch(() => undefined);
  await fsp.unlink(aside).catch(() => undefined);
}

export interface LockOptions {
  /** The file as shown to the user. */
  readonly shown: string;
  /** Called once if the lock is taken and this edit has to wait. */
  readonly waiting?: () => void;
  /** How long to wait for another edit (tests shorten it). */
  readonly waitMs?: number;
}

/** Runs `work` holding the lock of `file` (a symbolic link is followed: every name of a file shares its lock). */
export async function withLock<T>(file: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const real = await fsp.realpath(file).catch(() => file);
  const lock = path.join(path.dirname(real), `.${path.basename(real)}.lock`);
  const ino = await acquire(lock, options);
  try {
    return await work();
  } finally {
    // Only our own: a lock broken as stale and taken by another stays theirs.
    const now = await fsp.stat(lock).catch(() => undefined);
    if (now?.ino === ino) await fsp.unlink(lock).catch(() => undefined);
  }
}

async function acquire(lock: string, options: LockOptions): Promise<number> {
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  let waited = false;
  for (;;) {
    const handle = await fsp.open(lock, 'wx', 0o644).catch((error: unknown) => {
      if (code(error) === 'EEXIST') return undefined;
      const dir = path.dirname(lock);
      throw new UserError(`cannot write ${options.shown}: cannot create a file in ${path.basename(dir) || dir}/: ${describeIoError(error)}; the file is unchanged`);
    });
    if (handle) {
      try {
        await handle.writeFile(`${process.pid} ${HOST}\n`);
        return (await handle.stat()).ino;
      } finally {
        await handle.close();
      }
    }
    const holder = await holderOf(lock);
    if (holder && stale(holder)) {
      await breakLock(lock, holder);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder?.pid === undefined ? '' : ` (process ${holder.pid}${holder.host && holder.host !== HOST ? ` on ${holder.host}` : ''})`;
      throw new UserError(`another edit of ${options.shown} is under way${who}; nothing was written: run the command again`);
    }
    if (!waited) options.waiting?.();
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
