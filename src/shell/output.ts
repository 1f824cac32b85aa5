/** Writing a whole output file atomically: a temporary file beside it, then a rename. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeIoError } from '../load/index.js';
import { UserError } from './io.js';

/** Readers see the old file or the new one, never half of one; a failure leaves no temporary file behind. */
export async function writeAtomic(file: string, text: string, cwd: string): Promise<string> {
  const target = path.resolve(cwd, file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new UserError(`cannot write ${file}: ${describeIoError(error)}`);
  }
  return target;
}
