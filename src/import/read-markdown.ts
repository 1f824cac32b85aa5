/** Markdown: `#` headings, list items, pipe tables (GitHub style). */
import { squeeze, type Block, type Row } from './document.js';

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Emphasis and code marks, which carry no words. */
const plain = (text: string) => squeeze(text.replace(/\*\*|__|`/g, '').replace(/<br\s*\/?>/gi, '\n'));

function cells(line: string): string[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').split('\n').map(plain).join('\n'));
}

export function readMarkdown(text: string): Block[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let table: Row[] | null = null;
  lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (line.trim().startsWith('|')) {
      if (SEPARATOR.test(line)) return;
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table, at });
      }
      table.push({ cells: cells(line), at });
      return;
    }
    table = null;
    if (line.trim() === '') return;
    const heading = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) blocks.push({ kind: 'heading', text: plain(heading[1] ?? ''), at });
    else if (BULLET.test(line)) blocks.push({ kind: 'item', text: plain(line.replace(BULLET, '')), at });
    else blocks.push({ kind: 'para', text: plain(line), at });
  });
  return blocks;
}
