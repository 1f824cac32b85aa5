import { distance } from 'fastest-levenshtein';

/** Candidates close enough to `word` to be what was meant, best first. */
export function closest(word: string, candidates: Iterable<string>, most = 3): string[] {
  const lower = word.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    const longer = Math.max(word.length, c.length);
    const limit = Math.max(1, Math.ceil(longer / 3)); // 'titel' is two edits from 'title'
    // A one-letter word is "close" to every other letter: require something in common.
    if ((d <= limit && d < longer) || (lower.length >= 2 && c.toLowerCase().startsWith(lower))) scored.push([c, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, most)
    .map(([c]) => c);
}

/** ` (did you mean 'x'?)`, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const [best] = closest(word, candidates, 1);
  return best === undefined ? '' : `; did you mean '${best}'?`;
}
