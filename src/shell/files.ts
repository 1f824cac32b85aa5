/** GitHub's job summary: appended to, within its size limit. */
import { appendFile, stat } from 'node:fs/promises';

/** GitHub refuses a step summary over 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** Bytes still free in the step summary file (it may already hold other steps' output). */
export async function summaryRoom(file: string): Promise<number> {
  const used = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  return STEP_SUMMARY_LIMIT - used;
}

export async function appendText(file: string, text: string): Promise<void> {
  await appendFile(file, text);
}
