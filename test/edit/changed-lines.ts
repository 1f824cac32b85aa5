import { diffLines } from 'diff';

/** The lines a change removed and added (line endings dropped), for the golden tests of edits. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.split(/\r?\n/).filter((l, i, all) => i < all.length - 1 || l !== '');
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}
