/** Writing reports: whole files atomically, and GitHub's job summary by appending. */
import { randomBytes } from 'node:crypto';
import { appendFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeIoError } from '../load/index.js';
import { UserError } from './io.js';

/** Writes a temporary file beside `file` and renames it over: readers never see half a report. */
export async function writeFileAtomic(file: string, text: string, shown = file): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new UserError(`cannot write ${shown}: ${describeIoError(error)}`);
  }
}

/** GitHub refuses a step summary over 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** Bytes still free in the step summary file (it may already hold other steps' output). */
export async function summaryRoom(file: string): Promise<number> {
  const used = await stat(file).then((s) => s.size, () => 0);
  return STEP_SUMMARY_LIMIT - used;
}

export async function appendText(file: string, text: string): Promise<void> {
  await appendFile(file, text);
}
