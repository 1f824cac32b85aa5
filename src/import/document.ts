/**
 * The intermediate form every reader yields: the document's blocks in order, each
 * with the position it was read from, so that structure, periods and entities are
 * written once for every kind of document.
 */
export type Block = { readonly kind: 'heading' | 'para' | 'item'; readonly text: string; readonly at: string } | { readonly kind: 'table'; readonly rows: readonly Row[]; readonly at: string };

export interface Row {
  /** Cell texts; paragraphs inside a cell are kept apart by "\n". */
  readonly cells: readonly string[];
  /** "line 58" in a text file, "table 2, row 3" elsewhere. */
  readonly at: string;
}

/** Spaces as people type them (tabs, no-break spaces, runs) made one space. */
export const squeeze = (text: string): string => text.replace(/[ \t\u00a0\u2000-\u200a\u202f\u3000]+/g, ' ').trim();
