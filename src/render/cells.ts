/**
 * Fitting text into terminal cells by display width: wide CJK and emoji take two
 * cells, marks none. Most text is measured a code point at a time with the East
 * Asian Width table; only text that can form multi-character clusters (emoji
 * sequences, combining marks, Hangul jamo) needs grapheme segmentation and the
 * full rules of string-width. Loading string-width costs ~30 ms (it builds an
 * Intl.Segmenter and large Unicode regexes), so commands call loadWidths() with
 * the texts they will show, and it is imported only when one of them needs it.
 */
import { eastAsianWidth } from 'get-east-asian-width';

// Printable ASCII is one cell a character: the common case, measured without any table.
const ASCII = /^[\x20-\x7e]*$/;
let complex: RegExp | undefined;
let zeroWidth: RegExp | undefined;
let fullRules: ((text: string) => number) | undefined;
let graphemes: Intl.Segmenter | undefined;

/** Text whose width depends on how its characters cluster. */
function isComplex(text: string): boolean {
  complex ??= /[\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Default_Ignorable_Code_Point}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uff00-\uffef\u20e3]/u;
  return !ASCII.test(text) && complex.test(text);
}

/** Imports the full width rules if any of `texts` needs them. */
export async function loadWidths(texts: Iterable<string>): Promise<void> {
  if (fullRules) return;
  for (const t of texts) {
    if (isComplex(t)) {
      fullRules = (await import('string-width')).default;
      return;
    }
  }
}

function codePointWidth(c: string): number {
  zeroWidth ??= /[\p{Cc}\p{Cf}\p{M}]/u;
  return zeroWidth.test(c) ? 0 : eastAsianWidth(c.codePointAt(0)!);
}

export function width(text: string): number {
  if (ASCII.test(text)) return text.length;
  if (fullRules && isComplex(text)) return fullRules(text);
  let w = 0;
  for (const c of text) w += codePointWidth(c);
  return w;
}

/** The pieces a cut may not split: graphemes where clusters can form, else code points. */
function pieces(text: string): Iterable<string> {
  if (!fullRules || !isComplex(text)) return text;
  graphemes ??= new Intl.Segmenter();
  return Array.from(graphemes.segment(text), (s) => s.segment);
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
  const full = width(text);
  if (full <= cells) return [text, full];
  const room = cells - 1; // for the ellipsis
  if (ASCII.test(text)) {
    const kept = text.slice(0, room).trimEnd();
    return [`${kept}…`, kept.length + 1];
  }
  let used = 0;
  let out = '';
  for (const piece of pieces(text)) {
    const w = width(piece);
    if (used + w > room) break;
    out += piece;
    used += w;
  }
  const kept = out.trimEnd();
  return [`${kept}…`, width(kept) + 1];
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
