/** Fitting text into terminal cells by display width: wide CJK and emoji take two cells, marks none. */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter();
// Printable ASCII is one cell a character: the common case, measured without segmenting.
const ASCII = /^[\x20-\x7e]*$/;

export function width(text: string): number {
  return ASCII.test(text) ? text.length : stringWidth(text);
}

/**
 * `text` cut to at most `cells` display cells, ending in … when cut, never splitting a
 * grapheme (emoji sequences, letters with marks). Assumes inert text (no controls).
 */
export function truncate(text: string, cells: number): string {
  return cutTo(text, cells)[0];
}

/** `text` fitted to exactly `cells` cells: truncated with …, then padded with spaces. */
export function fit(text: string, cells: number): string {
  const [cut, used] = cutTo(text, cells);
  return cut + ' '.repeat(Math.max(0, cells - used));
}

/** The cut text and its width. */
function cutTo(text: string, cells: number): [string, number] {
  if (cells <= 0) return ['', 0];
  const ascii = ASCII.test(text);
  const full = ascii ? text.length : stringWidth(text);
  if (full <= cells) return [text, full];
  const room = cells - 1; // for the ellipsis
  if (ascii) {
    const kept = text.slice(0, room).trimEnd();
    return [`${kept}…`, kept.length + 1];
  }
  let used = 0;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  const kept = out.trimEnd();
  return [`${kept}…`, stringWidth(kept) + 1];
}
/** Words greedily wrapped into lines of at most `cells` cells (words wider than a line are truncated). */
export function wrapCells(words: readonly string[], cells: number, gap = ' '): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = width(word);
    if (line && used + gap.length + w <= cells) {
      line += gap + word;
      used += gap.length + w;
      continue;
    }
    if (line) lines.push(line);
    line = truncate(word, cells);
    used = width(line);
  }
  if (line) lines.push(line);
  return lines;
}
