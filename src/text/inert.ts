/**
 * Words shared by every layer (load, edit, render), so that none imports a renderer.
 *
 * Text from a roadmap is untrusted: it must never reach a terminal as control
 * characters (ANSI escapes, bidi overrides) nor break a line it sits in.
 */

// C0 and C1 controls, DEL, and the bidi / invisible formatting characters that can reorder or hide text.
// The zero-width (non-)joiners U+200C/U+200D stay: emoji sequences and several scripts need them.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g;

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// Anything inert() would change; most text has none of it and is returned as is.
const ANY = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** One line of inert text: line breaks become spaces, controls become visible escapes. */
export function inert(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(BREAKS, ' ').replace(CONTROLS, escapeControl);
}

/** Controls made visible, line breaks kept: for text whose format escapes line breaks itself. */
export function visibleControls(text: string): string {
  return ANY.test(text) ? text.replace(CONTROLS, escapeControl) : text;
}

/**
 * A file name shown in text: inert, and never `::` at the start of a line (after the
 * blanks GitHub's runner skips), where it would be read as a workflow command.
 */
export function inertPath(file: string): string {
  const shown = inert(file);
  return shown.trimStart().startsWith(':') ? `./${shown}` : shown;
}

/** Inert, but keeping line breaks (for multi-line notes). */
export function inertLines(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, escapeControl);
}

/** "2019-03-01 → 2019-04-30", or one date when start and end are the same day. */
export function span(start: string | null, end: string | null): string {
  if (!start || !end) return '';
  return start === end ? start : `${start} → ${end}`;
}
