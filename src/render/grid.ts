/**
 * A boxed table for the terminal: fixed column widths, cells word-wrapped by display
 * width, colour applied after layout so escape codes never count as width. Written
 * here rather than taken from cli-table3, whose loading alone cost `status` a fifth of
 * its start-up time (see README, Performance).
 */
import { fit, wrapCells } from './cells.js';

export interface Cell {
  readonly text: string;
  /** Colour for each line of the cell, applied after padding is computed. */
  readonly paint?: (line: string) => string;
  /** Colour for the lines of one part of the text (parts split at \n), where the part has its own. */
  readonly partPaint?: ReadonlyArray<((line: string) => string) | undefined>;
}

const PAD = 1;

function lines(cell: Cell, inner: number): string[] {
  return cell.text.split('\n').flatMap((part) => {
    const wrapped = wrapCells(
      part.split(' ').filter((w) => w !== ''),
      inner,
    );
    return wrapped.length ? wrapped : [''];
  });
}

/** The paint of each wrapped line, where parts have their own. */
function paints(cell: Cell, inner: number): Array<((line: string) => string) | undefined> {
  return cell.text.split('\n').flatMap((part, i) => {
    const n = Math.max(
      1,
      wrapCells(
        part.split(' ').filter((w) => w !== ''),
        inner,
      ).length,
    );
    return Array<((line: string) => string) | undefined>(n).fill(cell.partPaint?.[i] ?? cell.paint);
  });
}

function row(cells: readonly Cell[], widths: readonly number[]): string[] {
  const inners = widths.map((w) => Math.max(1, w - 2 * PAD));
  const wrapped = cells.map((c, i) => lines(c, inners[i]!));
  const painted = cells.map((c, i) => (c.partPaint ? paints(c, inners[i]!) : null));
  const height = Math.max(1, ...wrapped.map((l) => l.length));
  const out: string[] = [];
  for (let y = 0; y < height; y++) {
    const parts = cells.map((c, i) => {
      const text = fit(wrapped[i]![y] ?? '', inners[i]!);
      const content = text.trimEnd();
      const paint = painted[i] ? painted[i]![y] : c.paint;
      const shown = paint && content ? paint(content) + text.slice(content.length) : text;
      return ' '.repeat(PAD) + shown + ' '.repeat(PAD);
    });
    out.push(`│${parts.join('│')}│`);
  }
  return out;
}

function rule(widths: readonly number[], left: string, middle: string, right: string): string {
  return left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
}

/** `widths` are whole column widths, padding included (as cli-table3's colWidths). */
export function grid(head: readonly Cell[], body: readonly (readonly Cell[])[], widths: readonly number[]): string {
  return [rule(widths, '┌', '┬', '┐'), ...row(head, widths), rule(widths, '├', '┼', '┤'), ...body.flatMap((cells) => row(cells, widths)), rule(widths, '└', '┴', '┘')].join('\n');
}
