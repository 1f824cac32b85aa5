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
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a combining mark alone is what this class looks for
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
  if (fullRules && isComplex(text)) {
    if (text.length <= 8) return shortWidth(text);
    if (text.length <= SEGMENT_CHUNK) return fullRules(text);
    // string-width sums the widths of the graphemes; it segments the whole text at once, which is slow for long text.
    let w = 0;
    for (const g of graphemesOf(text)) w += shortWidth(g);
    return w;
  }
  let w = 0;
  for (const c of text) w += codePointWidth(c);
  return w;
}

// Short texts (a grapheme, a word) remembered: string-width's emoji test costs microseconds each.
const shortWidths = new Map<string, number>();

function shortWidth(g: string): number {
  let w = shortWidths.get(g);
  if (w === undefined) {
    w = fullRules!(g);
    if (shortWidths.size < 10_000) shortWidths.set(g, w);
  }
  return w;
}

/** Code units given to the segmenter at a time. */
const SEGMENT_CHUNK = 256;

/**
 * The graphemes of `text`, segmented a chunk at a time: V8's Intl.Segmenter takes time
 * growing with the length of the whole text for each segment (40,000 emoji: 13 s at once,
 * milliseconds in chunks). Each chunk starts at a grapheme boundary; its last grapheme may
 * be cut short by the chunk's end, so it is segmented again at the start of the next chunk.
 * A boundary depends only on what comes before it, so the others stand.
 */
export function* graphemesOf(text: string, chunk = SEGMENT_CHUNK): Generator<string> {
  graphemes ??= new Intl.Segmenter();
  let at = 0;
  let size = chunk;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    // Never cut a surrogate pair: the last grapheme's first code point must be whole.
    if (end < text.length && end > at + 1 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const segments = Array.from(graphemes.segment(text.slice(at, end)), (x) => x.segment);
    if (end === text.length) {
      yield* segments;
      return;
    }
    if (segments.length < 2) {
      size *= 2; // one grapheme longer than the chunk (a letter with a thousand marks)
      continue;
    }
    for (let i = 0; i < segments.length - 1; i++) yield segments[i]!;
    at = end - segments[segments.length - 1]!.length;
    size = chunk;
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** The pieces a cut may not split: graphemes where clusters can form, else code points. */
function pieces(text: string): Iterable<string> {
  if (!fullRules || !isComplex(text)) return text;
  return graphemesOf(text);
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

/** The cut text and its width, in one pass that stops just past `cells`: a title may be megabytes. */
function cutTo(text: string, cells: number): [string, number] {
  if (cells <= 0) return ['', 0];
  const room = cells - 1; // for the ellipsis
  if (ASCII.test(text)) {
    if (text.length <= cells) return [text, text.length];
    const kept = text.slice(0, room).trimEnd();
    return [`${kept}…`, kept.length + 1];
  }
  let used = 0;
  let out = '';
  let full = true; // every piece so far fits in `room`
  for (const piece of pieces(text)) {
    const w = width(piece);
    if (full && used + w > room) full = false;
    if (full) out += piece;
    used += w;
    if (used > cells) {
      const kept = out.trimEnd();
      return [`${kept}…`, width(kept) + 1];
    }
  }
  return [text, used];
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
