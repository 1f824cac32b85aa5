/** Plain text and TSV: tab-separated rows form tables, "- " lines are list items, other lines paragraphs. */
import { squeeze, type Block, type Row } from './document.js';

const BULLET = /^\s*(?:[-*•–·▪●]|\d+\))\s+/;

export function readText(text: string): Block[] {
  const blocks: Block[] = [];
  let table: Row[] | null = null;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (line.includes('\t') && line.trim() !== '') {
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table, at });
      }
      table.push({ cells: line.split('\t').map(squeeze), at });
      return;
    }
    table = null;
    const t = squeeze(line);
    if (t === '') return;
    if (BULLET.test(line)) blocks.push({ kind: 'item', text: squeeze(line.replace(BULLET, '')), at });
    else blocks.push({ kind: 'para', text: t, at });
  });
  return blocks;
}
