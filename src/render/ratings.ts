/** How ratings are said in the status views: latest per assessor, by target, with a mark for disagreements. Pure. */
import type { ActivityAssessment, Latest } from '../assess.js';
import { COMPLETION } from '../model.js';

export type Escape = (text: string) => string;

const SHORT: Readonly<Record<string, string>> = { 'not-started': 'not', limited: 'lim', substantial: 'sub', complete: 'com', 'no-evidence': 'n/e' };

/** The legend of the short levels a table shows. */
export const SHORT_LEGEND = 'Ratings as of today: not(-started) lim(ited) sub(stantial) com(plete) n/e (no evidence); ⚠ disagreement';

export const DISAGREEMENT_MARK = '⚠';

/**
 * One line per target: the whole activity's ratings ("GOV sub · NGOS lim"), then each
 * window's ("6th month: GOV com") and each other scale's ("impact: NGOS marginal").
 * With `short`, only the completion scale, in short levels (a terminal table).
 */
export function ratingLines(x: Pick<ActivityAssessment, 'latest' | 'disagreements'>, esc: Escape, short = false): string[] {
  const groups = new Map<string, Latest[]>();
  for (const l of x.latest) {
    const { scale, window } = l.assessment;
    if (short && scale !== COMPLETION) continue;
    const key = [window === null ? '' : esc(window), scale === COMPLETION ? '' : esc(scale)].filter(Boolean).join(', ');
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const level = (l: Latest) => (short ? (SHORT[l.assessment.level] ?? esc(l.assessment.level)) : esc(l.assessment.level));
  // The whole activity's ratings first: a line without a label reads as the activity's.
  const ordered = [...groups].sort((a, b) => (a[0] === '' ? 0 : 1) - (b[0] === '' ? 0 : 1));
  const lines = ordered.map(([key, ls]) => `${key ? `${key}: ` : ''}${ls.map((l) => `${esc(l.assessment.by)} ${level(l)}`).join(' · ')}`);
  if (x.disagreements.length > 0) {
    if (lines.length === 0) lines.push(DISAGREEMENT_MARK);
    else lines[0] = `${lines[0]} ${DISAGREEMENT_MARK}`;
  }
  return lines;
}
