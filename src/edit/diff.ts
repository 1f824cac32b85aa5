/** The unified diff of an edit, as `--dry-run` and `roadmap update` show it. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { inert } from '../text/inert.js';

/**
 * A git-style unified diff (`--- a/file`, `+++ b/file`, 3 lines of context).
 * For a terminal every line is made inert (controls escaped, a CR dropped);
 * otherwise the patch is exact, so it applies with `git apply` or `patch -p1`.
 */
export function unifiedDiff(file: string, before: string, after: string, terminal: boolean): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  if (!terminal) return patch;
  return patch
    .split('\n')
    .map((line) => inert(line.replace(/\r$/, '')))
    .join('\n');
}
